package org.irmer.entitlement.rules.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.irmer.entitlement.rules.lifecycle.SampleTrust.APPLICATION;
import static org.irmer.entitlement.rules.lifecycle.SampleTrust.DELEGATE;
import static org.irmer.entitlement.rules.lifecycle.SampleTrust.ENTITLEMENT;
import static org.irmer.entitlement.rules.lifecycle.SampleTrust.NOW;
import static org.irmer.entitlement.rules.lifecycle.SampleTrust.REFERRER;
import static org.irmer.entitlement.rules.lifecycle.SampleTrust.TODAY;
import static org.irmer.entitlement.rules.lifecycle.SampleTrust.TRUST;
import static org.irmer.entitlement.rules.lifecycle.SampleTrust.accepted;
import static org.irmer.entitlement.rules.lifecycle.SampleTrust.at;
import static org.irmer.entitlement.rules.lifecycle.SampleTrust.byDelegate;

import com.google.common.collect.ImmutableMap;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.irmer.entitlement.core.domain.Actor;
import org.irmer.entitlement.core.domain.AuditEvent;
import org.irmer.entitlement.core.domain.AuditOutcome;
import org.irmer.entitlement.core.domain.AuditRecord;
import org.irmer.entitlement.core.domain.AuditRecordId;
import org.irmer.entitlement.core.domain.Entitlement;
import org.irmer.entitlement.core.domain.EntitlementId;
import org.irmer.entitlement.core.domain.EntitlementStatus;
import org.irmer.entitlement.core.domain.EntitlementSubject;
import org.irmer.entitlement.core.domain.GroupCriteria;
import org.irmer.entitlement.core.domain.RegistrationStatus;
import org.irmer.entitlement.core.domain.Regulator;
import org.irmer.entitlement.core.domain.SweepReport;
import org.irmer.entitlement.core.domain.Task;
import org.irmer.entitlement.core.domain.TaskKind;
import org.irmer.entitlement.core.domain.TaskQuery;
import org.irmer.entitlement.core.domain.TrainingLapsePolicy;
import org.irmer.entitlement.core.domain.TrainingType;
import org.irmer.entitlement.core.port.out.Notification;
import org.irmer.entitlement.core.port.out.NotificationKind;
import org.junit.jupiter.api.Test;

/** Principle 6 and ARCHITECTURE.md flow 3: the scheduled compliance sweep, scenario S5. */
class ComplianceSweepServiceTests {

  private static final Actor SWEEP = Actor.system("compliance-sweep");

  @Test
  void expiresAnEntitlementTheDayAfterItsLastValidDay() {
    SampleTrust trust = new SampleTrust();
    Entitlement active = trust.activeEntitlement();
    Instant lastMinute = active.validTo().atTime(23, 59).atZone(SampleTrust.LONDON).toInstant();
    auditedUpTo(trust, active.validTo().plusYears(1));

    assertThat(trust.sweep.sweep(lastMinute).expired()).isEmpty();
    SweepReport report = trust.sweep.sweep(at(active.validTo().plusDays(1)));

    assertThat(report.expired()).containsExactly(ENTITLEMENT);
    Entitlement expired = trust.entitlement(ENTITLEMENT);
    assertThat(expired.status()).isEqualTo(EntitlementStatus.EXPIRED);
    assertThat(expired.statusReason()).contains("validity ended on " + active.validTo());
  }

  @Test
  void expiresGroupAndSuspendedEntitlementsToo() {
    SampleTrust trust = new SampleTrust();
    trust.activeEntitlement();
    accepted(trust.entitlements.suspend(ENTITLEMENT, byDelegate(NOW)));
    Entitlement group =
        accepted(
            trust.entitlements.grantGroup(
                TRUST,
                GroupCriteria.builder()
                    .name("GMC-registered doctors")
                    .addRegulator(Regulator.GMC)
                    .build(),
                SampleTrust.xrayLimbs(),
                byDelegate(NOW)));

    SweepReport report = trust.sweep.sweep(at(group.validTo().plusDays(1)));

    assertThat(report.expired()).containsExactly(ENTITLEMENT, group.id());
  }

  @Test
  void suspendsAnActiveEntitlementWhoseRegistrationLapsed() {
    SampleTrust trust = new SampleTrust();
    trust.activeEntitlement();
    trust.setRegistration(REFERRER, RegistrationStatus.LAPSED);

    SweepReport report = trust.sweep.sweep(NOW);

    assertThat(report.suspended()).containsExactly(ENTITLEMENT);
    assertThat(trust.entitlement(ENTITLEMENT).statusReason())
        .hasValueSatisfying(reason -> assertThat(reason).contains("LAPSED"));
    assertThat(trust.notificationsTo(Notification.delegatesOf(TRUST)))
        .last()
        .satisfies(notification -> assertThat(notification.message()).contains("SUSPENDED"));
  }

