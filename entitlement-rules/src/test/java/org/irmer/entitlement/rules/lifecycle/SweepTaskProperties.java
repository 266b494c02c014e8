package org.irmer.entitlement.rules.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.irmer.entitlement.rules.lifecycle.SampleTrust.APPLICATION;
import static org.irmer.entitlement.rules.lifecycle.SampleTrust.ENTITLEMENT;
import static org.irmer.entitlement.rules.lifecycle.SampleTrust.NOW;
import static org.irmer.entitlement.rules.lifecycle.SampleTrust.REFERRER;
import static org.irmer.entitlement.rules.lifecycle.SampleTrust.TODAY;
import static org.irmer.entitlement.rules.lifecycle.SampleTrust.TRUST;
import static org.irmer.entitlement.rules.lifecycle.SampleTrust.accepted;
import static org.irmer.entitlement.rules.lifecycle.SampleTrust.byDelegate;
import static org.irmer.entitlement.rules.lifecycle.SampleTrust.byReferrer;
import static org.irmer.entitlement.rules.lifecycle.SampleTrust.completeApplication;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.integers;

import com.google.common.collect.ImmutableSortedMap;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.irmer.entitlement.core.domain.Actor;
import org.irmer.entitlement.core.domain.ApplicationId;
import org.irmer.entitlement.core.domain.AuditEvent;
import org.irmer.entitlement.core.domain.Employer;
import org.irmer.entitlement.core.domain.Entitlement;
import org.irmer.entitlement.core.domain.EntitlementId;
import org.irmer.entitlement.core.domain.EntitlementStatus;
import org.irmer.entitlement.core.domain.NonComplianceAction;
import org.irmer.entitlement.core.domain.SweepReport;
import org.irmer.entitlement.core.domain.TaskQuery;
import org.irmer.entitlement.core.domain.TrainingLapsePolicy;
import org.irmer.entitlement.core.domain.TrainingType;
import org.irmer.entitlement.core.port.out.ReferralActivity;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * Properties of the compliance sweep over random registers (principle 6): it is idempotent, a
 * second run at the same instant changing nothing and raising no task twice, and it never
 * reinstates anyone, however often and whenever it runs.
 */
class SweepTaskProperties {

  private static final List<String> ZONES =
      List.of("Europe/London", "Pacific/Kiritimati", "Pacific/Pago_Pago", "America/St_Johns");

  /** A random register: procedures, training, activity, a suspension, a waiting application. */
  private record Setting(
      String zone,
      int lapsePolicy,
      int graceDays,
      int minimumRequests,
      int trainingDays,
      int requests,
      boolean suspended,
      boolean waitingApplication) {}

  private static Gen<Setting> settings() {
    return integers().between(0, ZONES.size() - 1)
        .zip(integers().between(0, 2), integers().between(1, 60), (zone, policy, grace) ->
            new Setting(ZONES.get(zone), policy, grace, 0, 0, 0, false, false))
        .zip(integers().between(0, 8), integers().between(-30, 1_500),
            (setting, minimum, trainingDays) -> new Setting(setting.zone(), setting.lapsePolicy(),
                setting.graceDays(), minimum, trainingDays, 0, false, false))
        .zip(integers().between(0, 10), booleans().all(), booleans().all(),
            (setting, requests, suspended, waiting) -> new Setting(setting.zone(),
                setting.lapsePolicy(), setting.graceDays(), setting.minimumRequests(),
                setting.trainingDays(), requests, suspended, waiting));
  }

  @Test
  void aSecondSweepAtTheSameInstantChangesNothingAndRaisesNoTaskTwice() {
    qt().withExamples(120)
        .forAll(settings(), integers().between(0, 1_400), integers().between(0, 86_399))
        .checkAssert((setting, days, seconds) -> {
          SampleTrust trust = trust(setting);
          Instant at = NOW.plus(Duration.ofDays(days)).plusSeconds(seconds);
          SweepReport first = trust.sweep.sweep(at);
          RegisterSnapshot afterFirst = trust.snapshot();
          long trail = trust.auditSize();

          SweepReport second = trust.sweep.sweep(at);

          assertThat(second.tasksRaised()).isEmpty();
          assertThat(second.suspended()).isEmpty();
          assertThat(second.expired()).isEmpty();
          assertThat(second.noticesApplied()).isEmpty();
          assertThat(second.flagged()).isEqualTo(first.flagged());
          assertThat(trust.snapshot()).isEqualTo(afterFirst);
          assertThat(trust.auditSize()).isEqualTo(trail);
          assertThat(trust.register.tasks().query(TaskQuery.all()))
              .extracting(task -> task.cause().key())
              .doesNotHaveDuplicates();
        });
  }

