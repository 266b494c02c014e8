package org.irmer.entitlement.testkit.contract;

import static com.google.common.base.Preconditions.checkNotNull;
import static com.google.common.base.Preconditions.checkState;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.irmer.entitlement.testkit.contract.ContractFixtures.D0;
import static org.irmer.entitlement.testkit.contract.ContractFixtures.at;
import static org.irmer.entitlement.testkit.contract.ContractFixtures.auditEvent;
import static org.irmer.entitlement.testkit.contract.ContractFixtures.individualEntitlement;
import static org.irmer.entitlement.testkit.contract.ContractFixtures.training;
import static org.irmer.entitlement.testkit.contract.ContractFixtures.withStatus;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.google.common.collect.ImmutableList;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.irmer.entitlement.core.domain.AuditEvent;
import org.irmer.entitlement.core.domain.AuditTrailEntry;
import org.irmer.entitlement.core.domain.Entitlement;
import org.irmer.entitlement.core.domain.EntitlementId;
import org.irmer.entitlement.core.domain.EntitlementStatus;
import org.irmer.entitlement.core.domain.TrainingRecord;
import org.irmer.entitlement.core.domain.TrainingRecordId;
import org.irmer.entitlement.core.port.out.AuditTrail;
import org.irmer.entitlement.core.port.out.ConcurrentChangeException;
import org.irmer.entitlement.core.port.out.EntitlementStore;
import org.irmer.entitlement.core.port.out.TrainingStore;
import org.irmer.entitlement.core.port.out.Transactions;
import org.irmer.entitlement.testkit.contract.Concurrently.Outcome;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link Transactions}, as its javadoc states it: the writes of a unit of work and
 * its audit record commit together or not at all (ARCHITECTURE.md, flow 2); the work reads its own
 * writes; its result is returned and what it throws, a checked or unchecked exception or an
 * {@link Error}, rethrown unchanged; other threads see nothing of a unit of work before it commits;
 * a unit of work started within another joins it, commits only with the outermost and has no
 * savepoint; and rolling one back never undoes what another thread wrote meanwhile, inside a unit
 * of its own or outside any.
 *
 * <p>The suite writes through the least a unit of work needs: one store written with optimistic
 * concurrency (the entitlement store), one append-only store (the training store) and, when the
 * adapter gives it, the audit trail every command appends to. That the other ports of an adapter
 * join its units of work too is checked by their own suites where the library relies on it ({@link
 * NotificationsContract}, {@link ChangeFeedContract}) and, for an adapter that offers every port,
 * by {@link RegisterTransactionsContract}.
 *
 * <p>Each test starts from one committed entitlement, one committed training record and one
 * committed audit trail entry, so that both new records and new versions of existing ones are
 * written.
 */
public abstract class TransactionsContract {

  private static final EntitlementId E1 = EntitlementId.of("E1");
  private static final EntitlementId E9 = EntitlementId.of("E9");
  /** How long a failing unit of work stays open after another thread has started writing. */
  private static final long OVERLAP_MILLIS = 200;

  /**
   * The transactions under test and the ports whose writes join their units of work. Without an
   * audit trail the suite checks the stores alone, and its one test about the trail is skipped (as
   * a skipped test, not silently); give the trail as soon as the adapter has one.
   */
  public record Ports(Transactions transactions, EntitlementStore entitlements,
      TrainingStore training, Optional<AuditTrail> auditTrail) {

    public Ports {
      checkNotNull(transactions, "transactions");
      checkNotNull(entitlements, "entitlements");
      checkNotNull(training, "training");
      checkNotNull(auditTrail, "auditTrail");
    }

    /** Ports with an audit trail. */
    public Ports(Transactions transactions, EntitlementStore entitlements, TrainingStore training,
        AuditTrail auditTrail) {
      this(transactions, entitlements, training, Optional.of(auditTrail));
    }

    /** Ports of an adapter that has no audit trail yet. */
    public Ports(Transactions transactions, EntitlementStore entitlements, TrainingStore training) {
      this(transactions, entitlements, training, Optional.empty());
    }
  }

  /** An error of the suite's own, so that nothing but the work can have thrown it. */
  private static final class WorkError extends Error {
    private static final long serialVersionUID = 1L;

    WorkError() {
      super("the unit of work fails with an error");
    }
  }

  private Transactions transactions;
  private EntitlementStore entitlements;
  private TrainingStore training;
  private Optional<AuditTrail> trail;
  private Entitlement entitlement;

  /**
   * Transactions over an empty entitlement store and an empty audit trail, sharing nothing with
   * any returned before. Called once before each test, on a new test instance.
   */
  protected abstract Ports newPorts();

