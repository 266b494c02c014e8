package org.irmer.entitlement.rules.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.irmer.entitlement.rules.lifecycle.SampleTrust.APPLICATION;
import static org.irmer.entitlement.rules.lifecycle.SampleTrust.DELEGATE;
import static org.irmer.entitlement.rules.lifecycle.SampleTrust.ENTITLEMENT;
import static org.irmer.entitlement.rules.lifecycle.SampleTrust.NOW;
import static org.irmer.entitlement.rules.lifecycle.SampleTrust.REFERRER;
import static org.irmer.entitlement.rules.lifecycle.SampleTrust.SUPERVISOR;
import static org.irmer.entitlement.rules.lifecycle.SampleTrust.TODAY;
import static org.irmer.entitlement.rules.lifecycle.SampleTrust.TRUST;
import static org.irmer.entitlement.rules.lifecycle.SampleTrust.accepted;
import static org.irmer.entitlement.rules.lifecycle.SampleTrust.byDelegate;
import static org.irmer.entitlement.rules.lifecycle.SampleTrust.bySystem;

import com.google.common.collect.ImmutableMap;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import org.irmer.entitlement.core.domain.Actor;
import org.irmer.entitlement.core.domain.AuditEvent;
import org.irmer.entitlement.core.domain.AuditOutcome;
import org.irmer.entitlement.core.domain.AuditRecord;
import org.irmer.entitlement.core.domain.AuditRecordId;
import org.irmer.entitlement.core.domain.CommandResult;
import org.irmer.entitlement.core.domain.ComplianceEvent;
import org.irmer.entitlement.core.domain.ComplianceEventId;
import org.irmer.entitlement.core.domain.ComplianceEventKind;
import org.irmer.entitlement.core.domain.Employer;
import org.irmer.entitlement.core.domain.Entitlement;
import org.irmer.entitlement.core.domain.EntitlementStatus;
import org.irmer.entitlement.core.domain.NonComplianceAction;
import org.irmer.entitlement.core.domain.PersonId;
import org.irmer.entitlement.core.domain.RefusalCode;
import org.irmer.entitlement.core.domain.TrainingRecord;
import org.irmer.entitlement.core.domain.TrainingRecordId;
import org.irmer.entitlement.core.domain.TrainingType;
import org.irmer.entitlement.core.domain.WrittenProcedures;
import org.irmer.entitlement.core.port.out.Notification;
import org.irmer.entitlement.core.port.out.NotificationKind;
import org.junit.jupiter.api.Test;

/** Principles 4, 6, 7 and 10: training, compliance events, justification feedback and audits. */
class TrainingAndComplianceTests {

  private SampleTrust trust = new SampleTrust();
  private int events;

  @Test
  void recordingTheMissingTrainingActivatesAPendingEntitlementAsAChangeOfItsOwn() {
    trust.applicationUnderReview();
    accepted(trust.applications.approve(APPLICATION, byDelegate(NOW)));
    long mark = trust.auditSize();

    TrainingRecord recorded =
        accepted(trust.entitlements.recordTraining(irmerTraining("TR-1"), byDelegate(NOW)));

    assertThat(trust.register.training().forPerson(REFERRER)).containsExactly(recorded);
    assertThat(trust.entitlement(ENTITLEMENT).status()).isEqualTo(EntitlementStatus.ACTIVE);
    assertThat(trust.auditEventsSince(mark))
        .extracting(AuditEvent::action, AuditEvent::actor, AuditEvent::subject)
        .containsExactly(
            tuple("activate-entitlement", Actor.system("training-prerequisites"), "E-APP-1"),
            tuple("record-training", Actor.person(DELEGATE), "TR-1"));
    assertThat(trust.notificationsTo(REFERRER.value()))
        .last()
        .satisfies(notification -> assertThat(notification.message()).contains("ACTIVE"));
  }

  @Test
  void aPendingEntitlementStaysPendingWhileOtherRequiredTrainingIsMissing() {
    accepted(
        trust.applications.submit(
            SampleTrust.completeApplication()
                .proposedScope(SampleTrust.xrayLimbsAndMriKnee())
                .build(),
            byDelegate(NOW)));
    accepted(trust.applications.startReview(APPLICATION, byDelegate(NOW)));
    accepted(trust.applications.approve(APPLICATION, byDelegate(NOW)));

    accepted(trust.entitlements.recordTraining(irmerTraining("TR-1"), byDelegate(NOW)));

    assertThat(trust.entitlement(ENTITLEMENT).status())
        .isEqualTo(EntitlementStatus.PENDING_PREREQUISITES);
  }