  @Test
  void theSweepNeverReinstatesAnyone() {
    qt().withExamples(120)
        .forAll(settings(), integers().between(0, 700), integers().between(0, 700))
        .checkAssert((setting, firstDays, laterDays) -> {
          SampleTrust trust = trust(setting);
          Instant first = NOW.plus(Duration.ofDays(firstDays));
          Map<EntitlementId, EntitlementStatus> before = statuses(trust);

          trust.sweep.sweep(first);
          Map<EntitlementId, EntitlementStatus> afterFirst = statuses(trust);
          trust.sweep.sweep(first.plus(Duration.ofDays(laterDays)));
          Map<EntitlementId, EntitlementStatus> afterLater = statuses(trust);

          assertNoReinstatement(before, afterFirst);
          assertNoReinstatement(afterFirst, afterLater);
          trust.register.entitlements().all().forEach(entitlement ->
              assertThat(trust.register.entitlements().history(entitlement.id()))
                  .extracting(Entitlement::status)
                  .doesNotContainSequence(EntitlementStatus.SUSPENDED, EntitlementStatus.ACTIVE));
        });
  }

  private static void assertNoReinstatement(Map<EntitlementId, EntitlementStatus> before,
      Map<EntitlementId, EntitlementStatus> after) {
    after.forEach((id, status) -> {
      if (status == EntitlementStatus.ACTIVE) {
        assertThat(before.get(id)).as("%s was not active before the sweep", id)
            .isEqualTo(EntitlementStatus.ACTIVE);
      }
    });
  }

  private static Map<EntitlementId, EntitlementStatus> statuses(SampleTrust trust) {
    return trust.register.entitlements().all().stream()
        .collect(Collectors.toMap(Entitlement::id, Entitlement::status));
  }

  private static SampleTrust trust(Setting setting) {
    TrainingLapsePolicy policy = switch (setting.lapsePolicy()) {
      case 0 -> TrainingLapsePolicy.BLOCK;
      case 1 -> TrainingLapsePolicy.warnWithGrace(setting.graceDays());
      default -> TrainingLapsePolicy.NOTIFY_ONLY;
    };
    SampleTrust trust = new SampleTrust(procedures -> procedures
        .trainingRequirements(List.of(SampleTrust.irmerTraining(policy)))
        .minimumRequestsPerYear(setting.minimumRequests())
        .nonComplianceAction(NonComplianceAction.REVIEW));
    Employer employer = trust.register.employers().find(TRUST).orElseThrow();
    trust.register.employers().save(
        Employer.builder().from(employer).zone(ZoneId.of(setting.zone())).build(),
        employer.version());
    trust.addTraining(REFERRER, TrainingType.IRMER_REFERRER, TODAY.minusYears(1),
        TODAY.plusDays(setting.trainingDays()));
    trust.applicationUnderReview();
    Entitlement granted = accepted(trust.applications.approve(APPLICATION, byDelegate(NOW)));
    if (setting.suspended() && granted.status() == EntitlementStatus.ACTIVE) {
      accepted(trust.entitlements.suspend(ENTITLEMENT, byDelegate(NOW.plusSeconds(1))));
    }
    for (int i = 0; i < setting.requests(); i++) {
      Instant at = NOW.plus(Duration.ofDays(30L * i + 1));
      trust.register.auditTrail().append(AuditEvent.builder()
          .action(ReferralActivity.CHECK_REFERRAL)
          .actor(Actor.person(REFERRER))
          .at(at)
          .subject("ORD-" + i)
          .result("ENTITLED")
          .details(ImmutableSortedMap.of("employer", TRUST.value(), "examination", "XWRIR"))
          .build());
    }
    if (setting.waitingApplication()) {
      accepted(trust.applications.submit(completeApplication().id(ApplicationId.of("APP-2"))
          .build(), byReferrer(NOW)));
    }
    return trust;
  }
}
