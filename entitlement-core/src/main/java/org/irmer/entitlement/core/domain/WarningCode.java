package org.irmer.entitlement.core.domain;

/** The stable codes of warnings an {@link Outcome#ENTITLED} decision can carry. */
public enum WarningCode {
  /** Required training has expired, within the grace period of a {@code WARN_WITH_GRACE} policy. */
  TRAINING_EXPIRED_IN_GRACE,
  /** The entitlement's review date has passed. */
  REVIEW_DUE
}
