package org.irmer.entitlement.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.irmer.entitlement.rules.TestTrust.NOW;
import static org.irmer.entitlement.rules.TestTrust.TODAY;
import static org.irmer.entitlement.rules.TestTrust.TRUST_A;
import static org.irmer.entitlement.rules.TestTrust.request;
import static org.irmer.entitlement.rules.TestTrust.rule;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.irmer.entitlement.core.domain.Actor;
import org.irmer.entitlement.core.domain.AuditEvent;
import org.irmer.entitlement.core.domain.AuditTrailEntry;
import org.irmer.entitlement.core.domain.ChannelEvent;
import org.irmer.entitlement.core.domain.ChannelEventKind;
import org.irmer.entitlement.core.domain.BodyRegion;
import org.irmer.entitlement.core.domain.ComplianceEvent;
import org.irmer.entitlement.core.domain.ComplianceEventKind;
import org.irmer.entitlement.core.domain.DecisionBasis;
import org.irmer.entitlement.core.domain.Entitlement;
import org.irmer.entitlement.core.domain.EntitlementChange;
import org.irmer.entitlement.core.domain.EntitlementStatus;
import org.irmer.entitlement.core.domain.Modality;
import org.irmer.entitlement.core.domain.Outcome;
import org.irmer.entitlement.core.domain.PersonId;
import org.irmer.entitlement.core.domain.Profession;
import org.irmer.entitlement.core.domain.ReasonCode;
import org.irmer.entitlement.core.domain.ReferralDecision;
import org.irmer.entitlement.core.domain.Regulator;
import org.irmer.entitlement.core.domain.RequestOrigin;
import org.irmer.entitlement.core.domain.TrainingLapsePolicy;
import org.irmer.entitlement.core.domain.TrainingType;
import org.irmer.entitlement.core.domain.WarningCode;
import org.irmer.entitlement.core.port.out.Notification;
import org.irmer.entitlement.core.port.out.NotificationKind;
import org.irmer.entitlement.core.port.out.Register;
import org.irmer.entitlement.core.service.ChannelEventService;
import org.junit.jupiter.api.Test;

/**
 * The recorded check ({@link ReferralCheckService}): the details each decision leaves in the audit
 * trail, the blocked attempt of a refusal, {@code changedSince}, and training notifications at most
 * once per recipient, referrer and local day, however many checks find the lapse.
 */
class RecordedCheckTests {

  private static List<Notification> trainingNotifications(TestTrust trust) {
    return trust.memory.notifications().stream()
        .filter(notification -> notification.kind() == NotificationKind.TRAINING_LAPSED)
        .toList();
  }

  private static AuditEvent onlyRecord(Register register) {
    assertThat(register.auditTrail().size()).as("records in the audit trail").isEqualTo(1);
    return register.auditTrail().read(1, 1).get(0).event();
  }

  /** A trust whose referrer R's IR(ME)R training expired on {@code expired}; R may X-ray the upper limb. */
  private static PersonId lapsedReferrer(TestTrust trust, String id, LocalDate expired) {
    PersonId referrer = trust.untrainedReferrer(id, Profession.NURSE, Regulator.NMC);
    trust.train(referrer, TrainingType.IRMER_REFERRER, expired.minusYears(3), expired);
    trust.entitle(referrer, rule("XR-UPPER", Modality.PLAIN_RADIOGRAPHY, BodyRegion.UPPER_LIMB).build());
    return referrer;
  }

  @Test
  void recordsWithAnEntitledDecisionItsOrderProceduresBasisEntitlementRuleAndWarnings() {
    TestTrust trust = new TestTrust(TrainingLapsePolicy.warnWithGrace(30));
    PersonId referrer = lapsedReferrer(trust, "R", TODAY.minusDays(1));
    Entitlement entitlement = trust.register.entitlements().forPerson(referrer).get(0);

    ReferralDecision decision = Wiring.referralCheck(trust.evaluator(), trust.register)
        .check(request(referrer, "XWRIR").orderId("ORD-1").build());

    assertThat(decision.outcome()).isEqualTo(Outcome.ENTITLED);
    AuditEvent recorded = onlyRecord(trust.register);
    assertThat(recorded.action()).isEqualTo("check-referral");
    assertThat(recorded.actor()).isEqualTo(Actor.person(referrer));
    assertThat(recorded.at()).isEqualTo(NOW);
    assertThat(recorded.subject()).isEqualTo("ORD-1");
    assertThat(recorded.result()).isEqualTo("ENTITLED");
    assertThat(recorded.causes()).isEmpty();
    assertThat(recorded.details()).containsOnly(
        entry("employer", TRUST_A.value()),
        entry("examination", "XWRIR"),
        entry("order", "ORD-1"),
        entry("procedures", "1"),
        entry("basis", DecisionBasis.INDIVIDUAL_ENTITLEMENT.name()),
        entry("entitlement", entitlement.id().value()),
        entry("entitlementVersion", Long.toString(entitlement.version())),
        entry("rule", "XR-UPPER"),
        entry("warning." + WarningCode.TRAINING_EXPIRED_IN_GRACE,
            decision.warnings().get(0).message()));
  }