  @Test
  void refusesTrainingOfAnUnknownPersonOrWithATakenId() {
    accepted(trust.entitlements.recordTraining(irmerTraining("TR-1"), byDelegate(NOW)));

    assertThat(
            trust
                .entitlements
                .recordTraining(
                    TrainingRecord.builder()
                        .from(irmerTraining("TR-2"))
                        .person(PersonId.of("NOBODY"))
                        .build(),
                    byDelegate(NOW))
                .refusalCodes())
        .containsExactly(RefusalCode.NOT_FOUND);
    assertThat(
            trust
                .entitlements
                .recordTraining(irmerTraining("TR-1"), byDelegate(NOW))
                .refusalCodes())
        .containsExactly(RefusalCode.DUPLICATE_ID);
  }

  @Test
  void theThirdUpheldEventRaisesASuspensionReviewAndChangesNoStatus() {
    Entitlement active = trust.activeEntitlement();

    record(ComplianceEventKind.INCIDENT, true, NOW.minus(Duration.ofDays(200)));
    record(ComplianceEventKind.OUT_OF_PROTOCOL, true, NOW.minus(Duration.ofDays(100)));
    assertThat(trust.notificationsTo(Notification.delegatesOf(TRUST)))
        .noneMatch(notification -> notification.kind() == NotificationKind.SUSPENSION_REVIEW);
    record(ComplianceEventKind.NOT_JUSTIFIED, true, NOW);

    assertThat(trust.notificationsTo(Notification.delegatesOf(TRUST)))
        .filteredOn(notification -> notification.kind() == NotificationKind.SUSPENSION_REVIEW)
        .singleElement()
        .satisfies(notification -> assertThat(notification.message()).contains("PHY-1"));
    assertThat(trust.notificationsTo(REFERRER.value()))
        .anyMatch(notification -> notification.kind() == NotificationKind.SUSPENSION_REVIEW);
    assertThat(trust.notificationsTo(SUPERVISOR.value()))
        .anyMatch(notification -> notification.kind() == NotificationKind.SUSPENSION_REVIEW);
    assertThat(trust.register.entitlements().history(ENTITLEMENT)).containsExactly(active);
    assertThat(accepted(trust.entitlements.suspend(ENTITLEMENT, byDelegate(NOW))).status())
        .isEqualTo(EntitlementStatus.SUSPENDED);
  }

  @Test
  void underSuspendTheThirdUpheldEventSuspendsAtOnce() {
    trust =
        new SampleTrust(procedures -> procedures.nonComplianceAction(NonComplianceAction.SUSPEND));
    trust.activeEntitlement();
    record(ComplianceEventKind.INCIDENT, true, NOW.minus(Duration.ofDays(20)));
    record(ComplianceEventKind.INCIDENT, true, NOW.minus(Duration.ofDays(10)));
    long mark = trust.auditSize();

    record(ComplianceEventKind.INCIDENT, true, NOW);

    assertThat(trust.entitlement(ENTITLEMENT).status()).isEqualTo(EntitlementStatus.SUSPENDED);
    assertThat(trust.entitlement(ENTITLEMENT).statusReason())
        .hasValueSatisfying(
            reason -> assertThat(reason).contains("non-compliance threshold reached"));
    assertThat(trust.auditEventsSince(mark))
        .extracting(AuditEvent::action, AuditEvent::actor)
        .containsExactly(
            tuple("suspend-entitlement", Actor.system("non-compliance-threshold")),
            tuple("record-compliance-event", Actor.person(DELEGATE)));
  }

  @Test
  void blockedAttemptsAndEventsNotUpheldNeverCountTowardsTheThreshold() {
    trust =
        new SampleTrust(procedures -> procedures.nonComplianceAction(NonComplianceAction.SUSPEND));
    Entitlement active = trust.activeEntitlement();
    record(ComplianceEventKind.INCIDENT, true, NOW.minus(Duration.ofDays(5)));
    record(ComplianceEventKind.INCIDENT, true, NOW.minus(Duration.ofDays(4)));

    for (int attempt = 0; attempt < 5; attempt++) {
      record(ComplianceEventKind.BLOCKED_ATTEMPT, true, NOW);
    }
    record(ComplianceEventKind.OUT_OF_PROTOCOL, false, NOW);

    assertThat(trust.register.entitlements().history(ENTITLEMENT)).containsExactly(active);
    assertThat(trust.register.complianceEvents().forReferrer(REFERRER, TRUST)).hasSize(8);
  }

