package org.irmer.entitlement.core.port.out;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.time.LocalDate;

/**
 * What makes a notification a repeat, for {@link Notifications#sendOnce}: of notifications sent
 * under one key, only the first is delivered.
 *
 * @param value the key as the outbox stores it; any text, compared exactly
 */
public record NotificationKey(String value) {

  public NotificationKey {
    checkArgument(value != null && !value.isBlank(), "a notification key must not be blank");
  }

  /**
   * The key of "one notification of this kind, about this subject, to this recipient on this
   * day", where the day is whatever local date the caller says (for a referral check, the date of
   * the request in the imaging employer's zone). Recipient and subject are written so that no
   * value can pass for a boundary between them.
   */
  public static NotificationKey perDay(Notification notification, LocalDate day) {
    checkNotNull(notification, "notification");
    checkNotNull(day, "day");
    return new NotificationKey(notification.kind() + "|" + escape(notification.recipient()) + "|"
        + escape(notification.subject()) + "|" + day);
  }

  private static String escape(String value) {
    return value.replace("\\", "\\\\").replace("|", "\\|");
  }
}
