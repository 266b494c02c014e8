package org.irmer.entitlement.testkit.contract;

import static com.google.common.base.Preconditions.checkNotNull;
import static com.google.common.base.Preconditions.checkState;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.irmer.entitlement.testkit.contract.ContractFixtures.D0;
import static org.irmer.entitlement.testkit.contract.ContractFixtures.notification;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.List;
import org.irmer.entitlement.core.port.out.Notification;
import org.irmer.entitlement.core.port.out.NotificationKey;
import org.irmer.entitlement.core.port.out.Notifications;
import org.irmer.entitlement.core.port.out.Transactions;
import org.irmer.entitlement.testkit.contract.Concurrently.Outcome;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link Notifications}: a notification accepted is never lost, however many
 * threads send at once, and reaches the outbox exactly as sent; one sent in a unit of work that
 * rolls back never does; and of the notifications sent once under one key only the first is
 * accepted, however many threads race, unless its unit of work rolled back.
 *
 * <p>The port only accepts; what was accepted is read through {@link #sentNotifications()}, which
 * the implementation answers from wherever it keeps notifications awaiting delivery. The suite
 * needs the {@link Transactions} whose units of work the notifications join, and nothing else.
 */
public abstract class NotificationsContract {

  private static final int THREADS = 8;
  private static final int SENDS_PER_THREAD = 25;
  private static final RuntimeException FAILURE =
      new IllegalStateException("the unit of work fails");

  /** The notifications under test and the transactions whose units of work they join. */
  public record Ports(Notifications notifications, Transactions transactions) {

    public Ports {
      checkNotNull(notifications, "notifications");
      checkNotNull(transactions, "transactions");
    }
  }

  private Notifications notifications;
  private Transactions transactions;

  /**
   * Notifications with an empty outbox and no keys taken, sharing nothing with any returned before,
   * with the transactions they join. Called once before each test, on a new test instance, so an
   * implementation may remember what it built in a field for {@link #sentNotifications()}.
   */
  protected abstract Ports newPorts();

  /**
   * Every notification the ports of the running test (the ones {@link #newPorts()} returned last)
   * have accepted and kept, each once, in any order.
   */
  protected abstract ImmutableList<Notification> sentNotifications();

  @BeforeEach
  final void createPorts() {
    Ports ports = newPorts();
    checkState(ports != null, "newPorts() returned null");
    notifications = ports.notifications();
    transactions = ports.transactions();
  }

  private static NotificationKey keyOf(Notification notification) {
    return NotificationKey.perDay(notification, D0);
  }

  @Test
  void holdsNothingBeforeAnythingIsSent() {
    assertThat(sentNotifications()).isEmpty();
  }

  @Test
  void keepsEveryNotificationExactlyAsSent() {
    notifications.send(notification(1));
    notifications.send(notification(2));
    notifications.send(notification(3));

    assertThat(sentNotifications())
        .containsExactlyInAnyOrder(notification(1), notification(2), notification(3));
  }

  @Test
  void deliversTheSameNotificationSentTwiceTwice() {
    notifications.send(notification(1));
    notifications.send(notification(1));

    assertThat(sentNotifications()).containsExactly(notification(1), notification(1));
  }

  @Test
  void losesNoNotificationSentFromSeveralThreadsAtOnce() {
    List<Notification> sent = new ArrayList<>();
    for (int n = 0; n < THREADS * SENDS_PER_THREAD; n++) {
      sent.add(notification(n));
    }

    Concurrently.run(THREADS, thread -> {
      for (int n = 0; n < SENDS_PER_THREAD; n++) {
        notifications.send(sent.get(thread * SENDS_PER_THREAD + n));
      }
      return null;
    }).forEach(outcome -> assertThat(outcome.failure()).as("failure of a send").isNull());

    assertThat(sentNotifications()).containsExactlyInAnyOrderElementsOf(sent);
  }

  @Test
  void keepsWhatAUnitOfWorkSentWhenItCommits() {
    transactions.inTransaction(() -> {
      notifications.send(notification(1));
      return notifications.sendOnce(keyOf(notification(2)), notification(2));
    });

    assertThat(sentNotifications()).containsExactlyInAnyOrder(notification(1), notification(2));
  }

  @Test
  void dropsWhatAUnitOfWorkSentWhenItRollsBack() {
    notifications.send(notification(0));

    Throwable thrown = catchThrowable(() -> transactions.inTransaction(() -> {
      notifications.send(notification(1));
      notifications.sendOnce(keyOf(notification(2)), notification(2));
      throw FAILURE;
    }));

    assertThat(thrown).isSameAs(FAILURE);
    assertThat(sentNotifications()).containsExactly(notification(0));
  }

  @Test
  void acceptsTheFirstNotificationSentOnceUnderAKeyAndDropsEveryLaterOne() {
    Notification first = notification(1);
    NotificationKey key = keyOf(first);
    Notification laterWithOtherWords = new Notification(first.recipient(), first.kind(),
        first.subject(), "Other words", first.at().plusSeconds(60));

    boolean firstAccepted = notifications.sendOnce(key, first);
    boolean repeatAccepted = notifications.sendOnce(key, first);
    boolean laterAccepted = notifications.sendOnce(key, laterWithOtherWords);

    assertThat(firstAccepted).isTrue();
    assertThat(repeatAccepted).isFalse();
    assertThat(laterAccepted).isFalse();
    assertThat(sentNotifications()).containsExactly(first);
  }

  @Test
  void keepsNotificationsSentOnceUnderDifferentKeysApart() {
    Notification notification = notification(1);

    notifications.sendOnce(keyOf(notification), notification);
    notifications.sendOnce(NotificationKey.perDay(notification, D0.plusDays(1)), notification);
    notifications.sendOnce(new NotificationKey("another key"), notification);

    assertThat(sentNotifications()).containsExactly(notification, notification, notification);
  }

  @Test
  void takesNoKeyForANotificationSentPlainly() {
    Notification notification = notification(1);
    notifications.send(notification);

    boolean accepted = notifications.sendOnce(keyOf(notification), notification);

    assertThat(accepted).as("sent once after a plain send").isTrue();
    assertThat(sentNotifications()).containsExactly(notification, notification);
  }

  @Test
  void releasesTheKeyOfAUnitOfWorkThatRollsBack() {
    Notification notification = notification(1);
    NotificationKey key = keyOf(notification);
    Throwable thrown = catchThrowable(() -> transactions.inTransaction(() -> {
      checkState(notifications.sendOnce(key, notification), "the first send was dropped");
      throw FAILURE;
    }));
    assertThat(thrown).isSameAs(FAILURE);

    boolean accepted = notifications.sendOnce(key, notification);

    assertThat(accepted).as("sent once again after the first was rolled back").isTrue();
    assertThat(sentNotifications()).containsExactly(notification);
  }

  @Test
  void dropsARepeatSentWithinTheSameUnitOfWork() {
    Notification notification = notification(1);

    boolean repeatAccepted = transactions.inTransaction(() -> {
      notifications.sendOnce(keyOf(notification), notification);
      return notifications.sendOnce(keyOf(notification), notification);
    });

    assertThat(repeatAccepted).isFalse();
    assertThat(sentNotifications()).containsExactly(notification);
  }

  @Test
  void acceptsExactlyOneOfThreadsSendingOnceUnderTheSameKey() {
    for (int round = 0; round < 10; round++) {
      Notification notification = notification(round);
      NotificationKey key = keyOf(notification);

      List<Outcome<Boolean>> outcomes = Concurrently.run(THREADS,
          thread -> notifications.sendOnce(key, notification));

      assertThat(outcomes).allSatisfy(outcome -> assertThat(outcome.failure()).isNull());
      assertThat(outcomes).filteredOn(outcome -> Boolean.TRUE.equals(outcome.value()))
          .as("sends accepted in round %s", round).hasSize(1);
    }

    assertThat(sentNotifications()).hasSize(10).doesNotHaveDuplicates();
  }
}
