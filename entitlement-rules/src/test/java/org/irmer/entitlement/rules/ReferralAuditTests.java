package org.irmer.entitlement.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.irmer.entitlement.rules.TestTrust.TRUST_A;
import static org.irmer.entitlement.rules.TestTrust.request;
import static org.irmer.entitlement.rules.TestTrust.rule;

import java.time.Instant;
import java.util.List;
import org.irmer.entitlement.core.domain.Actor;
import org.irmer.entitlement.core.domain.AuditCounts;
import org.irmer.entitlement.core.domain.AuditEvent;
import org.irmer.entitlement.core.domain.BodyRegion;
import org.irmer.entitlement.core.domain.CommandContext;
import org.irmer.entitlement.core.domain.ComplianceEvent;
import org.irmer.entitlement.core.domain.ComplianceEventId;
import org.irmer.entitlement.core.domain.ComplianceEventKind;
import org.irmer.entitlement.core.domain.DoseBand;
import org.irmer.entitlement.core.domain.EmployerAudit;
import org.irmer.entitlement.core.domain.Entitlement;
import org.irmer.entitlement.core.domain.EntitlementStatus;
import org.irmer.entitlement.core.domain.ExaminationCode;
import org.irmer.entitlement.core.domain.GuidelineEntry;
import org.irmer.entitlement.core.domain.GuidelineId;
import org.irmer.entitlement.core.domain.GuidelineRecommendation;
import org.irmer.entitlement.core.domain.IndicationCode;
import org.irmer.entitlement.core.domain.Modality;
import org.irmer.entitlement.core.domain.Outcome;
import org.irmer.entitlement.core.domain.PersonId;
import org.irmer.entitlement.core.domain.Profession;
import org.irmer.entitlement.core.domain.ReasonCode;
import org.irmer.entitlement.core.domain.ReferralAuditReport;
import org.irmer.entitlement.core.domain.ReferrerAudit;
import org.irmer.entitlement.core.domain.Regulator;
import org.irmer.entitlement.core.domain.Scope;
import org.irmer.entitlement.core.domain.SkippedRow;
import org.irmer.entitlement.core.port.in.AuditPastReferrals;
import org.irmer.entitlement.core.port.in.AuditPastReferrals.Run;
import org.irmer.entitlement.core.service.StoreDecisionData;
import org.irmer.entitlement.rules.audit.ReferralAuditService;
import org.junit.jupiter.api.Test;

/**
 * Retrospective audit (principle 10): each logged request is judged against the register as it
 * stood at the request's own instant, not as it stands now, and counted per referrer and employer.
 */
class ReferralAuditTests {

  private static final Instant SUSPENDED_AT = Instant.parse("2026-02-01T09:00:00Z");
  private static final Instant BEFORE = Instant.parse("2026-01-15T10:00:00Z");
  private static final Instant AFTER = Instant.parse("2026-02-15T10:00:00Z");
  private static final CommandContext CONTEXT = new CommandContext(Actor.person(PersonId.of("AUD-1")),
      Instant.parse("2026-03-20T12:00:00Z"), "Quarterly audit of referral practice");

  private final TestTrust trust = new TestTrust();
  private final PersonId enp = trust.referrer("E", Profession.NURSE, Regulator.NMC);
  private final Entitlement granted = trust.entitle(enp, rule("XR-LIMBS",
      Modality.PLAIN_RADIOGRAPHY, BodyRegion.UPPER_LIMB, BodyRegion.LOWER_LIMB)
      .addExcludedRegions(BodyRegion.KNEE).build());

  private AuditPastReferrals audits() {
    return new ReferralAuditService(StoreDecisionData.from(trust.register),
        trust.register.entitlements(), trust.register.complianceEvents(),
        trust.register.auditTrail(), trust.register.transactions());
  }

  private void saveVersion(Entitlement.Builder changed, Instant at) {
    Entitlement current = trust.register.entitlements().find(granted.id()).orElseThrow();
    trust.register.entitlements().save(changed.recordedAt(at).build(), current.version());
  }

  private Entitlement.Builder latest() {
    return Entitlement.builder().from(trust.register.entitlements().find(granted.id()).orElseThrow());
  }

