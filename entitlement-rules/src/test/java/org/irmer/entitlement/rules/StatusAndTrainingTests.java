package org.irmer.entitlement.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.irmer.entitlement.rules.TestTrust.TODAY;
import static org.irmer.entitlement.rules.TestTrust.request;
import static org.irmer.entitlement.rules.TestTrust.rule;

import java.time.LocalDate;
import org.irmer.entitlement.core.domain.BodyRegion;
import org.irmer.entitlement.core.domain.Entitlement;
import org.irmer.entitlement.core.domain.EntitlementStatus;
import org.irmer.entitlement.core.domain.Modality;
import org.irmer.entitlement.core.domain.Outcome;
import org.irmer.entitlement.core.domain.PersonId;
import org.irmer.entitlement.core.domain.Profession;
import org.irmer.entitlement.core.domain.ReasonCode;
import org.irmer.entitlement.core.domain.ReferralDecision;
import org.irmer.entitlement.core.domain.Regulator;
import org.irmer.entitlement.core.domain.RegistrationStatus;
import org.irmer.entitlement.core.domain.TrainingLapsePolicy;
import org.irmer.entitlement.core.domain.TrainingType;
import org.irmer.entitlement.core.domain.WarningCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** DOMAIN.md section 5, rules 3 (status first) and 5 (training gates). */
class StatusAndTrainingTests {

  @ParameterizedTest
  @CsvSource({
      "PENDING_PREREQUISITES, ENTITLEMENT_NOT_YET_ACTIVE",
      "SUSPENDED, ENTITLEMENT_SUSPENDED",
      "REVOKED, ENTITLEMENT_REVOKED",
      "EXPIRED, ENTITLEMENT_EXPIRED",
      "ENDED, ENTITLEMENT_ENDED",
  })
  void anEntitlementThatIsNotActiveGivesItsStatusReason(EntitlementStatus status, ReasonCode reason) {
    TestTrust trust = new TestTrust();
    PersonId referrer = trust.referrer("R", Profession.NURSE, Regulator.NMC);
    Entitlement entitlement = trust.entitle(referrer,
        rule("XR", Modality.PLAIN_RADIOGRAPHY, BodyRegion.WHOLE_BODY).build());
    trust.setStatus(entitlement.id(), status);

    ReferralDecision decision = trust.evaluator().evaluate(request(referrer, "XANKR").build());

    assertThat(decision.outcome()).isEqualTo(Outcome.NOT_ENTITLED);
    assertThat(decision.reasonCodes()).containsExactly(reason);
  }

  @Test
  void aSupersededVersionIsHistoryAndNeverACandidate() {
    TestTrust trust = new TestTrust();
    PersonId referrer = trust.referrer("R", Profession.NURSE, Regulator.NMC);
    Entitlement old = trust.entitle(referrer, rule("XR", Modality.PLAIN_RADIOGRAPHY, BodyRegion.WHOLE_BODY).build());
    trust.setStatus(old.id(), EntitlementStatus.SUPERSEDED);

    ReferralDecision decision = trust.evaluator().evaluate(request(referrer, "XANKR").build());

    assertThat(decision.reasonCodes()).containsExactly(ReasonCode.NOT_ENTITLED_AT_EMPLOYER);
  }

  @ParameterizedTest
  @EnumSource(value = RegistrationStatus.class, names = {"LAPSED", "REMOVED", "SUSPENDED"})
  void aRegistrationThatIsNotCurrentStopsReferralsAtOnce(RegistrationStatus status) {
    TestTrust trust = new TestTrust();
    PersonId referrer = trust.referrer("R", Profession.NURSE, Regulator.NMC);
    trust.entitle(referrer, rule("XR", Modality.PLAIN_RADIOGRAPHY, BodyRegion.WHOLE_BODY).build());
    trust.setRegistrationStatus(referrer, status);

    ReferralDecision decision = trust.evaluator().evaluate(request(referrer, "XANKR").build());

    assertThat(decision.reasonCodes()).containsExactly(ReasonCode.REGISTRATION_NOT_CURRENT);
  }

