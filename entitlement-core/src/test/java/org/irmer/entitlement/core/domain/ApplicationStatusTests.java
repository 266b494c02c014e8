package org.irmer.entitlement.core.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.irmer.entitlement.core.domain.ApplicationStatus.APPROVED;
import static org.irmer.entitlement.core.domain.ApplicationStatus.INFO_REQUESTED;
import static org.irmer.entitlement.core.domain.ApplicationStatus.REFUSED;
import static org.irmer.entitlement.core.domain.ApplicationStatus.SUBMITTED;
import static org.irmer.entitlement.core.domain.ApplicationStatus.UNDER_REVIEW;
import static org.irmer.entitlement.core.domain.ApplicationStatus.WITHDRAWN;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The application state machine of principle 2: {@code SUBMITTED → UNDER_REVIEW ⇄ INFO_REQUESTED →
 * APPROVED | REFUSED}, or {@code WITHDRAWN} before a decision.
 */
class ApplicationStatusTests {

  @Test
  void aSubmittedApplicationGoesUnderReviewOrIsWithdrawnButIsNeverDecidedUnreviewed() {
    assertThat(SUBMITTED.successors()).containsExactlyInAnyOrder(UNDER_REVIEW, WITHDRAWN);
    assertThat(SUBMITTED.canMoveTo(APPROVED)).isFalse();
    assertThat(SUBMITTED.canMoveTo(REFUSED)).isFalse();
  }

  @Test
  void anApplicationUnderReviewIsDecidedOrSentBackForInformationAndReturns() {
    assertThat(UNDER_REVIEW.successors())
        .containsExactlyInAnyOrder(INFO_REQUESTED, APPROVED, REFUSED, WITHDRAWN);
    assertThat(INFO_REQUESTED.canMoveTo(UNDER_REVIEW)).isTrue();
  }

  @Test
  void anApplicationAwaitingInformationIsNotDecidedUntilItIsReviewedAgain() {
    assertThat(INFO_REQUESTED.canMoveTo(APPROVED)).isFalse();
    assertThat(INFO_REQUESTED.canMoveTo(REFUSED)).isFalse();
    assertThat(INFO_REQUESTED.canMoveTo(WITHDRAWN)).isTrue();
  }

  @ParameterizedTest
  @EnumSource(value = ApplicationStatus.class, names = {"APPROVED", "REFUSED", "WITHDRAWN"})
  void aDecidedOrWithdrawnApplicationIsFinal(ApplicationStatus ended) {
    assertThat(ended.isFinal()).isTrue();
    for (ApplicationStatus next : ApplicationStatus.values()) {
      assertThat(ended.canMoveTo(next)).as("%s to %s", ended, next).isFalse();
    }
  }

  @ParameterizedTest
  @EnumSource(ApplicationStatus.class)
  void nothingReturnsToSubmittedAndNoStateMovesToItself(ApplicationStatus status) {
    assertThat(status.canMoveTo(SUBMITTED)).isFalse();
    assertThat(status.canMoveTo(status)).isFalse();
  }
}
