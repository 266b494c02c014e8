package org.irmer.entitlement.core.port.out;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.time.Instant;

/**
 * A message the library asks to be delivered: to a referrer, a supervisor or a delegate.
 *
 * @param recipient a person id, or an employer's delegate role written {@code delegates:<employer>}
 * @param kind what it is about
 * @param subject the task, entitlement, application or person it concerns
 */
public record Notification(String recipient, NotificationKind kind, String subject, String message,
    Instant at) {

  public Notification {
    checkArgument(recipient != null && !recipient.isBlank(), "recipient must not be blank");
    checkNotNull(kind, "kind");
    checkArgument(subject != null && !subject.isBlank(), "subject must not be blank");
    checkArgument(message != null && !message.isBlank(), "message must not be blank");
    checkNotNull(at, "at");
  }

  /** The recipient that stands for every current delegate of an employer. */
  public static String delegatesOf(org.irmer.entitlement.core.domain.EmployerId employer) {
    return "delegates:" + employer.value();
  }
}
