package org.irmer.entitlement.core.domain;

/** A clinical indication or pathway code that a scope rule may be limited to. */
public record IndicationCode(String value) implements Comparable<IndicationCode> {

  /** Rejects blank codes and surrounding white space, which would make two ids of one thing. */
  public IndicationCode {
    Codes.check(value, "IndicationCode");
  }

  public static IndicationCode of(String value) {
    return new IndicationCode(value);
  }

  @Override
  public int compareTo(IndicationCode other) {
    return value.compareTo(other.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
