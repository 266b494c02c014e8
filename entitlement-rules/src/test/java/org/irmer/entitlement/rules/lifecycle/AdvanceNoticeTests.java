package org.irmer.entitlement.rules.lifecycle;

import org.irmer.entitlement.core.service.ComplianceSweepService;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.irmer.entitlement.rules.lifecycle.EveryEngine.request;
import static org.irmer.entitlement.rules.lifecycle.EveryEngine.wristXray;
import static org.irmer.entitlement.rules.lifecycle.SampleTrust.APPLICATION;
import static org.irmer.entitlement.rules.lifecycle.SampleTrust.ED_ROLE;
import static org.irmer.entitlement.rules.lifecycle.SampleTrust.ENTITLEMENT;
import static org.irmer.entitlement.rules.lifecycle.SampleTrust.LONDON;
import static org.irmer.entitlement.rules.lifecycle.SampleTrust.MR_KNEE_LEFT;
import static org.irmer.entitlement.rules.lifecycle.SampleTrust.NOW;
import static org.irmer.entitlement.rules.lifecycle.SampleTrust.REFERRER;
import static org.irmer.entitlement.rules.lifecycle.SampleTrust.SUPERVISOR;
import static org.irmer.entitlement.rules.lifecycle.SampleTrust.TODAY;
import static org.irmer.entitlement.rules.lifecycle.SampleTrust.TRUST;
import static org.irmer.entitlement.rules.lifecycle.SampleTrust.accepted;
import static org.irmer.entitlement.rules.lifecycle.SampleTrust.at;
import static org.irmer.entitlement.rules.lifecycle.SampleTrust.byDelegate;
import static org.irmer.entitlement.rules.lifecycle.SampleTrust.byReferrer;

import com.google.common.collect.ImmutableList;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Optional;
import org.irmer.entitlement.core.domain.Actor;
import org.irmer.entitlement.core.domain.ApplicationId;
import org.irmer.entitlement.core.domain.AuditEvent;
import org.irmer.entitlement.core.domain.BodyRegion;
import org.irmer.entitlement.core.domain.ChangeNotice;
import org.irmer.entitlement.core.domain.ChangeNoticeId;
import org.irmer.entitlement.core.domain.ChangeNoticeStatus;
import org.irmer.entitlement.core.domain.Entitlement;
import org.irmer.entitlement.core.domain.EntitlementId;
import org.irmer.entitlement.core.domain.EntitlementStatus;
import org.irmer.entitlement.core.domain.ExaminationCode;
import org.irmer.entitlement.core.domain.LevelOfPractice;
import org.irmer.entitlement.core.domain.Modality;
import org.irmer.entitlement.core.domain.Outcome;
import org.irmer.entitlement.core.domain.ReasonCode;
import org.irmer.entitlement.core.domain.PersonId;
import org.irmer.entitlement.core.domain.ReferralDecision;
import org.irmer.entitlement.core.domain.RefusalCode;
import org.irmer.entitlement.core.domain.Role;
import org.irmer.entitlement.core.domain.RoleId;
import org.irmer.entitlement.core.domain.Scope;
import org.irmer.entitlement.core.domain.ScopeRule;
import org.irmer.entitlement.core.domain.SweepReport;
import org.irmer.entitlement.core.domain.TrainingType;
import org.irmer.entitlement.core.port.out.ChangeNoticeStore;
import org.irmer.entitlement.core.port.out.ConcurrentChangeException;
import org.irmer.entitlement.core.port.out.Register;
import org.irmer.entitlement.rules.Wiring;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Principle 5 and DOMAIN.md section 5, rule 1: leaving, a role change and a reduced scope notified
 * ahead of the day they take effect. The entitlement holds until the end of the last day in the
 * employer's zone and stops at the first instant after it, for every engine and without a job;
 * the sweep makes the change on the day; a notice withdrawn before then changes nothing.
 *
 * <p>Last days include both days the clocks change in Europe/London in 2026 (29 March, 23 hours;
 * 25 October, 25 hours) and the days before them.
 */
class AdvanceNoticeTests {

