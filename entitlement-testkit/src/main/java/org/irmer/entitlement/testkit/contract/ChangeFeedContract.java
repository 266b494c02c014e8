package org.irmer.entitlement.testkit.contract;

import static com.google.common.base.Preconditions.checkNotNull;
import static com.google.common.base.Preconditions.checkState;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.irmer.entitlement.testkit.contract.ContractFixtures.AWKWARD_TEXT;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.irmer.entitlement.core.domain.AgreementId;
import org.irmer.entitlement.core.domain.EmployerId;
import org.irmer.entitlement.core.domain.PersonId;
import org.irmer.entitlement.core.port.out.ChangeFeed;
import org.irmer.entitlement.core.port.out.ChangeKind;
import org.irmer.entitlement.core.port.out.RegisterChange;
import org.irmer.entitlement.core.port.out.RegisterChange.Pending;
import org.irmer.entitlement.core.port.out.Transactions;
import org.irmer.entitlement.testkit.contract.Concurrently.Outcome;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link ChangeFeed}, clause by clause of its javadoc: a change published in a unit
 * of work is seen by no other thread before the unit commits and never if it rolls back; sequences
 * start at 1 and follow commit order, so a follower reading {@code changesSince} from the last
 * sequence it applied misses nothing even while many threads publish; {@code changesSince} pages by
 * its limit; listeners are called, in the committing thread, after the commit and before {@code
 * inTransaction} returns, a throwing listener neither failing the commit nor starving the others;
 * a closed subscription is called no more, and closing it twice is harmless.
 *
 * <p>What the suite cannot see from one process: listeners called from the adapter's own thread for
 * commits made by another node. Test that in your adapter's own tests, with two feeds over one
 * database.
 */
public abstract class ChangeFeedContract {

  private static final int THREADS = 8;
  private static final int UNITS_PER_THREAD = 40;
  private static final RuntimeException FAILURE =
      new IllegalStateException("the unit of work fails");

  /** The feed under test and the transactions whose units of work its publishing joins. */
  public record Ports(ChangeFeed changes, Transactions transactions) {

    public Ports {
      checkNotNull(changes, "changes");
      checkNotNull(transactions, "transactions");
    }
  }

  private ChangeFeed feed;
  private Transactions transactions;

  /**
   * A feed on which nothing was ever published, sharing nothing with any returned before (a new
   * database schema, whose sequence starts again at 1, or new objects), with the transactions it
   * joins. Called once before each test, on a new test instance.
   */
  protected abstract Ports newPorts();

  @BeforeEach
  final void createPorts() {
    Ports ports = newPorts();
    checkState(ports != null, "newPorts() returned null");
    feed = ports.changes();
    transactions = ports.transactions();
  }

  private static Pending person(String id) {
    return Pending.person(PersonId.of(id));
  }

  private ImmutableList<RegisterChange> all() {
    return feed.changesSince(0, Integer.MAX_VALUE);
  }

  /** What another thread sees of the feed now. */
  private ImmutableList<RegisterChange> seenFromAnotherThread() {
    Outcome<ImmutableList<RegisterChange>> outcome =
        Concurrently.run(List.<Callable<ImmutableList<RegisterChange>>>of(this::all)).get(0);
    assertThat(outcome.failure()).as("failure of a read from another thread").isNull();
    return outcome.value();
  }

  private long lastSequenceSeenFromAnotherThread() {
    Outcome<Long> outcome = Concurrently.run(List.<Callable<Long>>of(feed::lastSequence)).get(0);
    assertThat(outcome.failure()).as("failure of a read from another thread").isNull();
    return outcome.value();
  }

  @Test
  void holdsNothingAtFirstAndItsLastSequenceIsZero() {
    assertThat(feed.lastSequence()).isZero();
    assertThat(feed.changesSince(0, 10)).isEmpty();
  }

  @Test
  void numbersTheFirstChangeOneAndEachLaterOneHigher() {
    long first = feed.publish(person("P1"));
    long second = feed.publish(person("P2"));
    long third = feed.publish(person("P3"));

    assertThat(first).isEqualTo(1);
    assertThat(second).isGreaterThan(first);
    assertThat(third).isGreaterThan(second);
    assertThat(feed.lastSequence()).isEqualTo(third);
  }

