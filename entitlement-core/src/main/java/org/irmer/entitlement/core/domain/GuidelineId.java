package org.irmer.entitlement.core.domain;

/** One entry of the referral guideline catalogue (principle 7). */
public record GuidelineId(String value) implements Comparable<GuidelineId> {

  /** Rejects blank codes and surrounding white space, which would make two ids of one thing. */
  public GuidelineId {
    Codes.check(value, "GuidelineId");
  }

  public static GuidelineId of(String value) {
    return new GuidelineId(value);
  }

  @Override
  public int compareTo(GuidelineId other) {
    return value.compareTo(other.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