  private static final ChangeNoticeId FIRST_NOTICE = ChangeNoticeId.of("N-PHY-1-1");
  private static final RoleId MSK_ROLE = RoleId.of("ROLE-MSK");
  private static final Actor SWEEP = Actor.system("compliance-sweep");

  private final SampleTrust trust = new SampleTrust();
  private EveryEngine engines;

  @AfterEach
  void closeEngines() {
    if (engines != null) {
      engines.close();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"2026-03-20", "2026-03-28", "2026-03-29", "2026-10-24", "2026-10-25"})
  void leavingNotifiedAheadHoldsUntilTheEndOfTheLastDayAndStopsAtTheFirstInstantAfter(
      LocalDate lastDay) {
    Entitlement granted = activeEntitlement();

    assertThat(
            accepted(
                trust.entitlements.notifyLeaving(REFERRER, TRUST, lastDay, byReferrer(NOW))))
        .extracting(Entitlement::id, Entitlement::status, Entitlement::validTo)
        .containsExactly(tuple(ENTITLEMENT, EntitlementStatus.ACTIVE, lastDay));

    assertEntitledThroughTheLastDayOnly(lastDay);
    assertThat(trust.register.people().role(ED_ROLE).orElseThrow().validTo()).contains(lastDay);

    SweepReport report = trust.sweep.sweep(firstInstantAfter(lastDay));

    assertThat(report.noticesApplied()).containsExactly(FIRST_NOTICE);
    Entitlement ended = trust.entitlement(ENTITLEMENT);
    assertThat(ended.status()).isEqualTo(EntitlementStatus.ENDED);
    assertThat(ended.validTo()).isEqualTo(granted.validTo());
    assertThat(engines.decide(wristXray(REFERRER, firstInstantAfter(lastDay))).reasonCodes())
        .containsExactly(ReasonCode.ENTITLEMENT_ENDED);
  }

  @ParameterizedTest
  @ValueSource(strings = {"2026-03-28", "2026-03-29", "2026-10-24", "2026-10-25"})
  void aRoleChangeNotifiedAheadHoldsUntilTheDayBeforeTheNewRoleAndThenSuspendsPendingReview(
      LocalDate lastDay) {
    Entitlement granted = activeEntitlement();

    accepted(
        trust.entitlements.notifyRoleChange(
            ED_ROLE, mskRole(lastDay.plusDays(1)), byReferrer(NOW)));

    assertEntitledThroughTheLastDayOnly(lastDay);
    assertThat(trust.register.people().role(ED_ROLE).orElseThrow().validTo()).contains(lastDay);
    assertThat(trust.register.people().role(MSK_ROLE)).isEmpty();

    trust.sweep.sweep(firstInstantAfter(lastDay));

    Entitlement suspended = trust.entitlement(ENTITLEMENT);
    assertThat(suspended.status()).isEqualTo(EntitlementStatus.SUSPENDED);
    assertThat(suspended.statusReason())
        .hasValueSatisfying(reason -> assertThat(reason).startsWith("role change pending review"));
    assertThat(suspended.validTo()).isEqualTo(granted.validTo());
    assertThat(trust.register.people().role(MSK_ROLE).orElseThrow().validFrom())
        .isEqualTo(lastDay.plusDays(1));
    assertThat(engines.decide(wristXray(REFERRER, firstInstantAfter(lastDay))).reasonCodes())
        .containsExactly(ReasonCode.ENTITLEMENT_SUSPENDED);
    assertThat(
            trust.entitlements
                .reinstate(ENTITLEMENT, byDelegate(firstInstantAfter(lastDay)))
                .refusalCodes())
        .containsExactly(RefusalCode.ROLE_NOT_VALID);
  }

