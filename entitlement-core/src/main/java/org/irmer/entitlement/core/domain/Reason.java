package org.irmer.entitlement.core.domain;

import static com.google.common.base.Preconditions.checkNotNull;

/**
 * One reason a referral is not entitled: a stable code and a plain-English message that never
 * contains patient identifiers.
 */
public record Reason(ReasonCode code, String message) implements Comparable<Reason> {

  public Reason {
    checkNotNull(code, "code");
    Codes.check(message, "reason message");
  }

  public static Reason of(ReasonCode code, String message) {
    return new Reason(code, message);
  }

  /** Orders by code, then message: the order of {@link ReasonCode} puts status reasons first. */
  @Override
  public int compareTo(Reason other) {
    int byCode = code.compareTo(other.code);
    return byCode != 0 ? byCode : message.compareTo(other.message);
  }

  @Override
  public String toString() {
    return code + ": " + message;
  }
}
