package org.irmer.entitlement.core.domain;

/** One compliance event recorded against a referrer (principle 6). */
public record ComplianceEventId(String value) implements Comparable<ComplianceEventId> {

  /** Rejects blank codes and surrounding white space, which would make two ids of one thing. */
  public ComplianceEventId {
    Codes.check(value, "ComplianceEventId");
  }

  public static ComplianceEventId of(String value) {
    return new ComplianceEventId(value);
  }

  @Override
  public int compareTo(ComplianceEventId other) {
    return value.compareTo(other.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
