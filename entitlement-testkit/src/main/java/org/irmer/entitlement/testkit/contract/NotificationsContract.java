package org.irmer.entitlement.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.irmer.entitlement.testkit.contract.ContractFixtures.notification;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.List;
import org.irmer.entitlement.core.port.out.Notification;
import org.irmer.entitlement.core.port.out.Notifications;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link Notifications}: a notification accepted is never lost, however many
 * threads send at once, and reaches the outbox exactly as sent.
 *
 * <p>The port only accepts; what was accepted is read through {@link #sentNotifications()}, which
 * the implementation answers from wherever it keeps notifications awaiting delivery.
 */
public abstract class NotificationsContract extends EmptyRegisterContract {

  private static final int THREADS = 8;
  private static final int SENDS_PER_THREAD = 25;

  /**
   * Every notification the register of the running test (the one {@link #newRegister()} returned
   * last) has accepted and kept, each once, in any order.
   */
  protected abstract ImmutableList<Notification> sentNotifications();

  private Notifications notifications() {
    return register().notifications();
  }

  @Test
  void holdsNothingBeforeAnythingIsSent() {
    assertThat(sentNotifications()).isEmpty();
  }

  @Test
  void keepsEveryNotificationExactlyAsSent() {
    notifications().send(notification(1));
    notifications().send(notification(2));
    notifications().send(notification(3));

    assertThat(sentNotifications())
        .containsExactlyInAnyOrder(notification(1), notification(2), notification(3));
  }

  @Test
  void losesNoNotificationSentFromSeveralThreadsAtOnce() {
    List<Notification> sent = new ArrayList<>();
    for (int n = 0; n < THREADS * SENDS_PER_THREAD; n++) {
      sent.add(notification(n));
    }

    Concurrently.run(THREADS, thread -> {
      for (int n = 0; n < SENDS_PER_THREAD; n++) {
        notifications().send(sent.get(thread * SENDS_PER_THREAD + n));
      }
      return null;
    }).forEach(outcome -> assertThat(outcome.failure()).as("failure of a send").isNull());

    assertThat(sentNotifications()).containsExactlyInAnyOrderElementsOf(sent);
  }
}