  @ParameterizedTest
  @ValueSource(strings = {"2026-03-29", "2026-10-25"})
  void aReducedScopeNotifiedAheadKeepsTheWholeScopeUntilTheEndOfTheLastDay(LocalDate lastDay) {
    Entitlement granted = activeEntitlementFor(SampleTrust.xrayLimbsAndMriKnee());

    Entitlement limited =
        accepted(
            trust.entitlements.notifyScopeReduction(
                ENTITLEMENT, SampleTrust.xrayLimbs(), lastDay, byReferrer(NOW)));

    assertThat(limited.validTo()).isEqualTo(lastDay);
    assertThat(decide(MR_KNEE_LEFT, lastMomentOf(lastDay)).outcome()).isEqualTo(Outcome.ENTITLED);
    assertThat(decide(MR_KNEE_LEFT, firstInstantAfter(lastDay)).reasonCodes())
        .containsExactly(ReasonCode.ENTITLEMENT_EXPIRED);

    trust.sweep.sweep(firstInstantAfter(lastDay));

    EntitlementId successor = EntitlementId.of("E-APP-1-v2");
    assertThat(trust.entitlement(ENTITLEMENT).status()).isEqualTo(EntitlementStatus.SUPERSEDED);
    Entitlement reduced = trust.entitlement(successor);
    assertThat(reduced.status()).isEqualTo(EntitlementStatus.ACTIVE);
    assertThat(reduced.scope().version()).isEqualTo(2);
    assertThat(reduced.scope().rules()).isEqualTo(SampleTrust.xrayLimbs().rules());
    assertThat(reduced.validTo()).isEqualTo(granted.validTo());
    assertThat(reduced.supersedes()).contains(ENTITLEMENT);
    assertThat(decide(MR_KNEE_LEFT, firstInstantAfter(lastDay)).reasonCodes())
        .contains(ReasonCode.OUT_OF_SCOPE_MODALITY);
    assertThat(decide(SampleTrust.XR_WRIST_RIGHT, firstInstantAfter(lastDay)).outcome())
        .isEqualTo(Outcome.ENTITLED);
  }

  @Test
  void eachStepOfANoticeIsAudited() {
    activeEntitlement();
    LocalDate lastDay = TODAY.plusDays(20);
    long mark = trust.auditSize();

    accepted(trust.entitlements.notifyLeaving(REFERRER, TRUST, lastDay, byReferrer(NOW)));
    long notified = trust.auditSize();
    trust.sweep.sweep(firstInstantAfter(lastDay));

    assertThat(trust.auditEventsSince(mark).subList(0, (int) (notified - mark)))
        .extracting(AuditEvent::action, AuditEvent::actor)
        .containsExactly(
            tuple("limit-entitlement", Actor.system("leaving")),
            tuple("notify-leaving", Actor.person(REFERRER)));
    assertThat(trust.auditEventsSince(mark).get(1).details())
        .containsEntry("notice", FIRST_NOTICE.value())
        .containsEntry("lastDay", lastDay.toString());
    assertThat(trust.auditEventsSince(notified))
        .extracting(AuditEvent::action, AuditEvent::actor, AuditEvent::stateAfter)
        .startsWith(
            tuple("end-entitlement", Actor.system("leaving"), Optional.of("ENDED v3")),
            tuple("apply-notice", SWEEP, Optional.of("IN_EFFECT v2")));
    assertThat(trust.register.notices().history(FIRST_NOTICE))
        .extracting(ChangeNotice::status)
        .containsExactly(ChangeNoticeStatus.PENDING, ChangeNoticeStatus.IN_EFFECT);
  }

  @Test
  void aSecondSweepAfterTheNoticeTookEffectChangesNothing() {
    activeEntitlement();
    LocalDate lastDay = TODAY.plusDays(20);
    accepted(trust.entitlements.notifyLeaving(REFERRER, TRUST, lastDay, byReferrer(NOW)));
    trust.sweep.sweep(firstInstantAfter(lastDay));
    RegisterSnapshot afterFirst = trust.snapshot();
    long trail = trust.auditSize();

    SweepReport second = trust.sweep.sweep(firstInstantAfter(lastDay));

    assertThat(second.noticesApplied()).isEmpty();
    assertThat(trust.snapshot()).isEqualTo(afterFirst);
    assertThat(trust.auditSize()).isEqualTo(trail);
  }

