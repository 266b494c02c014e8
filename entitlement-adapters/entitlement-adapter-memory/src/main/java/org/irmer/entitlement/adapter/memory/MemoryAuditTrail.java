package org.irmer.entitlement.adapter.memory;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.irmer.entitlement.core.domain.AuditEvent;
import org.irmer.entitlement.core.domain.AuditTrailEntry;
import org.irmer.entitlement.core.port.out.AuditTrail;

/** The chained audit trail held in a list; entries are only ever appended. */
final class MemoryAuditTrail implements AuditTrail {

  private final UndoJournal journal;
  private final List<AuditTrailEntry> entries = new ArrayList<>();

  MemoryAuditTrail(UndoJournal journal) {
    this.journal = journal;
  }

  @Override
  public AuditTrailEntry append(AuditEvent event) {
    return journal.write(() -> chain(event));
  }

  private synchronized AuditTrailEntry chain(AuditEvent event) {
    AuditTrailEntry entry =
        AuditTrailEntry.chain(entries.isEmpty() ? null : entries.get(entries.size() - 1), event);
    entries.add(entry);
    journal.onUndo(this::removeLast);
    return entry;
  }

  private synchronized void removeLast() {
    entries.remove(entries.size() - 1);
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

  @Override
  public Optional<Long> firstBrokenLink() {
    return journal.read(this::findBrokenLink);
  }

  private synchronized Optional<Long> findBrokenLink() {
    String previousHash = AuditTrailEntry.GENESIS;
    for (int i = 0; i < entries.size(); i++) {
      AuditTrailEntry entry = entries.get(i);
      if (entry.sequence() != i + 1 || !entry.previousHash().equals(previousHash) || !entry.isIntact()) {
        return Optional.of((long) i + 1);
      }
      previousHash = entry.hash();
    }
    return Optional.empty();
  }
}