  @Test
  void aLapsedRegistrationAndASuspensionAreBothReported() {
    TestTrust trust = new TestTrust();
    PersonId referrer = trust.referrer("R", Profession.NURSE, Regulator.NMC);
    Entitlement entitlement = trust.entitle(referrer,
        rule("XR", Modality.PLAIN_RADIOGRAPHY, BodyRegion.WHOLE_BODY).build());
    trust.setStatus(entitlement.id(), EntitlementStatus.SUSPENDED);
    trust.setRegistrationStatus(referrer, RegistrationStatus.LAPSED);

    ReferralDecision decision = trust.evaluator().evaluate(request(referrer, "XANKR").build());

    assertThat(decision.reasonCodes()).containsExactlyInAnyOrder(
        ReasonCode.REGISTRATION_NOT_CURRENT, ReasonCode.ENTITLEMENT_SUSPENDED);
  }

  @Test
  void anUnknownReferrerIsNotEntitledAtTheEmployer() {
    TestTrust trust = new TestTrust();

    ReferralDecision decision = trust.evaluator().evaluate(request(PersonId.of("NOBODY"), "XANKR").build());

    assertThat(decision.outcome()).isEqualTo(Outcome.NOT_ENTITLED);
    assertThat(decision.reasonCodes()).containsExactly(ReasonCode.NOT_ENTITLED_AT_EMPLOYER);
  }

  @Test
  void anActiveEntitlementAndAnOldExpiredOneGiveOnlyTheActiveOnesScopeReasons() {
    TestTrust trust = new TestTrust();
    PersonId referrer = trust.referrer("R", Profession.NURSE, Regulator.NMC);
    Entitlement old = trust.entitle(org.irmer.entitlement.core.domain.EntitlementId.of("OLD"), referrer,
        TestTrust.TRUST_A, EntitlementStatus.EXPIRED, LocalDate.of(2020, 1, 1), LocalDate.of(2022, 12, 31),
        rule("CT", Modality.CT, BodyRegion.WHOLE_BODY).build());
    trust.entitle(referrer, rule("XR", Modality.PLAIN_RADIOGRAPHY, BodyRegion.LOWER_LIMB).build());

    ReferralDecision decision = trust.evaluator().evaluate(request(referrer, "CHEAD").build());

    assertThat(old.status()).isEqualTo(EntitlementStatus.EXPIRED);
    assertThat(decision.reasonCodes()).containsExactlyInAnyOrder(
        ReasonCode.OUT_OF_SCOPE_MODALITY, ReasonCode.OUT_OF_SCOPE_EXAMINATION);
  }

  /**
   * Rule 3 gives a non-active entitlement's status reason when no entitlement is current; once one
   * is, rule 4 judges the request against the scope of those in force alone and reports its failed
   * dimensions, as for an old expired entitlement above. A suspension of one entitlement neither
   * blocks nor is reported beside the referrer's other, active one.
   */
  @Test
  void aSuspendedEntitlementBesideAnActiveOneLeavesTheRequestToTheActiveOnesScope() {
    TestTrust trust = new TestTrust();
    PersonId referrer = trust.referrer("R", Profession.NURSE, Regulator.NMC);
    trust.entitle(org.irmer.entitlement.core.domain.EntitlementId.of("ENT-CT"), referrer,
        TestTrust.TRUST_A, EntitlementStatus.SUSPENDED, LocalDate.of(2025, 1, 1), LocalDate.of(2027, 12, 31),
        rule("CT", Modality.CT, BodyRegion.WHOLE_BODY).build());
    trust.entitle(referrer, rule("XR", Modality.PLAIN_RADIOGRAPHY, BodyRegion.LOWER_LIMB).build());

    ReferralDecision outside = trust.evaluator().evaluate(request(referrer, "CHEAD").build());
    ReferralDecision inside = trust.evaluator().evaluate(request(referrer, "XANKR").build());

    assertThat(outside.outcome()).isEqualTo(Outcome.NOT_ENTITLED);
    assertThat(outside.reasonCodes()).containsExactlyInAnyOrder(
        ReasonCode.OUT_OF_SCOPE_MODALITY, ReasonCode.OUT_OF_SCOPE_EXAMINATION);
    assertThat(inside.outcome()).isEqualTo(Outcome.ENTITLED);
  }

  private static PersonId referrerWithIrmerTraining(TestTrust trust, LocalDate lastValidDay) {
    PersonId referrer = trust.untrainedReferrer("R", Profession.NURSE, Regulator.NMC);
    trust.train(referrer, TrainingType.IRMER_REFERRER, LocalDate.of(2022, 1, 1), lastValidDay);
    trust.entitle(referrer, rule("XR", Modality.PLAIN_RADIOGRAPHY, BodyRegion.WHOLE_BODY).build());
    return referrer;
  }