  @Test
  void leavingWithdrawnBeforeTheLastDayEndsKeepsTheReferrerEntitledAfterIt() {
    Entitlement granted = activeEntitlement();
    LocalDate lastDay = LocalDate.of(2026, 3, 29);
    accepted(trust.entitlements.notifyLeaving(REFERRER, TRUST, lastDay, byReferrer(NOW)));
    long mark = trust.auditSize();

    ChangeNotice withdrawn =
        accepted(
            trust.entitlements.withdrawNotice(FIRST_NOTICE, byReferrer(lastMomentOf(lastDay))));

    assertThat(withdrawn.status()).isEqualTo(ChangeNoticeStatus.WITHDRAWN);
    assertThat(trust.entitlement(ENTITLEMENT).validTo()).isEqualTo(granted.validTo());
    assertThat(trust.register.people().role(ED_ROLE).orElseThrow().validTo()).isEmpty();
    assertThat(trust.auditEventsSince(mark))
        .extracting(AuditEvent::action, AuditEvent::stateBefore, AuditEvent::stateAfter)
        .containsExactly(
            tuple(
                "restore-entitlement",
                Optional.of("ACTIVE v2"),
                Optional.of("ACTIVE v3")),
            tuple(
                "withdraw-notice",
                Optional.of("PENDING v1"),
                Optional.of("WITHDRAWN v2")));
    assertThat(trust.sweep.sweep(firstInstantAfter(lastDay)).noticesApplied()).isEmpty();
    assertThat(decide(SampleTrust.XR_WRIST_RIGHT, firstInstantAfter(lastDay)).outcome())
        .isEqualTo(Outcome.ENTITLED);
    assertThat(trust.entitlement(ENTITLEMENT).status()).isEqualTo(EntitlementStatus.ACTIVE);
  }

  @Test
  void aRoleChangeAndAReducedScopeWithdrawnInTimeChangeNothing() {
    Entitlement granted = activeEntitlementFor(SampleTrust.xrayLimbsAndMriKnee());
    LocalDate lastDay = TODAY.plusDays(5);
    accepted(
        trust.entitlements.notifyRoleChange(
            ED_ROLE, mskRole(lastDay.plusDays(1)), byReferrer(NOW)));
    accepted(trust.entitlements.withdrawNotice(FIRST_NOTICE, byDelegate(NOW)));
    accepted(
        trust.entitlements.notifyScopeReduction(
            ENTITLEMENT, SampleTrust.xrayLimbs(), lastDay, byReferrer(NOW)));
    accepted(
        trust.entitlements.withdrawNotice(ChangeNoticeId.of("N-PHY-1-2"), byReferrer(NOW)));

    trust.sweep.sweep(firstInstantAfter(lastDay));

    Entitlement kept = trust.entitlement(ENTITLEMENT);
    assertThat(kept.status()).isEqualTo(EntitlementStatus.ACTIVE);
    assertThat(kept.validTo()).isEqualTo(granted.validTo());
    assertThat(kept.scope()).isEqualTo(granted.scope());
    assertThat(trust.register.people().role(ED_ROLE).orElseThrow().validTo()).isEmpty();
    assertThat(trust.register.people().role(MSK_ROLE)).isEmpty();
    assertThat(decide(MR_KNEE_LEFT, firstInstantAfter(lastDay)).outcome())
        .isEqualTo(Outcome.ENTITLED);
  }

  @Test
  void aNoticeCannotBeWithdrawnOnceItHasTakenEffect() {
    activeEntitlement();
    LocalDate lastDay = LocalDate.of(2026, 10, 25);
    accepted(trust.entitlements.notifyLeaving(REFERRER, TRUST, lastDay, byReferrer(NOW)));
    RegisterSnapshot before = trust.snapshot();

    assertThat(
            trust.entitlements
                .withdrawNotice(FIRST_NOTICE, byReferrer(firstInstantAfter(lastDay)))
                .refusalCodes())
        .containsExactly(RefusalCode.NOTICE_IN_EFFECT);
    assertThat(trust.snapshot()).isEqualTo(before);
    assertThat(decide(SampleTrust.XR_WRIST_RIGHT, firstInstantAfter(lastDay)).allowsRequest())
        .isFalse();

    trust.sweep.sweep(firstInstantAfter(lastDay));

    assertThat(
            trust.entitlements
                .withdrawNotice(FIRST_NOTICE, byDelegate(firstInstantAfter(lastDay)))
                .refusalCodes())
        .containsExactly(RefusalCode.NOTICE_IN_EFFECT);
    assertThat(trust.entitlement(ENTITLEMENT).status()).isEqualTo(EntitlementStatus.ENDED);
  }

