package org.irmer.entitlement.core.domain;

/** What the procedures do when a referrer reaches the non-compliance threshold (principle 6). */
public enum NonComplianceAction {
  /** Raise a suspension review for the named delegate; the status changes only on their decision. */
  REVIEW,
  /** Suspend the referrer's entitlements at once. */
  SUSPEND
}
