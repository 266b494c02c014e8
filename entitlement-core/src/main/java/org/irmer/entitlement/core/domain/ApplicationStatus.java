package org.irmer.entitlement.core.domain;

import com.google.common.collect.ImmutableSet;
import java.util.Set;

/**
 * The state machine of an application (principle 2; DOMAIN.md section 4):
 *
 * <pre>
 * SUBMITTED → UNDER_REVIEW ⇄ INFO_REQUESTED
 * UNDER_REVIEW → APPROVED | REFUSED
 * SUBMITTED | UNDER_REVIEW | INFO_REQUESTED → WITHDRAWN
 * </pre>
 */
public enum ApplicationStatus {
  SUBMITTED,
  UNDER_REVIEW,
  INFO_REQUESTED,
  APPROVED,
  REFUSED,
  WITHDRAWN;

  /** The states this one may move to. */
  public Set<ApplicationStatus> successors() {
    return switch (this) {
      case SUBMITTED -> ImmutableSet.of(UNDER_REVIEW, WITHDRAWN);
      case UNDER_REVIEW -> ImmutableSet.of(INFO_REQUESTED, APPROVED, REFUSED, WITHDRAWN);
      case INFO_REQUESTED -> ImmutableSet.of(UNDER_REVIEW, WITHDRAWN);
      case APPROVED, REFUSED, WITHDRAWN -> ImmutableSet.of();
    };
  }

  public boolean canMoveTo(ApplicationStatus next) {
    return successors().contains(next);
  }

  public boolean isFinal() {
    return successors().isEmpty();
  }
}