  @Test
  void theWindowIncludesAnEventExactlyAtItsStartAndNothingOlder() {
    trust =
        new SampleTrust(
            procedures ->
                procedures
                    .nonComplianceAction(NonComplianceAction.SUSPEND)
                    .nonComplianceThreshold(2)
                    .nonComplianceWindow(Period.ofMonths(12)));
    trust.activeEntitlement();
    Instant windowStart = NOW.atZone(SampleTrust.LONDON).minusMonths(12).toInstant();

    record(ComplianceEventKind.INCIDENT, true, windowStart.minusSeconds(1));
    record(ComplianceEventKind.INCIDENT, true, NOW);
    assertThat(trust.entitlement(ENTITLEMENT).status()).isEqualTo(EntitlementStatus.ACTIVE);

    record(ComplianceEventKind.INCIDENT, true, windowStart);
    assertThat(trust.entitlement(ENTITLEMENT).status()).isEqualTo(EntitlementStatus.SUSPENDED);
  }

  @Test
  void aJustificationOutcomeIsFedBackAndStoredButIsNoBreach() {
    trust =
        new SampleTrust(
            procedures ->
                procedures
                    .nonComplianceAction(NonComplianceAction.SUSPEND)
                    .nonComplianceThreshold(1));
    Entitlement active = trust.activeEntitlement();

    ComplianceEvent outcome =
        accepted(
            trust.entitlements.recordJustificationOutcome(
                event(ComplianceEventKind.NOT_JUSTIFIED, true, NOW), bySystem(NOW)));

    assertThat(trust.register.complianceEvents().forReferrer(REFERRER, TRUST))
        .containsExactly(outcome);
    assertThat(trust.notificationsTo(REFERRER.value()))
        .last()
        .satisfies(
            notification -> {
              assertThat(notification.kind()).isEqualTo(NotificationKind.JUSTIFICATION_FEEDBACK);
              assertThat(notification.message()).contains("NOT_JUSTIFIED", "ORD-");
            });
    assertThat(trust.register.entitlements().history(ENTITLEMENT)).containsExactly(active);
  }

  @Test
  void refusesEventsAboutAnUnknownReferrerOrEmployer() {
    ComplianceEvent unknown =
        ComplianceEvent.builder()
            .from(event(ComplianceEventKind.INCIDENT, true, NOW))
            .referrer(PersonId.of("NOBODY"))
            .build();

    assertThat(trust.entitlements.recordComplianceEvent(unknown, byDelegate(NOW)).refusalCodes())
        .containsExactly(RefusalCode.NOT_FOUND);
    assertThat(
            trust.entitlements.recordJustificationOutcome(unknown, byDelegate(NOW)).refusalCodes())
        .containsExactly(RefusalCode.NOT_FOUND);
  }

  @Test
  void aPassedAuditIsKeptAndAFailedOneCountsAsUpheldNonCompliance() {
    trust =
        new SampleTrust(
            procedures ->
                procedures
                    .nonComplianceAction(NonComplianceAction.SUSPEND)
                    .nonComplianceThreshold(1));
    trust.activeEntitlement();

    AuditRecord passed =
        accepted(
            trust.entitlements.recordAudit(audit("AUD-1", AuditOutcome.PASS), byDelegate(NOW)));
    assertThat(trust.register.auditRecords().forReferrer(REFERRER, TRUST)).containsExactly(passed);
    assertThat(trust.entitlement(ENTITLEMENT).status()).isEqualTo(EntitlementStatus.ACTIVE);

    accepted(trust.entitlements.recordAudit(audit("AUD-2", AuditOutcome.FAIL), byDelegate(NOW)));
    assertThat(trust.register.complianceEvents().forReferrer(REFERRER, TRUST))
        .singleElement()
        .satisfies(
            failure -> {
              assertThat(failure.id()).isEqualTo(ComplianceEventId.of("AUDIT-FAIL-AUD-2"));
              assertThat(failure.kind()).isEqualTo(ComplianceEventKind.AUDIT_FAIL);
              assertThat(failure.upheld()).isTrue();
            });
    assertThat(trust.entitlement(ENTITLEMENT).status()).isEqualTo(EntitlementStatus.SUSPENDED);
  }

