package org.irmer.entitlement.core.service;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.irmer.entitlement.core.domain.LapsePolicyKind;
import org.irmer.entitlement.core.domain.TrainingLapsePolicy;
import org.irmer.entitlement.core.domain.TrainingRecord;
import org.irmer.entitlement.core.domain.TrainingType;

/**
 * How a person stands on a date against one training the procedures require, under its lapse policy
 * (principle 4; DOMAIN.md section 5, rule 5). {@link TrainingRecord#expires()} is the last valid
 * day, inclusive; under {@code WARN_WITH_GRACE(n)} the training is in grace while the date is at
 * most {@code n} days after it. Training never held cannot be in grace.
 *
 * @param lastValidDay the last day of the latest expired record; empty when none was ever held
 */
record TrainingStanding(
    TrainingType type,
    TrainingLapsePolicy policy,
    Standing standing,
    Optional<LocalDate> lastValidDay) {

  /** Where the person stands. */
  enum Standing {
    CURRENT,
    /** Expired, and requests needing it are still allowed with a warning. */
    IN_GRACE,
    /** Expired or missing under {@code NOTIFY_ONLY}: requests are allowed, people are told. */
    LAPSED_NOTIFY_ONLY,
    /** Expired or missing, and requests needing it are refused. */
    BLOCKED
  }

  /**
   * The standing of {@code records} (any person's, any type) against {@code type} on {@code date}.
   */
  static TrainingStanding of(
      TrainingType type, TrainingLapsePolicy policy, List<TrainingRecord> records, LocalDate date) {
    if (heldOn(type, records, date)) {
      return new TrainingStanding(type, policy, Standing.CURRENT, Optional.empty());
    }
    Optional<LocalDate> lastValidDay =
        records.stream()
            .filter(record -> record.type().equals(type) && !record.completed().isAfter(date))
            .flatMap(record -> record.expires().stream())
            .max(LocalDate::compareTo);
    return new TrainingStanding(type, policy, lapsed(policy, lastValidDay, date), lastValidDay);
  }

  /** Whether one of {@code records} of that type counts on {@code date}. */
  static boolean heldOn(TrainingType type, List<TrainingRecord> records, LocalDate date) {
    return records.stream()
        .anyMatch(record -> record.type().equals(type) && record.isCurrentOn(date));
  }

  private static Standing lapsed(
      TrainingLapsePolicy policy, Optional<LocalDate> lastValidDay, LocalDate date) {
    return switch (policy.kind()) {
      case NOTIFY_ONLY -> Standing.LAPSED_NOTIFY_ONLY;
      case BLOCK -> Standing.BLOCKED;
      case WARN_WITH_GRACE ->
          lastValidDay
              .filter(last -> !date.isAfter(last.plusDays(policy.graceDays())))
              .map(last -> Standing.IN_GRACE)
              .orElse(Standing.BLOCKED);
    };
  }

  boolean isCurrent() {
    return standing == Standing.CURRENT;
  }

  boolean blocks() {
    return standing == Standing.BLOCKED;
  }

  /**
   * Plain words for reasons and notifications, for example {@code IRMER_REFERRER expired on
   * 2026-03-09 (BLOCK)}.
   */
  String describe() {
    String held = type + lastValidDay.map(last -> " expired on " + last).orElse(" never held");
    String grace =
        standing == Standing.IN_GRACE && policy.kind() == LapsePolicyKind.WARN_WITH_GRACE
            ? ", in grace until " + lastValidDay.orElseThrow().plusDays(policy.graceDays())
            : "";
    return held + grace + " (" + policy + ")";
  }

  /** What distinguishes this lapse from another of the same training: its last valid day. */
  String lapseKey() {
    return type + lastValidDay.map(last -> " expired on " + last).orElse(" never held");
  }
}