  @BeforeEach
  final void storeCommittedRecords() {
    Ports ports = newPorts();
    checkState(ports != null, "newPorts() returned null");
    transactions = ports.transactions();
    entitlements = ports.entitlements();
    training = ports.training();
    trail = ports.auditTrail();
    entitlement = entitlements.save(individualEntitlement("E1", "P1", "RX1", at(0)), 0);
    training.add(training("T0", "P1", D0));
    append(0);
  }

  /**
   * What the ports hold: every version of both entitlements, every training record, and the whole
   * trail (empty without one).
   */
  private record State(ImmutableList<Entitlement> e1, ImmutableList<Entitlement> e9,
      ImmutableList<TrainingRecord> training, ImmutableList<AuditTrailEntry> trail) {}

  private State state() {
    return new State(entitlements.history(E1), entitlements.history(E9), training.all(),
        trail.map(entries -> entries.read(1, 1_000)).orElse(ImmutableList.of()));
  }

  /** Appends the audit event numbered {@code n} to the trail, when there is one. */
  private void append(int n) {
    trail.ifPresent(entries -> entries.append(auditEvent(n)));
  }

  /** The events on the trail, oldest first; empty without one. */
  private List<AuditEvent> trailEvents() {
    return state().trail().stream().map(AuditTrailEntry::event).toList();
  }

  private List<AuditEvent> expectedEvents(int... numbers) {
    return trail.isEmpty() ? List.of()
        : Arrays.stream(numbers).mapToObj(ContractFixtures::auditEvent).toList();
  }

  private void assertTrailUnbroken() {
    trail.ifPresent(entries -> assertThat(entries.firstBrokenLink()).isEmpty());
  }

  /**
   * A new entitlement, a new version of the committed one, a training record and an audit trail
   * entry.
   */
  private void writeThroughEveryPort() {
    entitlements.save(individualEntitlement("E9", "P1", "RX1", at(5)), 0);
    entitlements.save(withStatus(entitlement, EntitlementStatus.SUSPENDED, at(5)),
        entitlement.version());
    training.add(training("T9", "P1", D0.plusDays(1)));
    append(9);
  }

  @Test
  void returnsTheResultOfTheWork() {
    assertThat(transactions.inTransaction(() -> "the result")).isEqualTo("the result");
  }

  @Test
  void keepsEveryWriteOfAUnitOfWorkThatSucceeds() {
    State before = state();

    State inside = transactions.inTransaction(() -> {
      writeThroughEveryPort();
      return state();
    });

    assertEveryPartChanged(before, inside);
    assertThat(state()).isEqualTo(inside);
    assertTrailUnbroken();
  }

  @Test
  void letsTheWorkReadItsOwnWrites() {
    transactions.inTransaction(() -> {
      Entitlement saved = entitlements.save(individualEntitlement("E9", "P1", "RX1", at(5)), 0);
      TrainingRecord added = training.add(training("T9", "P1", D0.plusDays(1)));

      assertThat(entitlements.find(E9)).contains(saved);
      assertThat(training.forPerson(added.person())).contains(added);
      trail.ifPresent(entries -> {
        AuditTrailEntry appended = entries.append(auditEvent(9));
        assertThat(entries.read(appended.sequence(), 1)).containsExactly(appended);
      });
      return null;
    });
  }

  @Test
  void leavesNoWriteBehindWhenTheWorkFails() {
    State before = state();
    RuntimeException failure = new IllegalStateException("the unit of work fails");
    State[] inside = new State[1];

    Throwable thrown = catchThrowable(() -> transactions.inTransaction(() -> {
      writeThroughEveryPort();
      inside[0] = state();
      throw failure;
    }));

    assertThat(thrown).as("the exception rethrown").isSameAs(failure);
    assertEveryPartChanged(before, inside[0]);
    assertThat(state()).isEqualTo(before);
  }

  @Test
  void leavesNoWriteBehindWhenTheWorkThrowsACheckedException() {
    State before = state();
    Exception failure = new IOException("a checked failure thrown through the work");

    Throwable thrown = catchThrowable(() -> transactions.inTransaction(() -> {
      writeThroughEveryPort();
      throw TransactionsContract.<RuntimeException>sneakyThrow(failure);
    }));

    assertThat(thrown).as("the exception rethrown").isSameAs(failure);
    assertThat(state()).isEqualTo(before);
  }

  @Test
  void leavesNoWriteBehindAndRethrowsAnErrorUnchanged() {
    State before = state();
    Error failure = new WorkError();

    Throwable thrown = catchThrowable(() -> transactions.inTransaction(() -> {
      writeThroughEveryPort();
      throw failure;
    }));

    assertThat(thrown).as("the error rethrown").isSameAs(failure);
    assertThat(state()).isEqualTo(before);
  }