  @Test
  void underBlockTheSweepSuspendsAReferrerWhoseTrainingExpiredYesterday() {
    SampleTrust trust = trustWhoseTrainingExpiredYesterday(TrainingLapsePolicy.BLOCK);
    long mark = trust.auditSize();

    SweepReport report = trust.sweep.sweep(NOW);

    assertThat(report.suspended()).containsExactly(ENTITLEMENT);
    assertThat(trust.entitlement(ENTITLEMENT).statusReason())
        .hasValueSatisfying(
            reason ->
                assertThat(reason).contains("IRMER_REFERRER expired on " + TODAY.minusDays(1)));
    assertThat(trust.auditEventsSince(mark))
        .singleElement()
        .satisfies(
            event -> {
              assertThat(event.action()).isEqualTo("suspend-entitlement");
              assertThat(event.actor()).isEqualTo(SWEEP);
              assertThat(event.at()).isEqualTo(NOW);
              assertThat(event.stateBefore()).contains("ACTIVE v1");
              assertThat(event.stateAfter()).contains("SUSPENDED v2");
            });
  }

  @Test
  void underWarnWithGraceTheSweepRaisesOneTrainingGraceTaskAndSuspendsOnlyAfterTheGrace() {
    SampleTrust trust = trustWhoseTrainingExpiredYesterday(TrainingLapsePolicy.warnWithGrace(30));
    LocalDate lastValidDay = TODAY.minusDays(1);

    SweepReport first = trust.sweep.sweep(NOW);
    SweepReport lastDayOfGrace = trust.sweep.sweep(at(lastValidDay.plusDays(30)));

    assertThat(first.suspended()).isEmpty();
    assertThat(first.flagged()).isEmpty();
    Task task = trust.register.tasks().find(first.tasksRaised().get(0)).orElseThrow();
    assertThat(first.tasksRaised()).containsExactly(task.id());
    assertThat(task.kind()).isEqualTo(TaskKind.TRAINING_GRACE);
    assertThat(task.entitlement()).contains(ENTITLEMENT);
    assertThat(task.dueOn()).isEqualTo(lastValidDay.plusDays(30));
    assertThat(task.cause().description()).contains("IRMER_REFERRER");
    assertThat(lastDayOfGrace.suspended()).isEmpty();
    assertThat(lastDayOfGrace.tasksRaised()).isEmpty();
    assertThat(trust.notificationsTo(Notification.delegatesOf(TRUST)))
        .filteredOn(notification -> notification.kind() == NotificationKind.TRAINING_LAPSED)
        .singleElement()
        .satisfies(
            notification ->
                assertThat(notification.message())
                    .contains("in grace until " + lastValidDay.plusDays(30)));
    assertThat(trust.notificationsTo(REFERRER.value()))
        .filteredOn(notification -> notification.kind() == NotificationKind.TRAINING_LAPSED)
        .hasSize(1);
    assertThat(trust.entitlement(ENTITLEMENT).status()).isEqualTo(EntitlementStatus.ACTIVE);

    assertThat(trust.sweep.sweep(at(lastValidDay.plusDays(31))).suspended())
        .containsExactly(ENTITLEMENT);
  }

  @Test
  void lapsedTrainingThatBlocksOnlySomeRulesIsFlaggedAndDoesNotSuspend() {
    SampleTrust trust = new SampleTrust();
    trust.addTraining(
        REFERRER, TrainingType.IRMER_REFERRER, TODAY.minusYears(1), TODAY.plusYears(2));
    trust.addTraining(REFERRER, TrainingType.MRI_SAFETY, TODAY.minusYears(1), TODAY.plusDays(5));
    accepted(
        trust.applications.submit(
            SampleTrust.completeApplication()
                .proposedScope(SampleTrust.xrayLimbsAndMriKnee())
                .build(),
            byDelegate(NOW)));
    accepted(trust.applications.startReview(APPLICATION, byDelegate(NOW)));
    accepted(trust.applications.approve(APPLICATION, byDelegate(NOW)));

    SweepReport report = trust.sweep.sweep(at(TODAY.plusDays(6)));

    assertThat(report.suspended()).isEmpty();
    assertThat(report.flagged())
        .singleElement()
        .asString()
        .contains("MRI_SAFETY expired on " + TODAY.plusDays(5));
    assertThat(trust.entitlement(ENTITLEMENT).status()).isEqualTo(EntitlementStatus.ACTIVE);
  }

