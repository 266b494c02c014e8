package org.irmer.entitlement.core.domain;

/**
 * The stable codes of warnings a decision can carry. The training and review warnings qualify an
 * {@link Outcome#ENTITLED} decision; {@link #SNAPSHOT_STALE} qualifies any decision made on a
 * snapshot of the register that could not be confirmed current.
 */
public enum WarningCode {
  /** Required training has expired, within the grace period of a {@code WARN_WITH_GRACE} policy. */
  TRAINING_EXPIRED_IN_GRACE,
  /** The entitlement's review date has passed. */
  REVIEW_DUE,
  /**
   * The register could not be reached when the decision was made, so it was made on the last
   * snapshot confirmed current; the message names that snapshot and its age. Past the configured
   * staleness no decision is made on the snapshot: the check is {@link Outcome#INDETERMINATE}
   * with {@link ReasonCode#DATA_UNAVAILABLE} instead.
   */
  SNAPSHOT_STALE
}