  @Test
  void showsAnotherThreadNothingOfAUnitOfWorkThatRollsBack() {
    State before = state();
    RuntimeException failure = new IllegalStateException("the unit of work fails");

    State seen = readOnAnotherThreadWhileAUnitOfWorkIsOpen(failure, false);

    assertThat(seen).as("what another thread read while the unit was open").isEqualTo(before);
    assertThat(state()).isEqualTo(before);
  }

  @Test
  void showsAnotherThreadAUnitOfWorksWritesOnlyOnceItCommits() {
    State before = state();

    State seen = readOnAnotherThreadWhileAUnitOfWorkIsOpen(null, true);

    State after = state();
    assertEveryPartChanged(before, after);
    assertThat(seen).as("what another thread read while the unit was open: before or after it")
        .isIn(before, after);
  }

  /**
   * Runs a unit of work that writes through every port, then gives another thread the time to read
   * (an adapter whose readers wait for the unit reads once it ends), then fails with {@code
   * failure} or, when that is null, commits. Returns what the other thread read, in one {@link
   * Transactions#reading} view when {@code consistentView} and by plain reads otherwise.
   */
  private State readOnAnotherThreadWhileAUnitOfWorkIsOpen(RuntimeException failure,
      boolean consistentView) {
    CountDownLatch unitWrote = new CountDownLatch(1);
    CountDownLatch otherRead = new CountDownLatch(1);
    Callable<Object> unit = () -> transactions.inTransaction(() -> {
      writeThroughEveryPort();
      unitWrote.countDown();
      awaitAtMost(otherRead, OVERLAP_MILLIS);
      if (failure != null) {
        throw failure;
      }
      return null;
    });
    Callable<Object> reader = () -> {
      await(unitWrote);
      State seen = consistentView ? transactions.reading(this::state) : state();
      otherRead.countDown();
      return seen;
    };

    List<Outcome<Object>> outcomes = Concurrently.run(List.of(unit, reader));

    assertThat(outcomes.get(0).failure()).as("failure of the unit of work").isSameAs(failure);
    assertThat(outcomes.get(1).failure()).as("failure of the reader").isNull();
    return (State) outcomes.get(1).value();
  }

  @Test
  void leavesNoWriteBehindWhenAWriteIsRefusedPartWay() {
    State before = state();

    Throwable thrown = catchThrowable(() -> transactions.inTransaction(() -> {
      writeThroughEveryPort();
      return entitlements.save(entitlement, entitlement.version());
    }));

    assertThat(thrown).isInstanceOf(ConcurrentChangeException.class);
    assertThat(state()).isEqualTo(before);
  }

  @Test
  void appendsToTheTrailAfterARollbackWhereTheCommittedChainEnds() {
    assumeTrue(trail.isPresent(), "the adapter gave no audit trail");
    AuditTrail entries = trail.orElseThrow();
    catchThrowable(() -> transactions.inTransaction(() -> {
      entries.append(auditEvent(1));
      throw new IllegalStateException("rolled back");
    }));

    AuditTrailEntry next = entries.append(auditEvent(2));

    assertThat(next.sequence()).isEqualTo(2);
    assertThat(entries.read(1, 10)).extracting(AuditTrailEntry::event)
        .containsExactly(auditEvent(0), auditEvent(2));
    assertThat(entries.firstBrokenLink()).isEmpty();
  }

  @Test
  void returnsTheResultOfAUnitOfWorkStartedWithinAnother() {
    String result = transactions.inTransaction(() -> {
      String inner = transactions.inTransaction(() -> {
        entitlements.save(individualEntitlement("E9", "P1", "RX1", at(5)), 0);
        return "inner";
      });
      assertThat(entitlements.find(E9)).isPresent();
      return inner + " and outer";
    });

    assertThat(result).isEqualTo("inner and outer");
    assertThat(entitlements.find(E9)).isPresent();
  }

  @Test
  void rollsBackAUnitOfWorkStartedWithinAnotherWhenTheOuterOneFails() {
    State before = state();
    RuntimeException failure = new IllegalStateException("the outer unit of work fails");

    Throwable thrown = catchThrowable(() -> transactions.inTransaction(() -> {
      transactions.inTransaction(() -> {
        writeThroughEveryPort();
        return null;
      });
      throw failure;
    }));

    assertThat(thrown).isSameAs(failure);
    assertThat(state()).isEqualTo(before);
  }

