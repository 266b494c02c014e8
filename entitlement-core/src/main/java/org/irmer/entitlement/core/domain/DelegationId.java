package org.irmer.entitlement.core.domain;

/** A delegation by an employer of the power to grant entitlement (principle 1). */
public record DelegationId(String value) implements Comparable<DelegationId> {

  /** Rejects blank codes and surrounding white space, which would make two ids of one thing. */
  public DelegationId {
    Codes.check(value, "DelegationId");
  }

  public static DelegationId of(String value) {
    return new DelegationId(value);
  }

  @Override
  public int compareTo(DelegationId other) {
    return value.compareTo(other.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
