package org.irmer.entitlement.core.port.out;

/** Delivers notifications (by e-mail, task list, message queue: the adapter decides). */
public interface Notifications {

  /**
   * Accepts a notification for delivery. Delivery may happen later; a notification is never lost
   * once this returns.
   *
   * @throws StoreUnavailableException when it cannot be accepted
   */
  void send(Notification notification);
}
