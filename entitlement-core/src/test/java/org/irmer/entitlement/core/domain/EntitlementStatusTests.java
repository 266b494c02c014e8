package org.irmer.entitlement.core.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.irmer.entitlement.core.domain.EntitlementStatus.ACTIVE;
import static org.irmer.entitlement.core.domain.EntitlementStatus.ENDED;
import static org.irmer.entitlement.core.domain.EntitlementStatus.EXPIRED;
import static org.irmer.entitlement.core.domain.EntitlementStatus.PENDING_PREREQUISITES;
import static org.irmer.entitlement.core.domain.EntitlementStatus.REVOKED;
import static org.irmer.entitlement.core.domain.EntitlementStatus.SUPERSEDED;
import static org.irmer.entitlement.core.domain.EntitlementStatus.SUSPENDED;

import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The entitlement state machine of DOMAIN.md section 4: {@code PENDING_PREREQUISITES → ACTIVE ⇄
 * SUSPENDED}, and from any live state to one of the four final states.
 */
class EntitlementStatusTests {

  private static final Set<EntitlementStatus> FINAL = EnumSet.of(REVOKED, EXPIRED, ENDED, SUPERSEDED);

  @Test
  void aPendingEntitlementBecomesActiveButCannotBeSuspendedBeforeItIsActive() {
    assertThat(PENDING_PREREQUISITES.canMoveTo(ACTIVE)).isTrue();
    assertThat(PENDING_PREREQUISITES.canMoveTo(SUSPENDED)).isFalse();
  }

  @Test
  void anActiveEntitlementIsSuspendedAndReinstated() {
    assertThat(ACTIVE.canMoveTo(SUSPENDED)).isTrue();
    assertThat(SUSPENDED.canMoveTo(ACTIVE)).isTrue();
  }

  @Test
  void nothingReturnsToPendingPrerequisites() {
    for (EntitlementStatus status : EntitlementStatus.values()) {
      assertThat(status.canMoveTo(PENDING_PREREQUISITES)).as("%s to pending", status).isFalse();
    }
  }

  @ParameterizedTest
  @EnumSource(value = EntitlementStatus.class, names = {"PENDING_PREREQUISITES", "ACTIVE", "SUSPENDED"})
  void everyLiveStateMayBeRevokedExpiredEndedOrSuperseded(EntitlementStatus live) {
    assertThat(live.isFinal()).isFalse();
    assertThat(live.successors()).containsAll(FINAL);
  }

  @ParameterizedTest
  @EnumSource(value = EntitlementStatus.class, names = {"REVOKED", "EXPIRED", "ENDED", "SUPERSEDED"})
  void aFinalStateIsLeftForNothing(EntitlementStatus ended) {
    assertThat(ended.isFinal()).isTrue();
    assertThat(ended.successors()).isEmpty();
    for (EntitlementStatus next : EntitlementStatus.values()) {
      assertThat(ended.canMoveTo(next)).as("%s to %s", ended, next).isFalse();
    }
  }

  @ParameterizedTest
  @EnumSource(EntitlementStatus.class)
  void noStateMovesToItself(EntitlementStatus status) {
    assertThat(status.canMoveTo(status)).isFalse();
  }

  @ParameterizedTest
  @EnumSource(EntitlementStatus.class)
  void canMoveToAgreesWithTheSuccessors(EntitlementStatus status) {
    for (EntitlementStatus next : EntitlementStatus.values()) {
      assertThat(status.canMoveTo(next)).isEqualTo(status.successors().contains(next));
    }
  }
}
