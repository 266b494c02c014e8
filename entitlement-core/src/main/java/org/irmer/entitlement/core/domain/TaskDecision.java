package org.irmer.entitlement.core.domain;

/**
 * What a delegate decides on a {@link Task}, and the lifecycle command the decision runs (principle
 * 1: only a current delegate of the task's employer decides). Each {@link TaskKind} allows some of
 * these; none of them reinstates anyone: a suspended entitlement comes back only by the delegate's
 * own {@code reinstate} command, never as a side effect of clearing work.
 */
public enum TaskDecision {
  /**
   * No status changes; the decision and its note are recorded (a review held and the entitlement
   * kept, a lapse accepted within its grace period, a low activity explained).
   */
  KEEP(false),
  /**
   * Suspends the entitlement the task concerns, or, for a task about a referrer at an employer
   * (a suspension review), each of the referrer's {@code ACTIVE} entitlements there
   * ({@code suspend-entitlement}).
   */
  SUSPEND(true),
  /** Revokes the entitlement the task concerns ({@code revoke-entitlement}). */
  REVOKE(true),
  /** Starts the delegate's review of the application the task concerns ({@code start-review}). */
  START_REVIEW(true),
  /** Asks the applicant for more information ({@code request-information}). */
  REQUEST_INFORMATION(true),
  /** Approves the application the task concerns ({@code approve-application}). */
  APPROVE(true),
  /** Refuses the application the task concerns ({@code refuse-application}). */
  REFUSE(true);

  private final boolean runsCommand;

  TaskDecision(boolean runsCommand) {
    this.runsCommand = runsCommand;
  }

  /** Whether deciding this runs a lifecycle command besides recording the decision. */
  public boolean runsCommand() {
    return runsCommand;
  }
}