  @Test
  void recordsTheChannelItsReferenceAndItsClientWithTheDecision() {
    TestTrust trust = new TestTrust();
    PersonId referrer = trust.referrer("R", Profession.PHYSIOTHERAPIST, Regulator.HCPC);
    trust.entitle(referrer, rule("XR-LIMBS", Modality.PLAIN_RADIOGRAPHY, BodyRegion.LOWER_LIMB).build());

    Wiring.referralCheck(trust.evaluator(), trust.register).check(request(referrer, "MLSPI")
        .orderId("ORD-3")
        .origin(RequestOrigin.of("hl7v2", "MSG-0001").from("RIS^RAD"))
        .build());

    assertThat(onlyRecord(trust.register).details()).contains(
        entry("channel", "hl7v2"), entry("channelReference", "MSG-0001"), entry("client", "RIS^RAD"));
  }

  @Test
  void recordsAChannelEventAloneWithTheChannelAsItsActor() {
    TestTrust trust = new TestTrust();

    AuditTrailEntry entry = new ChannelEventService(trust.register.transactions(),
        trust.register.auditTrail()).record(ChannelEvent.of(ChannelEventKind.DECISION_FEEDBACK,
            "cds-hooks", "https://ehr.example", "card-1", "overridden", NOW,
            Map.of("overrideReason", "patient-declined")));

    AuditEvent recorded = onlyRecord(trust.register);
    assertThat(entry.event()).isEqualTo(recorded);
    assertThat(recorded.action()).isEqualTo("decision-feedback");
    assertThat(recorded.actor()).isEqualTo(Actor.system("cds-hooks"));
    assertThat(recorded.subject()).isEqualTo("card-1");
    assertThat(recorded.result()).isEqualTo("overridden");
    assertThat(recorded.details()).containsOnly(entry("channel", "cds-hooks"),
        entry("client", "https://ehr.example"), entry("overrideReason", "patient-declined"));
  }

  @Test
  void recordsARefusalWithEveryReasonAndABlockedAttemptThatNeverCountsAgainstTheReferrer() {
    TestTrust trust = new TestTrust();
    PersonId referrer = trust.referrer("R", Profession.PHYSIOTHERAPIST, Regulator.HCPC);
    trust.entitle(referrer, rule("XR-LIMBS", Modality.PLAIN_RADIOGRAPHY, BodyRegion.LOWER_LIMB).build());

    ReferralDecision decision = Wiring.referralCheck(trust.evaluator(), trust.register)
        .check(request(referrer, "MLSPI").orderId("ORD-2").build());

    assertThat(decision.reasonCodes()).containsExactlyInAnyOrder(
        ReasonCode.OUT_OF_SCOPE_MODALITY, ReasonCode.OUT_OF_SCOPE_EXAMINATION);
    AuditEvent recorded = onlyRecord(trust.register);
    assertThat(recorded.result()).isEqualTo("NOT_ENTITLED");
    assertThat(recorded.causes()).hasSize(2)
        .anySatisfy(cause -> assertThat(cause).startsWith("OUT_OF_SCOPE_MODALITY: "))
        .anySatisfy(cause -> assertThat(cause).startsWith("OUT_OF_SCOPE_EXAMINATION: "));
    assertThat(recorded.details()).containsOnlyKeys("employer", "examination", "order", "procedures");
    ComplianceEvent blocked = trust.register.complianceEvents().forReferrer(referrer, TRUST_A).get(0);
    assertThat(blocked.kind()).isEqualTo(ComplianceEventKind.BLOCKED_ATTEMPT);
    assertThat(blocked.id().value()).isEqualTo("BLOCKED-1");
    assertThat(blocked.orderId()).contains("ORD-2");
    assertThat(blocked.occurredAt()).isEqualTo(NOW);
    assertThat(blocked.countsTowardsNonCompliance()).isFalse();
  }

  @Test
  void recordsARequestWithoutAnOrderIdUnderTheReferrerAndExamination() {
    TestTrust trust = new TestTrust();
    PersonId referrer = trust.referrer("R", Profession.NURSE, Regulator.NMC);
    trust.entitle(referrer, rule("XR", Modality.PLAIN_RADIOGRAPHY, BodyRegion.WHOLE_BODY).build());

    Wiring.referralCheck(trust.evaluator(), trust.register).check(request(referrer, "XCHES").build());

    AuditEvent recorded = onlyRecord(trust.register);
    assertThat(recorded.subject()).isEqualTo("R/XCHES");
    assertThat(recorded.details()).doesNotContainKey("order");
  }

