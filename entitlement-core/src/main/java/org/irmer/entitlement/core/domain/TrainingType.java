package org.irmer.entitlement.core.domain;

/**
 * A type of imaging training (principle 4). Referrer training is employer policy, not statute, so
 * the set is open: the constants are the common ones, and employers may name their own.
 */
public record TrainingType(String code) implements Comparable<TrainingType> {

  public static final TrainingType IRMER_REFERRER = new TrainingType("IRMER_REFERRER");
  public static final TrainingType CONTRAST_SAFETY = new TrainingType("CONTRAST_SAFETY");
  public static final TrainingType MRI_SAFETY = new TrainingType("MRI_SAFETY");
  public static final TrainingType REFERRAL_GUIDELINES = new TrainingType("REFERRAL_GUIDELINES");

  public TrainingType {
    Codes.check(code, "TrainingType");
  }

  public static TrainingType of(String code) {
    return new TrainingType(code);
  }

  @Override
  public int compareTo(TrainingType other) {
    return code.compareTo(other.code);
  }

  @Override
  public String toString() {
    return code;
  }
}