  @Test
  void suspendsWhenTheAuditOfPracticeIsOverdueBeyondItsGrace() {
    SampleTrust trust = new SampleTrust();
    trust.addTraining(
        REFERRER, TrainingType.IRMER_REFERRER, TODAY.minusYears(1), TODAY.plusYears(4));
    Entitlement active = trust.activeEntitlement();
    LocalDate firstAuditDue = active.validFrom().plusYears(2);

    assertThat(trust.sweep.sweep(at(firstAuditDue.plusDays(30))).suspended()).isEmpty();
    SweepReport report = trust.sweep.sweep(at(firstAuditDue.plusDays(31)));

    assertThat(report.suspended()).containsExactly(ENTITLEMENT);
    assertThat(trust.entitlement(ENTITLEMENT).statusReason())
        .hasValueSatisfying(
            reason ->
                assertThat(reason).contains("audit of practice overdue: due on " + firstAuditDue));
  }

  @Test
  void theLatestAuditSetsWhenTheNextIsDue() {
    SampleTrust trust = new SampleTrust();
    trust.addTraining(
        REFERRER, TrainingType.IRMER_REFERRER, TODAY.minusYears(1), TODAY.plusYears(4));
    trust.activeEntitlement();
    LocalDate nextDue = TODAY.plusMonths(6);
    trust.register.auditRecords().add(audit(nextDue));

    assertThat(trust.sweep.sweep(at(nextDue.plusDays(30))).suspended()).isEmpty();
    assertThat(trust.sweep.sweep(at(nextDue.plusDays(31))).suspended())
        .containsExactly(ENTITLEMENT);
  }

  @Test
  void raisesADueReviewAsOneTaskForTheDelegates() {
    SampleTrust trust = new SampleTrust();
    Entitlement active = trust.activeEntitlement();
    LocalDate reviewDue = active.reviewDue().orElseThrow();

    assertThat(trust.sweep.sweep(at(reviewDue.minusDays(1))).tasksRaised()).isEmpty();
    SweepReport due = trust.sweep.sweep(at(reviewDue));
    SweepReport later = trust.sweep.sweep(at(reviewDue.plusDays(7)));

    TaskQuery reviews = TaskQuery.builder().kind(TaskKind.REVIEW_DUE).build();
    Task task = trust.register.tasks().query(reviews).get(0);
    assertThat(due.tasksRaised()).contains(task.id());
    assertThat(task.entitlement()).contains(ENTITLEMENT);
    assertThat(task.referrer()).isEqualTo(REFERRER);
    assertThat(task.dueOn()).isEqualTo(reviewDue);
    assertThat(task.isOpen()).isTrue();
    assertThat(later.tasksRaised()).isEmpty();
    assertThat(trust.register.tasks().query(reviews)).containsExactly(task);
    assertThat(trust.notificationsTo(Notification.delegatesOf(TRUST)))
        .filteredOn(notification -> notification.kind() == NotificationKind.REVIEW_DUE)
        .singleElement()
        .satisfies(notification -> assertThat(notification.subject()).isEqualTo(task.id().value()));
    assertThat(trust.entitlement(ENTITLEMENT)).isEqualTo(active);
  }

  @Test
  void aSecondSweepAtTheSameInstantChangesNothing() {
    SampleTrust trust = trustWhoseTrainingExpiredYesterday(TrainingLapsePolicy.BLOCK);
    Entitlement group =
        accepted(
            trust.entitlements.grantGroup(
                TRUST,
                GroupCriteria.builder()
                    .name("GMC-registered doctors")
                    .addRegulator(Regulator.GMC)
                    .build(),
                SampleTrust.xrayLimbs(),
                byDelegate(NOW)));
    Instant at = at(TODAY.plusYears(1).plusDays(2));
    SweepReport first = trust.sweep.sweep(at);
    RegisterSnapshot afterFirst = trust.snapshot();
    long trailAfterFirst = trust.auditSize();

    SweepReport second = trust.sweep.sweep(at);

    assertThat(first.suspended()).containsExactly(ENTITLEMENT);
    assertThat(first.tasksRaised()).singleElement();
    Task review = trust.register.tasks().find(first.tasksRaised().get(0)).orElseThrow();
    assertThat(review.kind()).isEqualTo(TaskKind.REVIEW_DUE);
    assertThat(first.flagged())
        .singleElement()
        .satisfies(flag -> assertThat(flag).isEqualTo(group.id() + ": review due on "
            + group.reviewDue().orElseThrow()));
    assertThat(trust.notificationsTo(Notification.delegatesOf(TRUST)))
        .filteredOn(notification -> notification.kind() == NotificationKind.REVIEW_DUE)
        .extracting(Notification::subject)
        .containsExactly(review.id().value(), group.id().value());
    assertThat(second.expired()).isEmpty();
    assertThat(second.suspended()).isEmpty();
    assertThat(second.tasksRaised()).isEmpty();
    assertThat(second.flagged()).isEqualTo(first.flagged());
    assertThat(trust.snapshot()).isEqualTo(afterFirst);
    assertThat(trust.auditSize()).isEqualTo(trailAfterFirst);
  }