  @Test
  void onlyThePersonOrADelegateWithdrawsAPendingNoticeAndOnlyOnce() {
    activeEntitlement();
    accepted(
        trust.entitlements.notifyLeaving(REFERRER, TRUST, TODAY.plusDays(3), byReferrer(NOW)));

    assertThat(
            trust.entitlements
                .withdrawNotice(FIRST_NOTICE, SampleTrust.by(SUPERVISOR, NOW))
                .refusalCodes())
        .containsExactly(RefusalCode.NOT_THE_REFERRER);
    accepted(trust.entitlements.withdrawNotice(FIRST_NOTICE, byReferrer(NOW)));
    assertThat(trust.entitlements.withdrawNotice(FIRST_NOTICE, byReferrer(NOW)).refusalCodes())
        .containsExactly(RefusalCode.ILLEGAL_TRANSITION);
    assertThat(
            trust.entitlements
                .withdrawNotice(ChangeNoticeId.of("N-NONE"), byReferrer(NOW))
                .refusalCodes())
        .containsExactly(RefusalCode.NOT_FOUND);
  }

  @Test
  void whileANoticeIsPendingNothingElseChangesWhatItConcerns() {
    activeEntitlement();
    ApplicationId second = ApplicationId.of("APP-2");
    accepted(
        trust.applications.submit(
            SampleTrust.completeApplication().id(second).build(), byReferrer(NOW)));
    accepted(trust.applications.startReview(second, byDelegate(NOW)));
    LocalDate lastDay = TODAY.plusDays(30);
    accepted(trust.entitlements.notifyLeaving(REFERRER, TRUST, lastDay, byReferrer(NOW)));
    RegisterSnapshot before = trust.snapshot();

    assertThat(
            trust.entitlements
                .notifyRoleChange(ED_ROLE, mskRole(TODAY.plusDays(10)), byReferrer(NOW))
                .refusalCodes())
        .containsExactly(RefusalCode.INVALID_REQUEST);
    assertThat(
            trust.entitlements
                .notifyScopeReduction(
                    ENTITLEMENT, SampleTrust.xrayLimbs(), TODAY.plusDays(10), byReferrer(NOW))
                .refusalCodes())
        .contains(RefusalCode.INVALID_REQUEST);
    assertThat(
            trust.entitlements
                .changeScope(ENTITLEMENT, SampleTrust.xrayLimbsAndMriKnee(), byDelegate(NOW))
                .refusalCodes())
        .containsExactly(RefusalCode.INVALID_REQUEST);
    assertThat(trust.applications.approve(second, byDelegate(NOW)).refusalCodes())
        .containsExactly(RefusalCode.ROLE_NOT_VALID);
    assertThat(trust.snapshot()).isEqualTo(before);
  }

  @Test
  void leavingWaitsForAPendingMoveToARoleNotStartedYet() {
    activeEntitlement();
    accepted(
        trust.entitlements.notifyRoleChange(
            ED_ROLE, mskRole(TODAY.plusDays(10)), byReferrer(NOW)));

    assertThat(
            trust.entitlements
                .notifyLeaving(REFERRER, TRUST, TODAY.plusDays(40), byReferrer(NOW))
                .refusalCodes())
        .containsExactly(RefusalCode.INVALID_REQUEST);
  }

