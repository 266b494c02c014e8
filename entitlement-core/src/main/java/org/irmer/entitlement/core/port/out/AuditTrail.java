package org.irmer.entitlement.core.port.out;

import com.google.common.collect.ImmutableList;
import java.util.Optional;
import org.irmer.entitlement.core.domain.AuditEvent;
import org.irmer.entitlement.core.domain.AuditTrailEntry;
import org.irmer.entitlement.core.domain.BrokenLink;
import org.irmer.entitlement.core.domain.TrailVerification;

/**
 * The append-only, tamper-evident audit trail: every command and decision (principles 1 and 10).
 * Entries are chained by SHA-256 ({@link AuditTrailEntry#chain}); nothing is ever updated or
 * removed. Its signed checkpoints are the companion port {@link AuditCheckpoints}.
 */
public interface AuditTrail {

  /**
   * Appends the event as the next link of the chain and returns the entry written. Joins the
   * caller's unit of work; an entry rolled back leaves no gap, the next one taking its sequence.
   */
  AuditTrailEntry append(AuditEvent event);

  /**
   * Entries with sequence numbers from {@code fromSequence}, at most {@code limit}, in order; empty
   * past the end or for a limit of 0.
   *
   * @throws IllegalArgumentException when {@code fromSequence} is below 1 or {@code limit} is
   *     negative
   */
  ImmutableList<AuditTrailEntry> read(long fromSequence, int limit);

  /** The number of entries. */
  long size();

  /**
   * Checks every link from the first. Returns the sequence number of the first entry whose hash
   * does not match its content or whose previous hash does not match the entry before it, or
   * whose sequence breaks the count; empty when the whole chain is intact. This is {@link
   * TrailVerification#verify(TrailVerification.Pages)} over {@link #read}; a tail truncated or
   * re-chained with correct hashes is found only against a checkpoint ({@link
   * AuditCheckpoints#verify}).
   */
  default Optional<Long> firstBrokenLink() {
    return TrailVerification.verify(this::read).firstBrokenLink().map(BrokenLink::sequence);
  }
}
