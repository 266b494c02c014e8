package org.irmer.entitlement.core.domain;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.util.OptionalInt;

/**
 * A warning on an entitled decision: the request may proceed, but someone should act. For
 * {@link WarningCode#TRAINING_EXPIRED_IN_GRACE}, {@code daysLeft} counts the grace days left after
 * the day of the request.
 */
public record Warning(WarningCode code, String message, OptionalInt daysLeft)
    implements Comparable<Warning> {

  public Warning {
    checkNotNull(code, "code");
    Codes.check(message, "warning message");
    checkNotNull(daysLeft, "daysLeft");
    checkArgument(daysLeft.orElse(0) >= 0, "daysLeft must not be negative");
  }

  @Override
  public int compareTo(Warning other) {
    int byCode = code.compareTo(other.code);
    return byCode != 0 ? byCode : message.compareTo(other.message);
  }
}
