package org.irmer.entitlement.core.domain;

/** A role a person holds at an employer; entitlements are bound to it (principle 5). */
public record RoleId(String value) implements Comparable<RoleId> {

  /** Rejects blank codes and surrounding white space, which would make two ids of one thing. */
  public RoleId {
    Codes.check(value, "RoleId");
  }

  public static RoleId of(String value) {
    return new RoleId(value);
  }

  @Override
  public int compareTo(RoleId other) {
    return value.compareTo(other.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
