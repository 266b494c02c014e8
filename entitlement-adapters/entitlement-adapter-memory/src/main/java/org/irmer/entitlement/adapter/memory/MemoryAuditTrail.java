package org.irmer.entitlement.adapter.memory;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;
import static com.google.common.base.Preconditions.checkState;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.Iterables;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.irmer.entitlement.core.domain.AuditCheckpoint;
import org.irmer.entitlement.core.domain.AuditEvent;
import org.irmer.entitlement.core.domain.AuditTrailEntry;
import org.irmer.entitlement.core.domain.CheckpointKey;
import org.irmer.entitlement.core.domain.CheckpointSchedule;
import org.irmer.entitlement.core.domain.TrailVerification;
import org.irmer.entitlement.core.port.out.AuditCheckpoints;
import org.irmer.entitlement.core.port.out.AuditTrail;

/**
 * The chained audit trail held in a list, and its signed checkpoints; entries and checkpoints are
 * only ever appended. A checkpoint due on the schedule is issued with the entry that makes it due
 * and undone with it. Checkpoint instants are kept to the microsecond, as the JDBC register keeps
 * them.
 */
final class MemoryAuditTrail implements AuditTrail, AuditCheckpoints {

  private final UndoJournal journal;
  private final CheckpointKey key;
  private final CheckpointSchedule schedule;
  private final Clock clock;
  private final List<AuditTrailEntry> entries = new ArrayList<>();
  private final List<AuditCheckpoint> checkpoints = new ArrayList<>();

  MemoryAuditTrail(UndoJournal journal, CheckpointKey key, CheckpointSchedule schedule, Clock clock) {
    this.journal = journal;
    this.key = checkNotNull(key, "key");
    this.schedule = checkNotNull(schedule, "schedule");
    this.clock = checkNotNull(clock, "clock");
  }

  @Override
  public AuditTrailEntry append(AuditEvent event) {
    return journal.write(() -> chain(event));
  }

  private synchronized AuditTrailEntry chain(AuditEvent event) {
    AuditTrailEntry entry = AuditTrailEntry.chain(Iterables.getLast(entries, null), event);
    entries.add(entry);
    journal.onUndo(this::removeLastEntry);
    Optional<AuditCheckpoint> last = latest();
    if (key.canSign() && schedule.isDue(entry.sequence(), last.map(AuditCheckpoint::sequence).orElse(0L),
        last.map(AuditCheckpoint::issuedAt), clock.instant())) {
      checkpoint();
    }
    return entry;
  }

  private synchronized void removeLastEntry() {
    entries.remove(entries.size() - 1);
  }

  @Override
  public AuditCheckpoint issue() {
    checkState(key.canSign(), "the checkpoint key %s cannot sign", key.keyId());
    return journal.write(this::checkpoint);
  }

  private synchronized AuditCheckpoint checkpoint() {
    AuditTrailEntry head = Iterables.getLast(entries, null);
    AuditCheckpoint checkpoint = key.sign(head == null ? 0 : head.sequence(),
        head == null ? AuditTrailEntry.GENESIS : head.hash(),
        clock.instant().truncatedTo(ChronoUnit.MICROS));
    checkpoints.add(checkpoint);
    journal.onUndo(this::removeLastCheckpoint);
    return checkpoint;
  }

  private synchronized void removeLastCheckpoint() {
    checkpoints.remove(checkpoints.size() - 1);
  }

  @Override
  public ImmutableList<AuditCheckpoint> issued() {
    return journal.read(this::checkpointsIssued);
  }

  private synchronized ImmutableList<AuditCheckpoint> checkpointsIssued() {
    return ImmutableList.copyOf(checkpoints);
  }

  @Override
  public Optional<AuditCheckpoint> latest() {
    return journal.read(this::latestCheckpoint);
  }

  private synchronized Optional<AuditCheckpoint> latestCheckpoint() {
    return Optional.ofNullable(Iterables.getLast(checkpoints, null));
  }

  @Override
  public TrailVerification verify(AuditCheckpoint anchor) {
    return TrailVerification.verify(this::read, anchor, key);
  }

  @Override
  public ImmutableList<AuditTrailEntry> read(long fromSequence, int limit) {
    checkArgument(fromSequence >= 1, "sequences start at 1: %s", fromSequence);
    checkArgument(limit >= 0, "limit must not be negative: %s", limit);
    return journal.read(() -> entriesFrom(fromSequence, limit));
  }

  private synchronized ImmutableList<AuditTrailEntry> entriesFrom(long fromSequence, int limit) {
    if (fromSequence > entries.size()) {
      return ImmutableList.of();
    }
    int from = (int) (fromSequence - 1);
    return ImmutableList.copyOf(entries.subList(from, (int) Math.min(entries.size(), (long) from + limit)));
  }

  @Override
  public long size() {
    return journal.read(this::count);
  }

  private synchronized long count() {
    return entries.size();
  }
}