  @Test
  void keepsEveryKindAndSubjectExactlyAsPublished() {
    List<Pending> published = List.of(
        person("P1"),
        Pending.employer(EmployerId.of("RX1")),
        Pending.procedures(EmployerId.of("RX1")),
        Pending.agreement(AgreementId.of("S1")),
        Pending.groupEntitlement(EmployerId.of("RX2")),
        Pending.delegation(EmployerId.of("RX1")),
        Pending.catalogue(),
        Pending.guidelines(),
        new Pending(ChangeKind.PERSON, AWKWARD_TEXT));
    List<RegisterChange> expected = new ArrayList<>();
    for (Pending change : published) {
      expected.add(change.at(feed.publish(change)));
    }

    assertThat(all()).containsExactlyElementsOf(expected);
  }

  @Test
  void readsAtMostTheLimitOfChangesAfterTheSequenceAsked() {
    for (int n = 1; n <= 10; n++) {
      feed.publish(person("P" + n));
    }
    ImmutableList<RegisterChange> all = all();

    assertThat(all).hasSize(10);
    assertThat(feed.changesSince(all.get(2).sequence(), 4)).containsExactlyElementsOf(all.subList(3, 7));
    assertThat(feed.changesSince(0, 1)).containsExactly(all.get(0));
    assertThat(feed.changesSince(all.get(7).sequence(), 5)).containsExactlyElementsOf(all.subList(8, 10));
  }

  @Test
  void readsNothingAfterTheLastSequence() {
    feed.publish(person("P1"));
    feed.publish(person("P2"));

    assertThat(feed.changesSince(feed.lastSequence(), 10)).isEmpty();
    assertThat(feed.changesSince(1_000_000, 10)).isEmpty();
  }

