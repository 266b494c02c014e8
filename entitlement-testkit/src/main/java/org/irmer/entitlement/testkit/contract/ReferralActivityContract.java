package org.irmer.entitlement.testkit.contract;

import static com.google.common.base.Preconditions.checkState;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.irmer.entitlement.testkit.contract.ContractFixtures.T0;

import com.google.common.collect.ImmutableSortedMap;
import java.time.Instant;
import org.irmer.entitlement.core.domain.Actor;
import org.irmer.entitlement.core.domain.AuditEvent;
import org.irmer.entitlement.core.domain.EmployerId;
import org.irmer.entitlement.core.domain.PersonId;
import org.irmer.entitlement.core.domain.ReferralCount;
import org.irmer.entitlement.core.port.out.AuditTrail;
import org.irmer.entitlement.core.port.out.ReferralActivity;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link ReferralActivity}: a referrer's requests at an employer counted from the
 * decisions recorded in the audit trail, over a half-open period (principle 6).
 */
public abstract class ReferralActivityContract {

  private static final PersonId P1 = PersonId.of("P1");
  private static final EmployerId RX1 = EmployerId.of("RX1");

  private AuditTrail trail;
  private ReferralActivity activity;

  /** An empty audit trail and the activity read from it, sharing nothing with any before. */
  protected abstract Fixture newFixture();

  /** A trail to append to and the activity an adapter reads from that same trail. */
  public record Fixture(AuditTrail trail, ReferralActivity activity) {}

  @BeforeEach
  final void createFixture() {
    Fixture fixture = newFixture();
    checkState(fixture != null, "newFixture() returned null");
    trail = fixture.trail();
    activity = fixture.activity();
  }

  @Test
  void countsNothingWhenNothingIsRecorded() {
    assertThat(activity.requests(P1, RX1, T0, T0.plusSeconds(3_600))).isEqualTo(ReferralCount.none());
  }

  @Test
  void countsTheReferrersRecordedDecisionsAtTheEmployerAndThoseEntitled() {
    decision("P1", "RX1", T0, "ENTITLED");
    decision("P1", "RX1", T0.plusSeconds(10), "NOT_ENTITLED");
    decision("P1", "RX1", T0.plusSeconds(20), "INSUFFICIENT_INFORMATION");
    decision("P1", "RX1", T0.plusSeconds(30), "ENTITLED");

    assertThat(activity.requests(P1, RX1, T0, T0.plusSeconds(60)))
        .isEqualTo(new ReferralCount(4, 2));
  }

  @Test
  void leavesOutOtherReferrersOtherEmployersAndRecordsThatAreNotReferralDecisions() {
    decision("P2", "RX1", T0, "ENTITLED");
    decision("P1", "RX2", T0, "ENTITLED");
    trail.append(event("check-clinical-evaluation", Actor.person(P1), "RX1", T0, "ENTITLED"));
    trail.append(event("suspend-entitlement", Actor.person(P1), "RX1", T0, "ACCEPTED"));
    trail.append(event(ReferralActivity.CHECK_REFERRAL, Actor.system("P1"), "RX1", T0, "ENTITLED"));
    decision("P1", "RX1", T0, "ENTITLED");

    assertThat(activity.requests(P1, RX1, T0, T0.plusSeconds(1)))
        .isEqualTo(new ReferralCount(1, 1));
  }

  @Test
  void countsFromTheStartOfThePeriodInclusiveToItsEndExclusive() {
    Instant from = T0;
    Instant to = T0.plusSeconds(100);
    decision("P1", "RX1", from.minusNanos(1_000), "ENTITLED");
    decision("P1", "RX1", from, "ENTITLED");
    decision("P1", "RX1", to.minusNanos(1_000), "ENTITLED");
    decision("P1", "RX1", to, "ENTITLED");

    assertThat(activity.requests(P1, RX1, from, to)).isEqualTo(new ReferralCount(2, 2));
    assertThat(activity.requests(P1, RX1, to, to)).isEqualTo(ReferralCount.none());
  }

  @Test
  void refusesAPeriodThatEndsBeforeItStarts() {
    assertThatThrownBy(() -> activity.requests(P1, RX1, T0, T0.minusSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void countsBeyondOnePageOfTheTrail() {
    for (int i = 0; i < 2_345; i++) {
      decision("P1", "RX1", T0.plusSeconds(i), i % 5 == 0 ? "NOT_ENTITLED" : "ENTITLED");
    }

    assertThat(activity.requests(P1, RX1, T0, T0.plusSeconds(10_000)))
        .isEqualTo(new ReferralCount(2_345, 2_345 - 469));
  }

  private void decision(String referrer, String employer, Instant at, String outcome) {
    trail.append(event(ReferralActivity.CHECK_REFERRAL, Actor.person(PersonId.of(referrer)),
        employer, at, outcome));
  }

  private static AuditEvent event(String action, Actor actor, String employer, Instant at,
      String result) {
    return AuditEvent.builder()
        .action(action)
        .actor(actor)
        .at(at)
        .subject("order-" + at.toEpochMilli())
        .result(result)
        .details(ImmutableSortedMap.of("employer", employer, "examination", "XWRIL"))
        .build();
  }
}