  @Test
  void judgesEachRequestAgainstTheEntitlementAsItStoodAtItsInstant() {
    saveVersion(latest().status(EntitlementStatus.SUSPENDED).statusReason("Training expired"),
        SUSPENDED_AT);

    Run run = audits().begin("referrals.csv", CONTEXT);
    run.request(2, request(enp, "XANKR").requestedAt(BEFORE).build());
    run.request(3, request(enp, "XANKR").requestedAt(AFTER).build());
    ReferralAuditReport report = run.finish();

    AuditCounts counts = report.total();
    assertThat(counts.requests()).isEqualTo(2);
    assertThat(counts.entitled()).isEqualTo(1);
    assertThat(counts.notEntitled()).isEqualTo(1);
    assertThat(counts.shareEntitled()).isEqualTo(0.5);
    assertThat(counts.reasons()).containsExactly(
        java.util.Map.entry(ReasonCode.ENTITLEMENT_SUSPENDED, 1L));
    assertThat(report.snapshots()).isEqualTo(2);
    assertThat(report.earliest()).contains(BEFORE);
    assertThat(report.latest()).contains(AFTER);
  }

  @Test
  void aScopeWidenedLaterDoesNotEntitleWhatWasRequestedBeforeIt() {
    saveVersion(latest().scope(Scope.builder().version(2).addRules(rule("XR-LIMBS",
        Modality.PLAIN_RADIOGRAPHY, BodyRegion.UPPER_LIMB, BodyRegion.LOWER_LIMB).build()).build()),
        SUSPENDED_AT);

    Run run = audits().begin("referrals.csv", CONTEXT);
    run.request(2, request(enp, "XKNER").requestedAt(BEFORE).build());
    run.request(3, request(enp, "XKNER").requestedAt(AFTER).build());
    ReferralAuditReport report = run.finish();

    assertThat(report.total().entitled()).isEqualTo(1);
    assertThat(report.total().reasons()).containsOnlyKeys(ReasonCode.OUT_OF_SCOPE_EXAMINATION);
  }

  @Test
  void aRequestBeforeTheEntitlementWasRecordedIsNotEntitledAtTheEmployer() {
    Run run = audits().begin("referrals.csv", CONTEXT);
    run.request(2, request(enp, "XANKR").requestedAt(Instant.parse("2024-12-31T10:00:00Z")).build());
    ReferralAuditReport report = run.finish();

    assertThat(report.total().outcomes()).containsOnlyKeys(Outcome.NOT_ENTITLED);
    assertThat(report.total().reasons()).containsOnlyKeys(ReasonCode.NOT_ENTITLED_AT_EMPLOYER);
  }

  @Test
  void splitsTheCountsByEmployerAndReferrerWithUnknownReferrersCountedTogether() {
    Run run = audits().begin("referrals.csv", CONTEXT);
    run.request(2, request(enp, "XANKR").requestedAt(BEFORE).build());
    run.request(3, request(enp, "XKNER").requestedAt(BEFORE).build());
    run.request(4, request(PersonId.of("NOBODY-1"), "XANKR").requestedAt(BEFORE).build());
    run.request(5, request(PersonId.of("NOBODY-2"), "XANKR").requestedAt(BEFORE).build());
    ReferralAuditReport report = run.finish();

    assertThat(report.referrers()).extracting(ReferrerAudit::referrer).containsExactly(enp);
    assertThat(report.referrers().get(0).counts().entitled()).isEqualTo(1);
    assertThat(report.referrers().get(0).counts().reasons())
        .containsOnlyKeys(ReasonCode.OUT_OF_SCOPE_EXAMINATION);
    EmployerAudit employer = report.employers().get(0);
    assertThat(report.employers()).hasSize(1);
    assertThat(employer.employer()).isEqualTo(TRUST_A);
    assertThat(employer.referrers()).isEqualTo(1);
    assertThat(employer.counts().requests()).isEqualTo(4);
    assertThat(employer.unknownReferrers().requests()).isEqualTo(2);
    assertThat(employer.unknownReferrers().reasons())
        .containsExactly(java.util.Map.entry(ReasonCode.NOT_ENTITLED_AT_EMPLOYER, 2L));
  }

  @Test
  void countsSkippedRowsAndKeepsTheFirstWithTheirLines() {
    Run run = audits().begin("referrals.csv", CONTEXT);
    for (int line = 2; line < 2 + ReferralAuditService.SKIPPED_KEPT + 5; line++) {
      run.skipped(line, "at: '2026-03-16T10:30:00' is not valid");
    }
    run.request(500, request(enp, "XANKR").requestedAt(BEFORE).build());
    ReferralAuditReport report = run.finish();

    assertThat(report.rows()).isEqualTo(ReferralAuditService.SKIPPED_KEPT + 6);
    assertThat(report.skipped()).isEqualTo(ReferralAuditService.SKIPPED_KEPT + 5);
    assertThat(report.firstSkipped()).hasSize(ReferralAuditService.SKIPPED_KEPT);
    assertThat(report.firstSkipped().get(0))
        .isEqualTo(new SkippedRow(2, "at: '2026-03-16T10:30:00' is not valid"));
    assertThat(report.total().requests()).isEqualTo(1);
  }

