package org.irmer.entitlement.core.port.out;

import com.google.common.collect.ImmutableList;
import java.util.Optional;
import org.irmer.entitlement.core.domain.AuditCheckpoint;
import org.irmer.entitlement.core.domain.CheckpointKey;
import org.irmer.entitlement.core.domain.TrailVerification;

/**
 * The signed checkpoints of an {@link AuditTrail}, which anchor it (ARCHITECTURE.md, persistence;
 * principle 10 of the 2025 guidance). The adapter holds the {@link CheckpointKey}, given to it from
 * outside the store; it issues checkpoints on demand and on its {@linkplain
 * org.irmer.entitlement.core.domain.CheckpointSchedule schedule}, keeps every one it issued, and
 * verifies the trail against an anchor the caller kept elsewhere (an {@linkplain
 * AuditCheckpoint#line() exported line}).
 *
 * @throws StoreUnavailableException from any method when the store cannot be read or written
 */
public interface AuditCheckpoints {

  /**
   * Signs and keeps a checkpoint over the trail's head as it stands in the caller's unit of work
   * (the sequence and hash of its last record, sequence 0 for an empty trail), issued now.
   *
   * @throws IllegalStateException when the adapter holds no key that can sign
   */
  AuditCheckpoint issue();

  /** Every checkpoint issued, oldest first; empty when none has been. */
  ImmutableList<AuditCheckpoint> issued();

  /** The checkpoint issued last; empty when none has been. */
  Optional<AuditCheckpoint> latest();

  /**
   * Verifies the whole trail against {@code anchor} with the adapter's key ({@link
   * TrailVerification#verify(TrailVerification.Pages, AuditCheckpoint, CheckpointKey)}): intact,
   * or the first broken link and what is wrong with it.
   */
  TrailVerification verify(AuditCheckpoint anchor);
}
