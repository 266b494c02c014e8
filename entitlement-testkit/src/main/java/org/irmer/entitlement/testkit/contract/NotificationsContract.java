package org.irmer.entitlement.testkit.contract;

import static com.google.common.base.Preconditions.checkNotNull;
import static com.google.common.base.Preconditions.checkState;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.irmer.entitlement.testkit.contract.ContractFixtures.notification;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.List;
import org.irmer.entitlement.core.port.out.Notification;
import org.irmer.entitlement.core.port.out.Notifications;
import org.irmer.entitlement.core.port.out.Transactions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link Notifications}: a notification accepted is never lost, however many
 * threads send at once, and reaches the outbox exactly as sent; one sent in a unit of work that
 * rolls back never does.
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
   * Notifications with an empty outbox, sharing nothing with any returned before,
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
      notifications.send(notification(2));
      return null;
    });

    assertThat(sentNotifications()).containsExactlyInAnyOrder(notification(1), notification(2));
  }

  @Test
  void dropsWhatAUnitOfWorkSentWhenItRollsBack() {
    notifications.send(notification(0));

    Throwable thrown = catchThrowable(() -> transactions.inTransaction(() -> {
      notifications.send(notification(1));
      notifications.send(notification(2));
      throw FAILURE;
    }));

    assertThat(thrown).isSameAs(FAILURE);
    assertThat(sentNotifications()).containsExactly(notification(0));
  }
}