  @Test
  void aReducedScopeIsNotifiedByTheReferrerOrADelegateAndOnlyDropsRules() {
    activeEntitlementFor(SampleTrust.xrayLimbsAndMriKnee());
    LocalDate lastDay = TODAY.plusDays(10);
    Scope wider =
        Scope.builder()
            .from(SampleTrust.xrayLimbsAndMriKnee())
            .addRule(
                ScopeRule.builder()
                    .id("xr-spine")
                    .modality(Modality.PLAIN_RADIOGRAPHY)
                    .addIncludedRegion(BodyRegion.SPINE)
                    .build())
            .build();

    assertThat(
            trust.entitlements
                .notifyScopeReduction(
                    ENTITLEMENT, SampleTrust.xrayLimbs(), lastDay, SampleTrust.by(SUPERVISOR, NOW))
                .refusalCodes())
        .containsExactly(RefusalCode.NOT_THE_REFERRER);
    assertThat(
            trust.entitlements
                .notifyScopeReduction(ENTITLEMENT, wider, lastDay, byReferrer(NOW))
                .refusalCodes())
        .containsExactly(RefusalCode.INVALID_REQUEST);
    assertThat(
            trust.entitlements
                .notifyScopeReduction(
                    ENTITLEMENT, SampleTrust.xrayLimbsAndMriKnee(), lastDay, byReferrer(NOW))
                .refusalCodes())
        .containsExactly(RefusalCode.INVALID_REQUEST);
    assertThat(
            trust.entitlements
                .notifyScopeReduction(
                    ENTITLEMENT, SampleTrust.xrayLimbs(), lastDay, byDelegate(NOW))
                .isAccepted())
        .isTrue();
  }

  @Test
  void aChangeNotifiedAfterItsLastDayTakesEffectAtOnceWithoutANotice() {
    activeEntitlementFor(SampleTrust.xrayLimbsAndMriKnee());
    Instant tomorrow = at(TODAY.plusDays(1));

    Entitlement successor =
        accepted(
            trust.entitlements.notifyScopeReduction(
                ENTITLEMENT, SampleTrust.xrayLimbs(), TODAY, byReferrer(tomorrow)));

    assertThat(successor.id()).isEqualTo(EntitlementId.of("E-APP-1-v2"));
    assertThat(trust.entitlement(ENTITLEMENT).status()).isEqualTo(EntitlementStatus.SUPERSEDED);
    assertThat(trust.register.notices().forPerson(REFERRER)).isEmpty();
    assertThat(decide(MR_KNEE_LEFT, tomorrow).reasonCodes())
        .contains(ReasonCode.OUT_OF_SCOPE_MODALITY);
  }

  @Test
  void aNoticeTheSweepCouldNotApplyIsLeftForTheNextRunAndNeverExpiredInstead() {
    Entitlement granted = activeEntitlement();
    LocalDate lastDay = TODAY.plusDays(2);
    accepted(trust.entitlements.notifyLeaving(REFERRER, TRUST, lastDay, byReferrer(NOW)));
    Register ports = trust.register;
    ComplianceSweepService raced =
        new ComplianceSweepService(ports.entitlements(), ports.people(), ports.employers(),
            ports.delegations(), ports.training(), ports.auditRecords(),
            new RacedOnce(ports.notices()), ports.applications(), ports.tasks(), ports.activity(),
            ports.registrationLookup(), ports.notifications(),
            Wiring.work(ports));

    SweepReport first = raced.sweep(firstInstantAfter(lastDay));

    assertThat(first.noticesApplied()).isEmpty();
    assertThat(first.expired()).isEmpty();
    assertThat(trust.entitlement(ENTITLEMENT).status()).isEqualTo(EntitlementStatus.ACTIVE);
    assertThat(decide(SampleTrust.XR_WRIST_RIGHT, firstInstantAfter(lastDay)).allowsRequest())
        .isFalse();

    SweepReport second = raced.sweep(firstInstantAfter(lastDay).plusSeconds(60));

    assertThat(second.noticesApplied()).containsExactly(FIRST_NOTICE);
    assertThat(trust.entitlement(ENTITLEMENT).status()).isEqualTo(EntitlementStatus.ENDED);
    assertThat(trust.entitlement(ENTITLEMENT).validTo()).isEqualTo(granted.validTo());
  }

