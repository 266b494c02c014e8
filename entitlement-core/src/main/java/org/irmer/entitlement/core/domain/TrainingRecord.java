package org.irmer.entitlement.core.domain;

import static com.google.common.base.Preconditions.checkState;

import java.time.LocalDate;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * Imaging training a person completed (principle 4). {@link #expires()} is the last day the
 * training counts, inclusive, like every date of the model; a 3-year refresher is the common
 * default.
 */
@Value.Immutable
public abstract class TrainingRecord {

  public abstract TrainingRecordId id();

  public abstract PersonId person();

  public abstract TrainingType type();

  public abstract LocalDate completed();

  /** The last day the training counts; empty when it never expires. */
  public abstract Optional<LocalDate> expires();

  public abstract Optional<String> evidence();

  public abstract Optional<PersonId> verifiedBy();

  /** Whether the training counts on {@code date}: completed by then and not yet expired. */
  public boolean isCurrentOn(LocalDate date) {
    return !date.isBefore(completed()) && expires().map(end -> !date.isAfter(end)).orElse(true);
  }

  @Value.Check
  protected void check() {
    checkState(expires().map(end -> !end.isBefore(completed())).orElse(true),
        "training %s expires (%s) before it was completed (%s)", id(), expires().orElse(null),
        completed());
  }

  public static Builder builder() {
    return new Builder();
  }

  public static class Builder extends ImmutableTrainingRecord.Builder {}
}
