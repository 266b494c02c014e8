package org.irmer.entitlement.core.domain;

/** An imaging employer, identified in the style of an ODS code (for example {@code RX1}). */
public record EmployerId(String value) implements Comparable<EmployerId> {

  /** Rejects blank codes and surrounding white space, which would make two ids of one thing. */
  public EmployerId {
    Codes.check(value, "EmployerId");
  }

  public static EmployerId of(String value) {
    return new EmployerId(value);
  }

  @Override
  public int compareTo(EmployerId other) {
    return value.compareTo(other.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