  /**
   * A notice store whose first write is beaten by someone else's, as when another node applies or
   * withdraws the same notice at the same moment.
   */
  private static final class RacedOnce implements ChangeNoticeStore {

    private final ChangeNoticeStore store;
    private boolean raced;

    RacedOnce(ChangeNoticeStore store) {
      this.store = store;
    }

    @Override
    public ChangeNotice save(ChangeNotice notice, long expectedVersion) {
      if (!raced) {
        raced = true;
        throw new ConcurrentChangeException(
            "change notice " + notice.id(), expectedVersion, expectedVersion + 1);
      }
      return store.save(notice, expectedVersion);
    }

    @Override
    public Optional<ChangeNotice> find(ChangeNoticeId id) {
      return store.find(id);
    }

    @Override
    public ImmutableList<ChangeNotice> history(ChangeNoticeId id) {
      return store.history(id);
    }

    @Override
    public ImmutableList<ChangeNotice> forPerson(PersonId person) {
      return store.forPerson(person);
    }

    @Override
    public ImmutableList<ChangeNotice> pending() {
      return store.pending();
    }
  }

  /** Both engines entitle a wrist X-ray to the last nanosecond of {@code lastDay}, never after. */
  private void assertEntitledThroughTheLastDayOnly(LocalDate lastDay) {
    Instant lastSecond = lastDay.atTime(LocalTime.of(23, 59, 59)).atZone(LONDON).toInstant();
    assertThat(decide(SampleTrust.XR_WRIST_RIGHT, lastSecond).outcome())
        .as("at 23:59:59 on %s", lastDay)
        .isEqualTo(Outcome.ENTITLED);
    assertThat(decide(SampleTrust.XR_WRIST_RIGHT, lastMomentOf(lastDay)).outcome())
        .as("at the last nanosecond of %s", lastDay)
        .isEqualTo(Outcome.ENTITLED);
    ReferralDecision after = decide(SampleTrust.XR_WRIST_RIGHT, firstInstantAfter(lastDay));
    assertThat(after.outcome()).as("at 00:00:00 after %s", lastDay).isEqualTo(Outcome.NOT_ENTITLED);
    assertThat(after.reasonCodes()).containsExactly(ReasonCode.ENTITLEMENT_EXPIRED);
  }

  private ReferralDecision decide(ExaminationCode exam, Instant at) {
    return engines.decide(request(REFERRER, exam, at));
  }

  private Entitlement activeEntitlement() {
    Entitlement granted = trust.activeEntitlement();
    engines = new EveryEngine(trust.register);
    return granted;
  }

  /** The referrer's entitlement {@code E-APP-1} for {@code scope}, its training current. */
  private Entitlement activeEntitlementFor(Scope scope) {
    trust.addTraining(
        REFERRER, TrainingType.IRMER_REFERRER, TODAY.minusYears(1), TODAY.plusYears(2));
    trust.addTraining(REFERRER, TrainingType.MRI_SAFETY, TODAY.minusYears(1), TODAY.plusYears(2));
    accepted(
        trust.applications.submit(
            SampleTrust.completeApplication().proposedScope(scope).build(), byReferrer(NOW)));
    accepted(trust.applications.startReview(APPLICATION, byDelegate(NOW)));
    Entitlement granted = accepted(trust.applications.approve(APPLICATION, byDelegate(NOW)));
    assertThat(granted.status()).isEqualTo(EntitlementStatus.ACTIVE);
    engines = new EveryEngine(trust.register);
    return granted;
  }

  static Instant firstInstantAfter(LocalDate lastDay) {
    return lastDay.plusDays(1).atStartOfDay(LONDON).toInstant();
  }

  static Instant lastMomentOf(LocalDate lastDay) {
    return firstInstantAfter(lastDay).minusNanos(1);
  }

  private static Role mskRole(LocalDate from) {
    return Role.builder()
        .id(MSK_ROLE)
        .person(REFERRER)
        .employer(TRUST)
        .title("Advanced practice physiotherapist, MSK")
        .level(LevelOfPractice.ADVANCED)
        .validFrom(from)
        .build();
  }
}