  @Test
  void trainingCountsUntilTheEndOfItsLastValidDay() {
    TestTrust trust = new TestTrust(TrainingLapsePolicy.BLOCK);
    PersonId referrer = referrerWithIrmerTraining(trust, TODAY);

    assertThat(trust.evaluator().evaluate(request(referrer, "XANKR").build()).outcome())
        .isEqualTo(Outcome.ENTITLED);
  }

  @Test
  void trainingNeverHeldIsMissingRatherThanExpired() {
    TestTrust trust = new TestTrust(TrainingLapsePolicy.BLOCK);
    PersonId referrer = trust.untrainedReferrer("R", Profession.NURSE, Regulator.NMC);
    trust.entitle(referrer, rule("XR", Modality.PLAIN_RADIOGRAPHY, BodyRegion.WHOLE_BODY).build());

    assertThat(trust.evaluator().evaluate(request(referrer, "XANKR").build()).reasonCodes())
        .containsExactly(ReasonCode.TRAINING_MISSING);
  }

  @Test
  void trainingNeverHeldCannotBeInGrace() {
    TestTrust trust = new TestTrust(TrainingLapsePolicy.warnWithGrace(30));
    PersonId referrer = trust.untrainedReferrer("R", Profession.NURSE, Regulator.NMC);
    trust.entitle(referrer, rule("XR", Modality.PLAIN_RADIOGRAPHY, BodyRegion.WHOLE_BODY).build());

    assertThat(trust.evaluator().evaluate(request(referrer, "XANKR").build()).reasonCodes())
        .containsExactly(ReasonCode.TRAINING_MISSING);
  }

  @ParameterizedTest
  @CsvSource({"30, true, 0", "31, false, 0", "1, true, 29"})
  void graceRunsToTheEndOfItsLastDay(int daysSinceExpiry, boolean entitled, int daysLeft) {
    TestTrust trust = new TestTrust(TrainingLapsePolicy.warnWithGrace(30));
    PersonId referrer = referrerWithIrmerTraining(trust, TODAY.minusDays(daysSinceExpiry));

    ReferralDecision decision = trust.evaluator().evaluate(request(referrer, "XANKR").build());

    if (entitled) {
      assertThat(decision.outcome()).isEqualTo(Outcome.ENTITLED);
      assertThat(decision.warnings()).singleElement().satisfies(warning -> {
        assertThat(warning.code()).isEqualTo(WarningCode.TRAINING_EXPIRED_IN_GRACE);
        assertThat(warning.daysLeft()).hasValue(daysLeft);
      });
    } else {
      assertThat(decision.reasonCodes()).containsExactly(ReasonCode.TRAINING_EXPIRED);
    }
  }

  @Test
  void notifyOnlyAllowsTheRequestWithANoticeAndNoWarning() {
    TestTrust trust = new TestTrust(TrainingLapsePolicy.NOTIFY_ONLY);
    PersonId referrer = referrerWithIrmerTraining(trust, TODAY.minusDays(400));

    ReferralDecision decision = trust.evaluator().evaluate(request(referrer, "XANKR").build());

    assertThat(decision.outcome()).isEqualTo(Outcome.ENTITLED);
    assertThat(decision.warnings()).isEmpty();
    assertThat(decision.notices()).singleElement()
        .satisfies(notice -> assertThat(notice.training()).isEqualTo(TrainingType.IRMER_REFERRER));
  }

  @Test
  void trainingIsRequiredOnlyForTheModalitiesTheProceduresName() {
    TestTrust trust = new TestTrust(TrainingLapsePolicy.BLOCK);
    PersonId referrer = trust.untrainedReferrer("R", Profession.NURSE, Regulator.NMC);
    trust.entitle(referrer, rule("US", Modality.ULTRASOUND, BodyRegion.WHOLE_BODY).build());

    assertThat(trust.evaluator().evaluate(request(referrer, "UABDO").build()).outcome())
        .isEqualTo(Outcome.ENTITLED);
  }

  @Test
  void aRulesOwnRequiredTrainingBlocks() {
    TestTrust trust = new TestTrust();
    PersonId referrer = trust.referrer("R", Profession.NURSE, Regulator.NMC);
    trust.entitle(referrer, rule("XR", Modality.PLAIN_RADIOGRAPHY, BodyRegion.WHOLE_BODY)
        .addRequiredTraining(TrainingType.REFERRAL_GUIDELINES).build());

    assertThat(trust.evaluator().evaluate(request(referrer, "XANKR").build()).reasonCodes())
        .containsExactly(ReasonCode.TRAINING_MISSING);
  }

