package org.irmer.entitlement.core.domain;

/** One granted entitlement; a scope change makes a new one that supersedes it (principle 3). */
public record EntitlementId(String value) implements Comparable<EntitlementId> {

  /** Rejects blank codes and surrounding white space, which would make two ids of one thing. */
  public EntitlementId {
    Codes.check(value, "EntitlementId");
  }

  public static EntitlementId of(String value) {
    return new EntitlementId(value);
  }

  @Override
  public int compareTo(EntitlementId other) {
    return value.compareTo(other.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
