package org.irmer.entitlement.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.irmer.entitlement.testkit.GeneratorAssertions.everyValue;

import com.google.common.collect.ImmutableList;
import java.util.EnumSet;
import java.util.Set;
import org.irmer.entitlement.core.domain.AuditEvent;
import org.irmer.entitlement.core.domain.AuditTrailEntry;
import org.irmer.entitlement.core.domain.BodyRegionTree;
import org.irmer.entitlement.core.domain.EntitlementChange;
import org.irmer.entitlement.core.domain.GuidelineAdvisory;
import org.irmer.entitlement.core.domain.MatchedRule;
import org.irmer.entitlement.core.domain.Notice;
import org.irmer.entitlement.core.domain.Outcome;
import org.irmer.entitlement.core.domain.Reason;
import org.irmer.entitlement.core.domain.ReferralDecision;
import org.irmer.entitlement.core.domain.Refusal;
import org.irmer.entitlement.core.domain.SweepReport;
import org.irmer.entitlement.core.domain.WarningCode;
import org.irmer.entitlement.core.port.out.ExaminationCatalogue;
import org.junit.jupiter.api.Test;

class OutcomeGeneratorsProperties {

  private static final ExaminationCatalogue CATALOGUE =
      ExaminationCatalogues.complete(BodyRegionTree.standard());

  @Test
  void reasonsWarningsNoticesAdvisoriesAndRefusalsBuild() {
    everyValue(
        OutcomeGenerators.reasons(),
        reason -> assertThat(Reason.of(reason.code(), reason.message())).isEqualTo(reason));
    everyValue(
        OutcomeGenerators.warnings(),
        warning ->
            assertThat(warning.daysLeft().isPresent())
                .isEqualTo(warning.code() == WarningCode.TRAINING_EXPIRED_IN_GRACE));
    everyValue(
        OutcomeGenerators.notices(),
        notice -> assertThat(new Notice(notice.training(), notice.message())).isEqualTo(notice));
    everyValue(
        OutcomeGenerators.guidelineAdvisories(),
        advisory ->
            assertThat(
                    new GuidelineAdvisory(
                        advisory.guideline(),
                        advisory.recommendation(),
                        advisory.doseBand(),
                        advisory.message()))
                .isEqualTo(advisory));
    everyValue(
        OutcomeGenerators.refusals(),
        refusal -> assertThat(Refusal.of(refusal.code(), refusal.message())).isEqualTo(refusal));
  }

  @Test
  void matchedRulesAndChangeFlagsBuild() {
    everyValue(
        OutcomeGenerators.matchedRules(),
        rule ->
            assertThat(
                    new MatchedRule(
                        rule.entitlement(),
                        rule.entitlementVersion(),
                        rule.employer(),
                        rule.scopeVersion(),
                        rule.ruleId()))
                .isEqualTo(rule));
    everyValue(
        OutcomeGenerators.entitlementChanges(),
        (EntitlementChange change) ->
            assertThat(change.currentVersion()).isGreaterThan(change.decidedVersion()));
  }

  @Test
  void decisionsAreConsistentWithTheirOutcomeAndRequest() {
    Set<Outcome> outcomes = EnumSet.noneOf(Outcome.class);
    everyValue(
        OutcomeGenerators.decisions(
            RequestGenerators.targets(CATALOGUE).flatMap(RequestGenerators::requests)),
        decision -> {
          outcomes.add(decision.outcome());
          assertThat(decision.evaluatedAt()).isEqualTo(decision.request().requestedAt());
          if (decision.allowsRequest()) {
            assertThat(decision.matchedRule().orElseThrow().employer())
                .isEqualTo(decision.request().employer());
            assertThat(decision.reasons()).isEmpty();
          } else {
            assertThat(decision.reasons())
                .isNotEmpty()
                .allMatch(reason -> reason.code().outcome() == decision.outcome());
            assertThat(decision.warnings()).isEmpty();
          }
          assertThat(ReferralDecision.builder().from(decision).build()).isEqualTo(decision);
        });
    assertThat(outcomes).containsExactlyInAnyOrder(Outcome.values());
  }

  @Test
  void commandResultsAreAcceptedWithAValueOrRefusedWithReasons() {
    everyValue(
        OutcomeGenerators.commandResults(DomainGenerators.personIds()),
        result -> {
          assertThat(result.isAccepted()).isEqualTo(result.refusals().isEmpty());
          assertThat(result.toOptional().isPresent()).isEqualTo(result.isAccepted());
        });
  }

  @Test
  void sweepReportsBuild() {
    everyValue(
        OutcomeGenerators.sweepReports(),
        report -> {
          assertThat(report.at())
              .isBetween(DomainGenerators.EARLIEST_INSTANT, DomainGenerators.LATEST_INSTANT);
          assertThat(SweepReport.builder().from(report).build()).isEqualTo(report);
        });
  }

  @Test
  void auditEventsKeepTheirDetailsSortedByKey() {
    everyValue(
        OutcomeGenerators.auditEvents(),
        event -> {
          assertThat(ImmutableList.copyOf(event.details().keySet())).isSorted();
          assertThat(AuditEvent.builder().from(event).build()).isEqualTo(event);
        });
  }

  @Test
  void auditTrailsAreChainedIntactAndBrokenByAnyAlteration() {
    everyValue(
        OutcomeGenerators.auditTrails(),
        trail -> {
          for (int i = 0; i < trail.size(); i++) {
            AuditTrailEntry entry = trail.get(i);
            assertThat(entry.sequence()).isEqualTo(i + 1L);
            assertThat(entry.isIntact()).isTrue();
            assertThat(entry.previousHash())
                .isEqualTo(i == 0 ? AuditTrailEntry.GENESIS : trail.get(i - 1).hash());
            AuditEvent altered =
                AuditEvent.builder()
                    .from(entry.event())
                    .result(entry.event().result() + "!")
                    .build();
            assertThat(
                    new AuditTrailEntry(
                            entry.sequence(), altered, entry.previousHash(), entry.hash())
                        .isIntact())
                .isFalse();
          }
        });
  }
}