  @Test
  void saysNothingChangedWhileTheEntitlementStandsAsDecided() {
    TestTrust trust = new TestTrust();
    PersonId referrer = trust.referrer("R", Profession.NURSE, Regulator.NMC);
    trust.entitle(referrer, rule("XR", Modality.PLAIN_RADIOGRAPHY, BodyRegion.WHOLE_BODY).build());
    ReferralCheckService check = Wiring.referralCheck(trust.evaluator(), trust.register);

    ReferralDecision decision = check.check(request(referrer, "XCHES").build());

    assertThat(check.changedSince(decision)).isEmpty();
  }

  @Test
  void flagsTheOldAndNewStateWhenTheEntitlementChangedAfterTheReferralWasAllowed() {
    TestTrust trust = new TestTrust();
    PersonId referrer = trust.referrer("R", Profession.NURSE, Regulator.NMC);
    Entitlement granted = trust.entitle(referrer,
        rule("XR", Modality.PLAIN_RADIOGRAPHY, BodyRegion.WHOLE_BODY).build());
    ReferralCheckService check = Wiring.referralCheck(trust.evaluator(), trust.register);
    ReferralDecision decision = check.check(request(referrer, "XCHES").build());

    Entitlement suspended = trust.setStatus(granted.id(), EntitlementStatus.SUSPENDED);

    EntitlementChange change = check.changedSince(decision).orElseThrow();
    assertThat(change.entitlement()).isEqualTo(granted.id());
    assertThat(change.decidedVersion()).isEqualTo(granted.version());
    assertThat(change.decidedStatus()).isEqualTo(EntitlementStatus.ACTIVE);
    assertThat(change.currentVersion()).isEqualTo(suspended.version());
    assertThat(change.currentStatus()).isEqualTo(EntitlementStatus.SUSPENDED);
    assertThat(change.message()).contains("ACTIVE", "SUSPENDED");
    assertThat(trust.register.entitlements().history(granted.id()))
        .as("nothing cancelled or changed by the flag").containsExactly(granted, suspended);
  }

  @Test
  void flagsNothingForADecisionThatDidNotAllowTheRequest() {
    TestTrust trust = new TestTrust();
    PersonId referrer = trust.referrer("R", Profession.NURSE, Regulator.NMC);
    Entitlement granted = trust.entitle(referrer,
        rule("XR", Modality.PLAIN_RADIOGRAPHY, BodyRegion.UPPER_LIMB).build());
    ReferralCheckService check = Wiring.referralCheck(trust.evaluator(), trust.register);
    ReferralDecision refused = check.check(request(referrer, "XKNER").build());

    trust.setStatus(granted.id(), EntitlementStatus.SUSPENDED);

    assertThat(check.changedSince(refused)).isEmpty();
  }

  @Test
  void notifiesTheReferrerAndTheDelegatesOfTrainingInItsGracePeriodOnceADayNotOnceACheck() {
    TestTrust trust = new TestTrust(TrainingLapsePolicy.warnWithGrace(30));
    PersonId referrer = lapsedReferrer(trust, "R", TODAY.minusDays(1));
    ReferralCheckService check = Wiring.referralCheck(trust.evaluator(), trust.register);

    ReferralDecision first = check.check(request(referrer, "XWRIR").requestedAt(NOW).build());
    check.check(request(referrer, "XHANR").requestedAt(NOW.plusSeconds(600)).build());
    check.check(request(referrer, "XWRIR").requestedAt(TestTrust.at(TODAY, 23, 59)).build());

    assertThat(first.warningCodes()).containsExactly(WarningCode.TRAINING_EXPIRED_IN_GRACE);
    assertThat(trainingNotifications(trust)).extracting(Notification::recipient)
        .containsExactlyInAnyOrder("R", Notification.delegatesOf(TRUST_A));
    assertThat(trainingNotifications(trust)).allSatisfy(notification -> {
      assertThat(notification.subject()).isEqualTo("R");
      assertThat(notification.message()).isEqualTo(first.warnings().get(0).message());
      assertThat(notification.at()).isEqualTo(NOW);
    });
    assertThat(trust.register.auditTrail().size()).as("every check is still recorded").isEqualTo(3);
  }

