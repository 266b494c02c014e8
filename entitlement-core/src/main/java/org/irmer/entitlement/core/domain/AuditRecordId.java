package org.irmer.entitlement.core.domain;

/** One audit of a referrer's practice (principle 10). */
public record AuditRecordId(String value) implements Comparable<AuditRecordId> {

  /** Rejects blank codes and surrounding white space, which would make two ids of one thing. */
  public AuditRecordId {
    Codes.check(value, "AuditRecordId");
  }

  public static AuditRecordId of(String value) {
    return new AuditRecordId(value);
  }

  @Override
  public int compareTo(AuditRecordId other) {
    return value.compareTo(other.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
