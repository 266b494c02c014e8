package org.irmer.entitlement.core.domain;

/** A person known to the register: referrer, delegate, supervisor or manager. */
public record PersonId(String value) implements Comparable<PersonId> {

  /** Rejects blank codes and surrounding white space, which would make two ids of one thing. */
  public PersonId {
    Codes.check(value, "PersonId");
  }

  public static PersonId of(String value) {
    return new PersonId(value);
  }

  @Override
  public int compareTo(PersonId other) {
    return value.compareTo(other.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