  @Test
  void refusesALimitBelowOne() {
    feed.publish(person("P1"));

    assertThatThrownBy(() -> feed.changesSince(0, 0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> feed.changesSince(0, -1)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void readsEveryChangePageByPageWithoutGapsOrRepeats() {
    for (int n = 1; n <= 10; n++) {
      feed.publish(person("P" + n));
    }

    List<RegisterChange> paged = new ArrayList<>();
    long last = 0;
    for (ImmutableList<RegisterChange> page = feed.changesSince(last, 3); !page.isEmpty();
        page = feed.changesSince(last, 3)) {
      assertThat(page).hasSizeLessThanOrEqualTo(3);
      paged.addAll(page);
      last = page.get(page.size() - 1).sequence();
    }

    assertThat(paged).isEqualTo(all());
  }

  @Test
  void commitsAChangePublishedOutsideAUnitOfWorkAtOnce() {
    long sequence = feed.publish(person("P1"));

    assertThat(seenFromAnotherThread()).containsExactly(person("P1").at(sequence));
  }

  @Test
  void showsNoOtherThreadAChangeOfAUnitOfWorkBeforeItCommits() {
    long committedBefore = feed.publish(person("P0"));

    long sequence = transactions.inTransaction(() -> {
      long published = feed.publish(person("P1"));
      assertThat(seenFromAnotherThread()).as("the feed seen while the unit is open")
          .containsExactly(person("P0").at(committedBefore));
      assertThat(lastSequenceSeenFromAnotherThread()).as("the last sequence while the unit is open")
          .isEqualTo(committedBefore);
      return published;
    });

    assertThat(seenFromAnotherThread())
        .containsExactly(person("P0").at(committedBefore), person("P1").at(sequence));
    assertThat(feed.lastSequence()).isEqualTo(sequence);
  }

  @Test
  void neverShowsAChangeOfAUnitOfWorkThatRollsBack() {
    Throwable thrown = catchThrowable(() -> transactions.inTransaction(() -> {
      feed.publish(person("P1"));
      throw FAILURE;
    }));
    long later = feed.publish(person("P2"));

    assertThat(thrown).isSameAs(FAILURE);
    assertThat(all()).containsExactly(person("P2").at(later));
    assertThat(feed.lastSequence()).isEqualTo(later);
  }

  @Test
  void commitsTheChangesOfOneUnitOfWorkTogetherInTheOrderPublished() {
    List<Long> sequences = transactions.inTransaction(() -> List.of(
        feed.publish(person("P1")), feed.publish(person("P2")), feed.publish(person("P3"))));

    assertThat(sequences).isSorted().doesNotHaveDuplicates();
    assertThat(all()).containsExactly(person("P1").at(sequences.get(0)),
        person("P2").at(sequences.get(1)), person("P3").at(sequences.get(2)));
  }

  @Test
  void commitsTheChangesOfANestedUnitOfWorkOnlyWithTheOutermost() {
    long sequence = transactions.inTransaction(() -> {
      long published = transactions.inTransaction(() -> feed.publish(person("P1")));
      assertThat(seenFromAnotherThread()).as("the feed seen after the nested unit returned")
          .isEmpty();
      return published;
    });

    assertThat(all()).containsExactly(person("P1").at(sequence));
  }

  @Test
  void dropsTheChangesOfANestedUnitOfWorkWhenTheOutermostRollsBack() {
    Throwable thrown = catchThrowable(() -> transactions.inTransaction(() -> {
      transactions.inTransaction(() -> feed.publish(person("P1")));
      throw FAILURE;
    }));

    assertThat(thrown).isSameAs(FAILURE);
    assertThat(all()).isEmpty();
    assertThat(feed.lastSequence()).isZero();
  }

  /**
   * Each listener writes down what it sees when it is called. A feed may call listeners when
   * nothing new was committed too, so only the calls that see the commit are compared.
   */
  @Test
  void callsEveryListenerInTheCommittingThreadAfterTheCommitAndBeforeTheUnitOfWorkReturns() {
    Thread committer = Thread.currentThread();
    List<String> calls = new CopyOnWriteArrayList<>();
    feed.subscribe(() -> calls.add("first saw " + all().size() + " on " + sameThread(committer)));
    feed.subscribe(() -> calls.add("second saw " + all().size() + " on " + sameThread(committer)));

    transactions.inTransaction(() -> {
      feed.publish(person("P1"));
      feed.publish(person("P2"));
      return null;
    });

    assertThat(calls).as("calls made before inTransaction returned")
        .contains("first saw 2 on the committing thread", "second saw 2 on the committing thread");
  }

  @Test
  void callsEveryListenerInThePublishingThreadBeforeAPublishOutsideAUnitOfWorkReturns() {
    Thread committer = Thread.currentThread();
    List<String> calls = new CopyOnWriteArrayList<>();
    feed.subscribe(() -> calls.add("saw " + all().size() + " on " + sameThread(committer)));

    feed.publish(person("P1"));

    assertThat(calls).contains("saw 1 on the committing thread");
  }

  @Test
  void aListenerThatThrowsNeitherFailsTheCommitNorKeepsTheOthersFromBeingCalled() {
    AtomicInteger before = new AtomicInteger();
    AtomicInteger after = new AtomicInteger();
    feed.subscribe(before::incrementAndGet);
    feed.subscribe(() -> {
      throw new IllegalStateException("a listener that breaks its contract");
    });
    feed.subscribe(after::incrementAndGet);

    String result = transactions.inTransaction(() -> {
      feed.publish(person("P1"));
      return "committed";
    });
    long outside = feed.publish(person("P2"));

    assertThat(result).isEqualTo("committed");
    assertThat(all()).extracting(RegisterChange::subject).containsExactly("P1", "P2");
    assertThat(outside).isEqualTo(feed.lastSequence());
    assertThat(before.get()).as("calls of the listener before the one that throws").isPositive();
    assertThat(after.get()).as("calls of the listener after the one that throws").isPositive();
  }

  @Test
  void callsAClosedSubscriptionNoMore() {
    AtomicInteger closed = new AtomicInteger();
    AtomicInteger open = new AtomicInteger();
    ChangeFeed.Subscription subscription = feed.subscribe(closed::incrementAndGet);
    feed.subscribe(open::incrementAndGet);
    feed.publish(person("P1"));
    int callsBeforeClosing = closed.get();

    subscription.close();
    feed.publish(person("P2"));
    transactions.inTransaction(() -> feed.publish(person("P3")));

    assertThat(callsBeforeClosing).isPositive();
    assertThat(closed.get()).as("calls after closing").isEqualTo(callsBeforeClosing);
    assertThat(open.get()).as("calls of the subscription left open").isGreaterThan(callsBeforeClosing);
  }

  @Test
  void closingASubscriptionTwiceClosesNothingElse() {
    AtomicInteger calls = new AtomicInteger();
    Runnable listener = calls::incrementAndGet;
    ChangeFeed.Subscription once = feed.subscribe(listener);
    feed.subscribe(listener);

    once.close();
    once.close();
    feed.publish(person("P1"));

    assertThat(calls.get()).as("calls of the same listener's other subscription").isPositive();
  }

  /**
   * Eight threads publish at once, some in units of work of one to three changes, some outside any,
   * while a follower reads {@code changesSince} from the last sequence it saw, as an engine does.
   * Every change gets its own sequence, each thread's in the order it committed them; nothing is
   * lost; and the follower, which never reads a sequence twice, has seen every change once.
   */
  @Test
  void givesConcurrentPublishersDistinctIncreasingSequencesAndAFollowerMissesNothing() {
    AtomicBoolean publishing = new AtomicBoolean(true);
    CountDownLatch followerStarted = new CountDownLatch(1);
    List<RegisterChange> followed = new ArrayList<>();
    AtomicReference<Throwable> followerFailure = new AtomicReference<>();
    Thread follower = new Thread(() -> {
      followerStarted.countDown();
      try {
        long last = 0;
        boolean drained = false;
        while (!drained) {
          boolean finished = !publishing.get();
          ImmutableList<RegisterChange> batch = feed.changesSince(last, 7);
          followed.addAll(batch);
          if (batch.isEmpty()) {
            Thread.yield();
          } else {
            last = batch.get(batch.size() - 1).sequence();
          }
          drained = finished && batch.isEmpty();
        }
      } catch (RuntimeException | Error failure) {
        followerFailure.set(failure);
      }
    }, "change feed follower");
    follower.start();
    awaitLatch(followerStarted);

    List<Outcome<List<RegisterChange>>> outcomes = Concurrently.run(THREADS, thread -> {
      List<RegisterChange> mine = new ArrayList<>();
      for (int unit = 0; unit < UNITS_PER_THREAD; unit++) {
        int size = 1 + unit % 3;
        List<Pending> changes = new ArrayList<>();
        for (int n = 0; n < size; n++) {
          changes.add(person(String.format(Locale.ROOT, "t%d-u%02d-%d", thread, unit, n)));
        }
        if (unit % 4 == 3) {
          for (Pending change : changes) {
            mine.add(change.at(feed.publish(change)));
          }
        } else {
          mine.addAll(transactions.inTransaction(() -> {
            List<RegisterChange> published = new ArrayList<>();
            for (Pending change : changes) {
              published.add(change.at(feed.publish(change)));
            }
            return published;
          }));
        }
      }
      return mine;
    });
    publishing.set(false);
    joinFollower(follower);
    assertThat(followerFailure.get()).as("failure of the follower").isNull();

    List<RegisterChange> published = new ArrayList<>();
    for (Outcome<List<RegisterChange>> outcome : outcomes) {
      assertThat(outcome.failure()).as("failure of a publisher").isNull();
      assertThat(outcome.value()).extracting(RegisterChange::sequence)
          .as("one thread's sequences, in the order it committed them").isSorted()
          .doesNotHaveDuplicates();
      published.addAll(outcome.value());
    }
    ImmutableList<RegisterChange> all = all();
    assertThat(all).as("every change committed").containsExactlyInAnyOrderElementsOf(published);
    assertThat(all).extracting(RegisterChange::sequence).as("sequences in the feed")
        .isSorted().doesNotHaveDuplicates();
    assertThat(followed).as("what the follower read, in order").isEqualTo(all);
    assertThat(feed.lastSequence()).isEqualTo(all.get(all.size() - 1).sequence());
  }

  private static String sameThread(Thread committer) {
    return Thread.currentThread() == committer ? "the committing thread" : "another thread";
  }

  private static void awaitLatch(CountDownLatch latch) {
    try {
      assertThat(latch.await(30, TimeUnit.SECONDS)).as("the follower started").isTrue();
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", interrupted);
    }
  }

  private static void joinFollower(Thread follower) {
    try {
      follower.join(TimeUnit.SECONDS.toMillis(30));
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", interrupted);
    }
    assertThat(follower.isAlive()).as("the follower is still reading after 30 s").isFalse();
  }
}
