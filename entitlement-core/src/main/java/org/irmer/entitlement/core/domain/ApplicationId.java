package org.irmer.entitlement.core.domain;

/** An application for entitlement (principle 2). */
public record ApplicationId(String value) implements Comparable<ApplicationId> {

  /** Rejects blank codes and surrounding white space, which would make two ids of one thing. */
  public ApplicationId {
    Codes.check(value, "ApplicationId");
  }

  public static ApplicationId of(String value) {
    return new ApplicationId(value);
  }

  @Override
  public int compareTo(ApplicationId other) {
    return value.compareTo(other.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
