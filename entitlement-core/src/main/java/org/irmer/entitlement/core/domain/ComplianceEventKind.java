package org.irmer.entitlement.core.domain;

/** What happened, in a compliance event recorded against a referrer (principles 6 and 7). */
public enum ComplianceEventKind {
  /** The IR(ME)R practitioner did not justify the referral; feedback, not a breach by itself. */
  NOT_JUSTIFIED,
  INCIDENT,
  OUT_OF_PROTOCOL,
  AUDIT_FAIL,
  /**
   * A request that the system blocked. Recorded for the register, but never counted as the
   * referrer's non-compliance: the control worked.
   */
  BLOCKED_ATTEMPT;

  /** Whether an upheld event of this kind counts towards the non-compliance threshold. */
  public boolean countsTowardsNonCompliance() {
    return this != BLOCKED_ATTEMPT;
  }
}