  @Test
  void everyChangeIsAuditedAsTheSweepWithItsReason() {
    SampleTrust trust = new SampleTrust();
    Entitlement active = trust.activeEntitlement();
    long mark = trust.auditSize();

    trust.sweep.sweep(at(active.validTo().plusDays(1)));

    assertThat(trust.auditEventsSince(mark))
        .singleElement()
        .satisfies(
            event -> {
              assertThat(event.action()).isEqualTo("expire-entitlement");
              assertThat(event.actor()).isEqualTo(SWEEP);
              assertThat(event.result()).isEqualTo("ACCEPTED");
              assertThat(event.causes()).containsExactly("validity ended on " + active.validTo());
              assertThat(event.subject()).isEqualTo(ENTITLEMENT.value());
            });
    assertThat(trust.auditEventsSince(0))
        .extracting(AuditEvent::actor)
        .contains(Actor.person(DELEGATE), SWEEP);
  }

  @Test
  void neverSuspendsAnEntitlementPendingPrerequisites() {
    SampleTrust trust = new SampleTrust();
    trust.setRegistration(REFERRER, RegistrationStatus.SUSPENDED);
    trust.register.entitlements().save(pendingEntitlement(), 0);

    SweepReport report = trust.sweep.sweep(NOW);

    assertThat(report.suspended()).isEmpty();
    assertThat(trust.entitlement(EntitlementId.of("E-PENDING")).status())
        .isEqualTo(EntitlementStatus.PENDING_PREREQUISITES);
  }

  private static Entitlement pendingEntitlement() {
    return Entitlement.builder()
        .id(EntitlementId.of("E-PENDING"))
        .subject(EntitlementSubject.individual(REFERRER))
        .employer(TRUST)
        .role(SampleTrust.ED_ROLE)
        .scope(SampleTrust.xrayLimbs())
        .status(EntitlementStatus.PENDING_PREREQUISITES)
        .validFrom(TODAY)
        .validTo(TODAY.plusYears(3))
        .grantedUnder(SampleTrust.DELEGATION)
        .grantedBy(DELEGATE)
        .proceduresVersion(1)
        .recordedAt(NOW)
        .build();
  }

  /**
   * S5: R active, R's IR(ME)R referrer training expired yesterday, lapsing under {@code policy}.
   */
  private static SampleTrust trustWhoseTrainingExpiredYesterday(TrainingLapsePolicy policy) {
    SampleTrust trust =
        new SampleTrust(
            procedures ->
                procedures.trainingRequirements(List.of(SampleTrust.irmerTraining(policy))));
    LocalDate approved = TODAY.minusMonths(6);
    trust.addTraining(
        REFERRER, TrainingType.IRMER_REFERRER, approved.minusYears(2), TODAY.minusDays(1));
    accepted(
        trust.applications.submit(
            SampleTrust.completeApplication().build(), byDelegate(at(approved))));
    accepted(trust.applications.startReview(APPLICATION, byDelegate(at(approved))));
    assertThat(accepted(trust.applications.approve(APPLICATION, byDelegate(at(approved)))).status())
        .isEqualTo(EntitlementStatus.ACTIVE);
    return trust;
  }

  /**
   * Records an audit whose next is due a year after {@code on}, so no audit is overdue before then.
   */
  private static void auditedUpTo(SampleTrust trust, LocalDate on) {
    trust.register.auditRecords().add(audit(on));
  }

  private static AuditRecord audit(LocalDate nextDue) {
    return AuditRecord.builder()
        .id(AuditRecordId.of("AUD-" + nextDue))
        .referrer(REFERRER)
        .employer(TRUST)
        .periodFrom(TODAY.minusYears(1))
        .periodTo(TODAY)
        .sampleSize(12)
        .criteria(ImmutableMap.of("clinical question given", true))
        .outcome(AuditOutcome.PASS)
        .reviewedBy(DELEGATE)
        .reviewedOn(TODAY)
        .nextDue(nextDue)
        .build();
  }
}
