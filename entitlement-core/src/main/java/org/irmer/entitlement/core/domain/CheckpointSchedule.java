package org.irmer.entitlement.core.domain;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * When an audit trail issues checkpoints of its own accord, besides on demand: every so many
 * records, every so long, or both (whichever comes first). The checkpoint is issued with the
 * record that makes it due, in the same unit of work, so that a record rolled back takes its
 * checkpoint with it.
 *
 * @param everyRecords a checkpoint once this many records have been appended since the last one
 * @param every a checkpoint with the first record appended once this long has passed since the
 *     last one (or since the first record, before any)
 */
public record CheckpointSchedule(Optional<Integer> everyRecords, Optional<Duration> every) {

  public CheckpointSchedule {
    checkNotNull(everyRecords, "everyRecords");
    checkNotNull(every, "every");
    everyRecords.ifPresent(n -> checkArgument(n >= 1, "every %s records: at least 1", n));
    every.ifPresent(d -> checkArgument(!d.isNegative() && !d.isZero(), "every %s: positive", d));
  }

  /** Checkpoints only on demand. */
  public static CheckpointSchedule onDemand() {
    return new CheckpointSchedule(Optional.empty(), Optional.empty());
  }

  /** A checkpoint every {@code records} records. */
  public static CheckpointSchedule everyRecords(int records) {
    return new CheckpointSchedule(Optional.of(records), Optional.empty());
  }

  /** A checkpoint with the first record once {@code interval} has passed since the last one. */
  public static CheckpointSchedule every(Duration interval) {
    return new CheckpointSchedule(Optional.empty(), Optional.of(interval));
  }

  /** This schedule, and also every {@code records} records. */
  public CheckpointSchedule andEveryRecords(int records) {
    return new CheckpointSchedule(Optional.of(records), every);
  }

  /** This schedule, and also every {@code interval}. */
  public CheckpointSchedule andEvery(Duration interval) {
    return new CheckpointSchedule(everyRecords, Optional.of(interval));
  }

  /**
   * Whether a checkpoint is due now that the record {@code sequence} has been appended, given the
   * sequence the last checkpoint covered (0 when there is none) and when it was issued.
   */
  public boolean isDue(long sequence, long lastCheckpointed, Optional<Instant> lastIssuedAt,
      Instant now) {
    if (sequence <= lastCheckpointed) {
      return false;
    }
    boolean byCount = everyRecords.map(n -> sequence - lastCheckpointed >= n).orElse(false);
    boolean byTime = every.map(interval -> lastIssuedAt.isEmpty()
        || !now.isBefore(lastIssuedAt.get().plus(interval))).orElse(false);
    return byCount || byTime;
  }
}