  @Test
  void anAuditsNextDueDateIsAtMostTheProceduresIntervalAfterItsReviewAndSetsWhenTheSweepSuspends() {
    trust.addTraining(REFERRER, TrainingType.IRMER_REFERRER, TODAY.minusYears(1),
        TODAY.plusYears(5));
    trust.activeEntitlement();
    LocalDate latest = TODAY.plusYears(2);
    AuditRecord tooLate = AuditRecord.builder().from(audit("AUD-1", AuditOutcome.PASS))
        .nextDue(latest.plusDays(1)).build();

    CommandResult<AuditRecord> refused = trust.entitlements.recordAudit(tooLate, byDelegate(NOW));

    assertThat(refused.refusalCodes()).containsExactly(RefusalCode.INVALID_REQUEST);
    assertThat(refused.refusals().get(0).message()).contains(latest.toString()).contains("P2Y");
    assertThat(trust.register.auditRecords().forReferrer(REFERRER, TRUST)).isEmpty();

    LocalDate sooner = TODAY.plusMonths(6);
    accepted(trust.entitlements.recordAudit(AuditRecord.builder()
        .from(audit("AUD-2", AuditOutcome.ACTION_PLAN)).nextDue(sooner).build(), byDelegate(NOW)));
    assertThat(trust.sweep.sweep(SampleTrust.at(sooner.plusDays(30))).suspended()).isEmpty();
    assertThat(trust.sweep.sweep(SampleTrust.at(sooner.plusDays(31))).suspended())
        .containsExactly(ENTITLEMENT);

    WrittenProcedures procedures = trust.register.employers().currentProcedures(TRUST).orElseThrow();
    assertThat(accepted(trust.entitlements.recordAudit(AuditRecord.builder()
        .from(audit("AUD-3", AuditOutcome.PASS)).nextDue(procedures.nextAuditDue(TODAY)).build(),
        byDelegate(NOW))).nextDue()).isEqualTo(latest);
  }

  @Test
  void refusesAFailedAuditAtAnEmployerWithoutProcedures() {
    trust
        .register
        .employers()
        .save(
            Employer.builder()
                .from(trust.register.employers().find(TRUST).orElseThrow())
                .proceduresVersion(9)
                .build(),
            1);

    assertThat(
            trust
                .entitlements
                .recordAudit(audit("AUD-1", AuditOutcome.FAIL), byDelegate(NOW))
                .refusalCodes())
        .containsExactly(RefusalCode.NO_PROCEDURES);
    assertThat(
            trust
                .entitlements
                .recordAudit(audit("AUD-2", AuditOutcome.PASS), byDelegate(NOW))
                .isAccepted())
        .isTrue();
  }

  private void record(ComplianceEventKind kind, boolean upheld, Instant occurredAt) {
    accepted(
        trust.entitlements.recordComplianceEvent(event(kind, upheld, occurredAt), byDelegate(NOW)));
  }

  private ComplianceEvent event(ComplianceEventKind kind, boolean upheld, Instant occurredAt) {
    events++;
    return ComplianceEvent.builder()
        .id(ComplianceEventId.of("CE-" + events))
        .referrer(REFERRER)
        .employer(TRUST)
        .kind(kind)
        .upheld(upheld)
        .occurredAt(occurredAt)
        .description(kind + " number " + events)
        .orderId("ORD-" + events)
        .build();
  }

  private static TrainingRecord irmerTraining(String id) {
    return TrainingRecord.builder()
        .id(TrainingRecordId.of(id))
        .person(REFERRER)
        .type(TrainingType.IRMER_REFERRER)
        .completed(TODAY.minusDays(7))
        .expires(TODAY.plusYears(3))
        .verifiedBy(DELEGATE)
        .build();
  }

  private static AuditRecord audit(String id, AuditOutcome outcome) {
    return AuditRecord.builder()
        .id(AuditRecordId.of(id))
        .referrer(REFERRER)
        .employer(TRUST)
        .periodFrom(TODAY.minusYears(1))
        .periodTo(TODAY.minusDays(1))
        .sampleSize(20)
        .criteria(ImmutableMap.of("clinical question given", outcome == AuditOutcome.PASS))
        .outcome(outcome)
        .reviewedBy(DELEGATE)
        .reviewedOn(TODAY)
        .nextDue(LocalDate.of(2028, 3, 10))
        .build();
  }
}
