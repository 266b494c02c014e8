package org.irmer.entitlement.core.service;

import java.time.Instant;
import org.irmer.entitlement.core.domain.EmployerId;
import org.irmer.entitlement.core.domain.PersonId;
import org.irmer.entitlement.core.port.out.Notification;
import org.irmer.entitlement.core.port.out.NotificationKind;
import org.irmer.entitlement.core.port.out.Notifications;

/**
 * Sends the lifecycle's notifications to a person or to every current delegate of an employer. Sent
 * inside the command's unit of work, so a refused or failed command sends nothing.
 */
final class Notifier {

  private final Notifications notifications;

  Notifier(Notifications notifications) {
    this.notifications = notifications;
  }

  void person(
      PersonId recipient, NotificationKind kind, String subject, String message, Instant at) {
    notifications.send(new Notification(recipient.value(), kind, subject, message, at));
  }

  void delegates(
      EmployerId employer, NotificationKind kind, String subject, String message, Instant at) {
    notifications.send(
        new Notification(Notification.delegatesOf(employer), kind, subject, message, at));
  }
}
