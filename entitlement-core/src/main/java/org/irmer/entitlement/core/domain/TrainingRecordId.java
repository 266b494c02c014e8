package org.irmer.entitlement.core.domain;

/** One training record. */
public record TrainingRecordId(String value) implements Comparable<TrainingRecordId> {

  /** Rejects blank codes and surrounding white space, which would make two ids of one thing. */
  public TrainingRecordId {
    Codes.check(value, "TrainingRecordId");
  }

  public static TrainingRecordId of(String value) {
    return new TrainingRecordId(value);
  }

  @Override
  public int compareTo(TrainingRecordId other) {
    return value.compareTo(other.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
