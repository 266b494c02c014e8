package org.irmer.entitlement.core.domain;

/** An examination code of the catalogue, NICIP style (for example {@code XKNEL}); looked up, never parsed. */
public record ExaminationCode(String value) implements Comparable<ExaminationCode> {

  /** Rejects blank codes and surrounding white space, which would make two ids of one thing. */
  public ExaminationCode {
    Codes.check(value, "ExaminationCode");
  }

  public static ExaminationCode of(String value) {
    return new ExaminationCode(value);
  }

  @Override
  public int compareTo(ExaminationCode other) {
    return value.compareTo(other.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