  @Test
  void aMatchedRuleWhoseTrainingPassesIsPreferredToOneWhoseTrainingFails() {
    TestTrust trust = new TestTrust();
    PersonId referrer = trust.referrer("R", Profession.NURSE, Regulator.NMC);
    trust.entitle(referrer,
        rule("A-NEEDS-GUIDELINES", Modality.PLAIN_RADIOGRAPHY, BodyRegion.WHOLE_BODY)
            .addRequiredTraining(TrainingType.REFERRAL_GUIDELINES).build(),
        rule("B-PLAIN", Modality.PLAIN_RADIOGRAPHY, BodyRegion.LOWER_LIMB).build());

    ReferralDecision decision = trust.evaluator().evaluate(request(referrer, "XANKR").build());

    assertThat(decision.outcome()).isEqualTo(Outcome.ENTITLED);
    assertThat(decision.matchedRule().orElseThrow().ruleId()).isEqualTo("B-PLAIN");
  }

  @Test
  void reviewDueWarnsFromItsDayOn() {
    TestTrust trust = new TestTrust();
    PersonId referrer = trust.referrer("R", Profession.NURSE, Regulator.NMC);
    Entitlement entitlement = trust.entitle(referrer,
        rule("XR", Modality.PLAIN_RADIOGRAPHY, BodyRegion.WHOLE_BODY).build());
    trust.register.entitlements().save(Entitlement.builder().from(entitlement).reviewDue(TODAY).build(),
        entitlement.version());

    ReferralDecision decision = trust.evaluator().evaluate(request(referrer, "XANKR").build());
    ReferralDecision dayBefore = trust.evaluator().evaluate(request(referrer, "XANKR")
        .requestedAt(TestTrust.at(TODAY.minusDays(1), 12, 0)).build());

    assertThat(decision.outcome()).isEqualTo(Outcome.ENTITLED);
    assertThat(decision.warningCodes()).containsExactly(WarningCode.REVIEW_DUE);
    assertThat(dayBefore.warnings()).isEmpty();
  }

  @Test
  void whenTwoMatchedRulesFailOnTrainingOnlyTheReasonsOfTheNearestAreReported() {
    TestTrust trust = new TestTrust();
    PersonId referrer = trust.referrer("R", Profession.NURSE, Regulator.NMC);
    trust.train(referrer, TrainingType.CONTRAST_SAFETY, LocalDate.of(2024, 1, 1), TODAY.minusDays(1));
    trust.entitle(referrer,
        rule("XR-LIMB", Modality.PLAIN_RADIOGRAPHY, BodyRegion.LOWER_LIMB)
            .addRequiredTraining(TrainingType.CONTRAST_SAFETY, TrainingType.REFERRAL_GUIDELINES).build(),
        rule("XR-ALL", Modality.PLAIN_RADIOGRAPHY, BodyRegion.WHOLE_BODY)
            .addRequiredTraining(TrainingType.REFERRAL_GUIDELINES).build());

    ReferralDecision decision = trust.evaluator().evaluate(request(referrer, "XANKR").build());

    assertThat(decision.outcome()).isEqualTo(Outcome.NOT_ENTITLED);
    assertThat(decision.reasons()).extracting(reason -> reason.message())
        .containsExactly("The referrer has no record of required REFERRAL_GUIDELINES training");
  }

  @Test
  void whenTwoMatchedRulesFailOnAsManyTrainingNeedsTheReasonsOfBothAreReported() {
    TestTrust trust = new TestTrust();
    PersonId referrer = trust.referrer("R", Profession.NURSE, Regulator.NMC);
    trust.train(referrer, TrainingType.CONTRAST_SAFETY, LocalDate.of(2024, 1, 1), TODAY.minusDays(1));
    trust.entitle(referrer,
        rule("XR-LIMB", Modality.PLAIN_RADIOGRAPHY, BodyRegion.LOWER_LIMB)
            .addRequiredTraining(TrainingType.CONTRAST_SAFETY).build(),
        rule("XR-ALL", Modality.PLAIN_RADIOGRAPHY, BodyRegion.WHOLE_BODY)
            .addRequiredTraining(TrainingType.REFERRAL_GUIDELINES).build());

    ReferralDecision decision = trust.evaluator().evaluate(request(referrer, "XANKR").build());

    assertThat(decision.reasonCodes())
        .containsExactlyInAnyOrder(ReasonCode.TRAINING_EXPIRED, ReasonCode.TRAINING_MISSING);
  }
}