  @Test
  void notifiesAgainOnTheNextLocalDay() {
    TestTrust trust = new TestTrust(TrainingLapsePolicy.warnWithGrace(30));
    PersonId referrer = lapsedReferrer(trust, "R", TODAY.minusDays(1));
    ReferralCheckService check = Wiring.referralCheck(trust.evaluator(), trust.register);

    check.check(request(referrer, "XWRIR").requestedAt(NOW).build());
    check.check(request(referrer, "XWRIR").requestedAt(TestTrust.at(TODAY.plusDays(1), 0, 0)).build());

    assertThat(trainingNotifications(trust)).extracting(Notification::recipient)
        .containsExactlyInAnyOrder("R", "R", Notification.delegatesOf(TRUST_A),
            Notification.delegatesOf(TRUST_A));
  }

  @Test
  void countsDaysInTheEmployersZoneNotInUtc() {
    LocalDate june10 = LocalDate.of(2026, 6, 10);
    TestTrust trust = new TestTrust(TrainingLapsePolicy.warnWithGrace(30));
    PersonId referrer = lapsedReferrer(trust, "R", june10.minusDays(1));
    ReferralCheckService check = Wiring.referralCheck(trust.evaluator(), trust.register);

    // 23:30 on 10 June and 00:30 on 11 June in London (BST), both on 10 June in UTC.
    check.check(request(referrer, "XWRIR").requestedAt(Instant.parse("2026-06-10T22:30:00Z")).build());
    check.check(request(referrer, "XWRIR").requestedAt(Instant.parse("2026-06-10T23:30:00Z")).build());
    int acrossLocalMidnight = trainingNotifications(trust).size();
    // 00:45 and 23:50 on 11 June in London: one local day, two days in UTC.
    check.check(request(referrer, "XWRIR").requestedAt(Instant.parse("2026-06-10T23:45:00Z")).build());
    check.check(request(referrer, "XWRIR").requestedAt(Instant.parse("2026-06-11T22:50:00Z")).build());

    assertThat(acrossLocalMidnight).as("notifications for two local days").isEqualTo(4);
    assertThat(trainingNotifications(trust)).as("notifications once 11 June was checked again")
        .hasSize(4);
  }

  @Test
  void notifiesOfTrainingLapsedUnderNotifyOnlyOnceADayToo() {
    TestTrust trust = new TestTrust(TrainingLapsePolicy.NOTIFY_ONLY);
    PersonId referrer = lapsedReferrer(trust, "R", TODAY.minusDays(100));
    ReferralCheckService check = Wiring.referralCheck(trust.evaluator(), trust.register);

    ReferralDecision first = check.check(request(referrer, "XWRIR").requestedAt(NOW).build());
    check.check(request(referrer, "XWRIR").requestedAt(NOW.plusSeconds(60)).build());
    check.check(request(referrer, "XWRIR").requestedAt(NOW.plusSeconds(3_600)).build());

    assertThat(first.outcome()).isEqualTo(Outcome.ENTITLED);
    assertThat(first.notices()).hasSize(1);
    assertThat(trainingNotifications(trust)).extracting(Notification::recipient)
        .containsExactlyInAnyOrder("R", Notification.delegatesOf(TRUST_A));
    assertThat(trainingNotifications(trust)).extracting(Notification::message)
        .containsOnly(first.notices().get(0).message());
  }

  @Test
  void countsTheDailyLimitPerReferrerSoThatTheDelegatesHearOfEachOne() {
    TestTrust trust = new TestTrust(TrainingLapsePolicy.warnWithGrace(30));
    PersonId first = lapsedReferrer(trust, "R1", TODAY.minusDays(1));
    PersonId second = lapsedReferrer(trust, "R2", TODAY.minusDays(2));
    ReferralCheckService check = Wiring.referralCheck(trust.evaluator(), trust.register);

    for (int n = 0; n < 3; n++) {
      check.check(request(first, "XWRIR").requestedAt(NOW.plusSeconds(n)).build());
      check.check(request(second, "XWRIR").requestedAt(NOW.plusSeconds(n)).build());
    }

    assertThat(trainingNotifications(trust))
        .filteredOn(notification -> notification.recipient().equals(Notification.delegatesOf(TRUST_A)))
        .extracting(Notification::subject).containsExactlyInAnyOrder("R1", "R2");
    assertThat(trainingNotifications(trust)).extracting(Notification::recipient)
        .filteredOn(recipient -> !recipient.startsWith("delegates:"))
        .containsExactlyInAnyOrder("R1", "R2");
  }

  @Test
  void sendsNoTrainingNotificationForARequestThatWasRefused() {
    TestTrust trust = new TestTrust(TrainingLapsePolicy.warnWithGrace(30));
    PersonId referrer = lapsedReferrer(trust, "R", TODAY.minusDays(1));

    ReferralDecision refused = Wiring.referralCheck(trust.evaluator(), trust.register)
        .check(request(referrer, "XKNER").build());

    assertThat(refused.outcome()).isEqualTo(Outcome.NOT_ENTITLED);
    assertThat(trainingNotifications(trust)).isEmpty();
  }
}
