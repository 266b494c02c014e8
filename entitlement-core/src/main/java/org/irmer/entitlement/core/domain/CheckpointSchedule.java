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
   * last checkpoint (its sequence and when it was issued) if there is one.
   */
  public boolean isDue(long sequence, Optional<AuditCheckpoint> last, Instant now) {
    long since = last.map(AuditCheckpoint::sequence).orElse(0L);
    if (sequence <= since) {
      return false;
    }
    boolean byCount = everyRecords.map(n -> sequence - since >= n).orElse(false);
    boolean byTime = every.map(interval -> last.isEmpty()
        || !now.isBefore(last.get().issuedAt().plus(interval))).orElse(false);
    return byCount || byTime;
  }
}