  @Test
  void writesOneAuditRecordSummarisingTheRunAndChangesNothingElse() {
    long before = trust.register.auditTrail().size();
    List<Entitlement> history = trust.register.entitlements().history(granted.id());
    Run run = audits().begin("referrals.csv", CONTEXT);
    run.request(2, request(enp, "XANKR").requestedAt(BEFORE).build());
    run.request(3, request(enp, "XKNER").requestedAt(BEFORE).build());
    run.skipped(4, "the row has 3 fields where the header has 16");
    ReferralAuditReport report = run.finish();

    assertThat(trust.register.auditTrail().size()).isEqualTo(before + 1);
    AuditEvent event = trust.register.auditTrail().read(report.auditSequence(), 1).get(0).event();
    assertThat(event.action()).isEqualTo(ReferralAuditService.ACTION);
    assertThat(event.subject()).isEqualTo("referrals.csv");
    assertThat(event.actor()).isEqualTo(CONTEXT.actor());
    assertThat(event.causes()).containsExactly(CONTEXT.cause());
    assertThat(event.details()).containsEntry("rows", "3").containsEntry("skipped", "1")
        .containsEntry("entitled", "1").containsEntry("notEntitled", "1");
    assertThat(trust.register.entitlements().history(granted.id())).isEqualTo(history);
    assertThat(trust.register.complianceEvents().forReferrer(enp, TRUST_A)).isEmpty();
  }

  @Test
  void countsThePractitionersOutcomesOnTheOrdersOfTheLog() {
    trust.register.complianceEvents().add(ComplianceEvent.builder()
        .id(ComplianceEventId.of("CE-1"))
        .referrer(enp)
        .employer(TRUST_A)
        .kind(ComplianceEventKind.NOT_JUSTIFIED)
        .upheld(false)
        .occurredAt(AFTER)
        .description("Not justified: no red flags")
        .orderId("ORD-7")
        .build());
    Run run = audits().begin("referrals.csv", CONTEXT);
    run.request(2, request(enp, "XANKR").requestedAt(BEFORE).orderId("ORD-7").build());
    run.request(3, request(enp, "XANKR").requestedAt(BEFORE).orderId("ORD-8").build());
    ReferralAuditReport report = run.finish();

    assertThat(report.total().practitionerOutcomes())
        .containsExactly(java.util.Map.entry(ComplianceEventKind.NOT_JUSTIFIED, 1L));
  }

  @Test
  void countsGuidelineAdvisoriesWithoutChangingTheOutcome() {
    IndicationCode backPain = IndicationCode.of("LBP-SIMPLE");
    trust.memory.withGuidelines(List.of(GuidelineEntry.builder()
        .id(GuidelineId.of("MSK-LBP-1"))
        .indication(backPain)
        .clinicalProblem("Simple mechanical back pain")
        .examination(ExaminationCode.of("XLSPI"))
        .recommendation(GuidelineRecommendation.NOT_INDICATED)
        .doseBand(DoseBand.II)
        .comment("Imaging is not indicated without red flags.")
        .build()));
    PersonId physio = trust.referrer("R", Profession.PHYSIOTHERAPIST, Regulator.HCPC);
    trust.entitle(physio, rule("XR-ALL", Modality.PLAIN_RADIOGRAPHY, BodyRegion.WHOLE_BODY).build());

    Run run = audits().begin("referrals.csv", CONTEXT);
    run.request(2, request(physio, "XLSPI").indication(backPain).requestedAt(BEFORE).build());
    ReferralAuditReport report = run.finish();

    assertThat(report.total().entitled()).isEqualTo(1);
    assertThat(report.total().advisories())
        .containsExactly(java.util.Map.entry(GuidelineRecommendation.NOT_INDICATED, 1L));
  }

  @Test
  void aRunFinishesOnceAndTakesNoRowAfterwards() {
    Run run = audits().begin("referrals.csv", CONTEXT);
    run.finish();

    assertThatThrownBy(run::finish).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> run.request(2, request(enp, "XANKR").build()))
        .isInstanceOf(IllegalStateException.class);
    assertThat(trust.register.auditTrail().size()).isEqualTo(1);
  }
}
