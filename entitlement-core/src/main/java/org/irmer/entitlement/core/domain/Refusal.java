package org.irmer.entitlement.core.domain;

import static com.google.common.base.Preconditions.checkNotNull;

/** One reason a lifecycle command was refused: a stable code and a plain-English message. */
public record Refusal(RefusalCode code, String message) {

  public Refusal {
    checkNotNull(code, "code");
    Codes.check(message, "refusal message");
  }

  public static Refusal of(RefusalCode code, String message) {
    return new Refusal(code, message);
  }

  @Override
  public String toString() {
    return code + ": " + message;
  }
}