  @Test
  void commitsWhatAFailedNestedUnitWroteWhenTheOuterOneCatchesItsFailure() {
    RuntimeException failure = new IllegalStateException("the nested work fails");

    Throwable caught = transactions.inTransaction(() -> {
      Throwable inner = catchThrowable(() -> transactions.inTransaction(() -> {
        entitlements.save(individualEntitlement("E9", "P1", "RX1", at(5)), 0);
        throw failure;
      }));
      training.add(training("T9", "P1", D0.plusDays(1)));
      append(9);
      return inner;
    });

    assertThat(caught).as("the nested failure, passed through unchanged").isSameAs(failure);
    assertThat(entitlements.find(E9)).as("written before the nested failure").isPresent();
    assertThat(training.all()).extracting(TrainingRecord::id)
        .containsExactly(TrainingRecordId.of("T0"), TrainingRecordId.of("T9"));
    assertThat(trailEvents()).containsExactlyElementsOf(expectedEvents(0, 9));
  }

  @Test
  void undoesOnlyItsOwnWritesWhenAnotherThreadWritesMeanwhile() {
    assertOtherThreadKeepsItsWrites(false);
  }

  @Test
  void undoesOnlyItsOwnWritesWhenAnotherThreadCommitsAUnitOfItsOwnMeanwhile() {
    assertOtherThreadKeepsItsWrites(true);
  }

  /**
   * Runs a unit of work that writes, waits for another thread to start writing (in a unit of its
   * own or not), and fails; asserts that only the other thread's writes remain.
   */
  private void assertOtherThreadKeepsItsWrites(boolean otherInAUnitOfWork) {
    CountDownLatch unitWrote = new CountDownLatch(1);
    CountDownLatch otherStarted = new CountDownLatch(1);
    RuntimeException failure = new IllegalStateException("the unit of work fails");
    Callable<Object> failingUnit = () -> transactions.inTransaction(() -> {
      entitlements.save(withStatus(entitlement, EntitlementStatus.SUSPENDED, at(1)),
          entitlement.version());
      training.add(training("T1", "P1", D0.plusDays(1)));
      append(1);
      unitWrote.countDown();
      await(otherStarted);
      linger();
      throw failure;
    });
    Callable<Object> otherWrites = () -> {
      Entitlement revoked = entitlements.save(
          withStatus(entitlement, EntitlementStatus.REVOKED, at(2)), entitlement.version());
      training.add(training("T2", "P1", D0.plusDays(2)));
      append(2);
      return revoked;
    };
    Callable<Object> otherWriter = () -> {
      await(unitWrote);
      otherStarted.countDown();
      return otherInAUnitOfWork ? transactions.inTransaction(() -> call(otherWrites))
          : otherWrites.call();
    };

    List<Outcome<Object>> outcomes = Concurrently.run(List.of(failingUnit, otherWriter));

    assertThat(outcomes.get(0).failure()).as("failure of the unit of work").isSameAs(failure);
    assertThat(outcomes.get(1).failure()).as("failure of the other writer").isNull();
    assertThat(entitlements.history(E1))
        .containsExactly(entitlement, (Entitlement) outcomes.get(1).value());
    assertThat(training.all()).extracting(TrainingRecord::id)
        .containsExactly(TrainingRecordId.of("T0"), TrainingRecordId.of("T2"));
    assertThat(trailEvents()).containsExactlyElementsOf(expectedEvents(0, 2));
    assertTrailUnbroken();
  }

  private static Object call(Callable<Object> task) {
    try {
      return task.call();
    } catch (Exception failure) {
      throw TransactionsContract.<RuntimeException>sneakyThrow(failure);
    }
  }

  /** Throws a checked exception where the compiler does not expect one, as some callers do. */
  @SuppressWarnings("unchecked")
  private static <E extends Throwable> RuntimeException sneakyThrow(Throwable failure) throws E {
    throw (E) failure;
  }

  /** Guards against a vacuous pass: the work did write to every part that is compared. */
  private static void assertEveryPartChanged(State before, State inside) {
    assertThat(inside.e1()).as("versions of the committed entitlement, read inside")
        .isNotEqualTo(before.e1());
    assertThat(inside.e9()).as("the new entitlement, read inside").isNotEqualTo(before.e9());
    assertThat(inside.training()).as("the training records, read inside")
        .isNotEqualTo(before.training());
  }

  /** Waits for {@code latch}, but no longer than {@code millis}, and goes on either way. */
  private static void awaitAtMost(CountDownLatch latch, long millis) {
    try {
      latch.await(millis, TimeUnit.MILLISECONDS);
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", interrupted);
    }
  }

  private static void await(CountDownLatch latch) {
    try {
      assertThat(latch.await(30, TimeUnit.SECONDS)).as("the other thread got going").isTrue();
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", interrupted);
    }
  }

  /**
   * Keeps the unit of work open a little longer, so that the other thread's writes overlap it. A
   * correct implementation passes however the threads are scheduled; the pause only gives an
   * incorrect one the chance to show itself.
   */
  private static void linger() {
    try {
      Thread.sleep(OVERLAP_MILLIS);
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", interrupted);
    }
  }
}
