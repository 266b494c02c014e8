package org.irmer.entitlement.core.domain;

import static org.irmer.entitlement.core.domain.TaskDecision.APPROVE;
import static org.irmer.entitlement.core.domain.TaskDecision.KEEP;
import static org.irmer.entitlement.core.domain.TaskDecision.REFUSE;
import static org.irmer.entitlement.core.domain.TaskDecision.REQUEST_INFORMATION;
import static org.irmer.entitlement.core.domain.TaskDecision.REVOKE;
import static org.irmer.entitlement.core.domain.TaskDecision.START_REVIEW;
import static org.irmer.entitlement.core.domain.TaskDecision.SUSPEND;

import com.google.common.collect.ImmutableSet;

/**
 * What a {@link Task} asks a delegate to decide, what it concerns, and the decisions it allows.
 * Raised by the compliance sweep and by the lifecycle (principles 2, 4, 6 and 10 of the 2025 joint
 * guidance; DOMAIN.md scenarios S5 and S11).
 */
public enum TaskKind {
  /**
   * Upheld non-compliance reached the procedures' threshold and their action is {@code REVIEW}
   * (principle 6, scenario S11): the referrer's status changes only on the delegate's decision.
   * Concerns a referrer at an employer.
   */
  SUSPENSION_REVIEW(Concerns.REFERRER, ImmutableSet.of(SUSPEND, KEEP)),
  /**
   * The referrer made no more requests in a year of their entitlement than the procedures'
   * minimum (principle 6): flagged for review, never suspended automatically.
   */
  LOW_ACTIVITY(Concerns.ENTITLEMENT, ImmutableSet.of(KEEP, SUSPEND, REVOKE)),
  /**
   * Training the scope requires has lapsed under a {@code WARN_WITH_GRACE} policy (principle 4,
   * scenario S5): the referrer may refer until the grace period ends, which is the task's due date.
   */
  TRAINING_GRACE(Concerns.ENTITLEMENT, ImmutableSet.of(KEEP, SUSPEND)),
  /** The entitlement's periodic review is due (principle 8: the procedures' review interval). */
  REVIEW_DUE(Concerns.ENTITLEMENT, ImmutableSet.of(KEEP, SUSPEND, REVOKE)),
  /**
   * The entitlement's validity ends within the procedures' notice period: continuing after it
   * takes a new application (principle 2); the sweep expires it the day after it ends.
   */
  VALIDITY_ENDING(Concerns.ENTITLEMENT, ImmutableSet.of(KEEP, REVOKE)),
  /**
   * An application has waited longer than a target time the procedures name (to a decision, or
   * in all).
   */
  APPLICATION_OVERDUE(
      Concerns.APPLICATION, ImmutableSet.of(START_REVIEW, REQUEST_INFORMATION, APPROVE, REFUSE, KEEP));

  /** The record a task of a kind is about, beyond its referrer and employer. */
  public enum Concerns {
    /** The referrer at the employer, as a whole. */
    REFERRER,
    /** One entitlement, which the task names. */
    ENTITLEMENT,
    /** One application, which the task names. */
    APPLICATION
  }

  private final Concerns concerns;
  private final ImmutableSet<TaskDecision> decisions;

  TaskKind(Concerns concerns, ImmutableSet<TaskDecision> decisions) {
    this.concerns = concerns;
    this.decisions = decisions;
  }

  public Concerns concerns() {
    return concerns;
  }

  /** The decisions a delegate may take on a task of this kind, in the order offered. */
  public ImmutableSet<TaskDecision> decisions() {
    return decisions;
  }

  public boolean allows(TaskDecision decision) {
    return decisions.contains(decision);
  }
}
