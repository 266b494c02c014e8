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

  /**
   * Accepts {@code notification} for delivery, as {@link #send} does, unless a notification was
   * already accepted under {@code key}: then this one is dropped. Returns whether it was accepted.
   *
   * <p>Keys are kept by the store the notifications go to, so the limit holds across every
   * instance of the adapter over that store (every application node), not only within one object.
   * Of several sends with one key, from any number of threads or nodes, exactly one is accepted. A
   * key taken in a unit of work that rolls back is released with its notification: the next send
   * under it is accepted. Keys are kept for as long as the adapter says (at least for the period a
   * key names, such as the day of {@link NotificationKey#perDay}).
   */
  boolean sendOnce(NotificationKey key, Notification notification);
}
