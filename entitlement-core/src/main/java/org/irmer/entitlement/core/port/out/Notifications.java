package org.irmer.entitlement.core.port.out;

/**
 * Delivers notifications (by e-mail, task list, message queue: the adapter decides).
 *
 * <p>Sending joins the caller's unit of work ({@link Transactions}), as an outbox written in the
 * same transaction does: a notification sent in a unit of work that rolls back is never delivered,
 * so a refused or failed command sends nothing.
 *
 * @throws StoreUnavailableException from any method when a notification cannot be accepted
 */
public interface Notifications {

  /**
   * Accepts a notification for delivery. Delivery may happen later; a notification is never lost
   * once this returns (and its unit of work, if any, has committed). Sending the same notification
   * twice delivers it twice.
   */
  void send(Notification notification);
}
