package org.irmer.entitlement.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.irmer.entitlement.rules.TestTrust.SITE_X;
import static org.irmer.entitlement.rules.TestTrust.SITE_Y;
import static org.irmer.entitlement.rules.TestTrust.request;
import static org.irmer.entitlement.rules.TestTrust.rule;

import org.irmer.entitlement.core.domain.BodyRegion;
import org.irmer.entitlement.core.domain.CareSetting;
import org.irmer.entitlement.core.domain.ClinicalInformationItem;
import org.irmer.entitlement.core.domain.ExaminationCode;
import org.irmer.entitlement.core.domain.IndicationCode;
import org.irmer.entitlement.core.domain.Modality;
import org.irmer.entitlement.core.domain.Outcome;
import org.irmer.entitlement.core.domain.PersonId;
import org.irmer.entitlement.core.domain.PregnancyConstraint;
import org.irmer.entitlement.core.domain.PregnancyStatus;
import org.irmer.entitlement.core.domain.Patient;
import org.irmer.entitlement.core.domain.Profession;
import org.irmer.entitlement.core.domain.ReasonCode;
import org.irmer.entitlement.core.domain.ReferralDecision;
import org.irmer.entitlement.core.domain.ReferralRequest;
import org.irmer.entitlement.core.domain.Regulator;
import org.irmer.entitlement.core.domain.ScopeRule;
import org.irmer.entitlement.core.domain.Sex;
import org.irmer.entitlement.core.domain.Urgency;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Boundaries of DOMAIN.md section 5, rule 4: every scope dimension, the region tree, and ties. */
class ScopeBoundaryTests {

  private final TestTrust trust = new TestTrust();
  private final PersonId referrer = trust.referrer("R", Profession.PHYSIOTHERAPIST, Regulator.HCPC);

  private ReferralDecision decide(ReferralRequest.Builder request) {
    return trust.evaluator().evaluate(request.build());
  }

  private ReferralDecision decide(String exam) {
    return decide(request(referrer, exam));
  }

  @Test
  void includingARegionIncludesEveryDescendant() {
    trust.entitle(referrer, rule("XR-LL", Modality.PLAIN_RADIOGRAPHY, BodyRegion.LOWER_LIMB).build());

    assertThat(decide("XTOER").outcome()).isEqualTo(Outcome.ENTITLED);
    assertThat(decide("XLLEG").outcome()).isEqualTo(Outcome.ENTITLED);
  }

  @Test
  void includingARegionDoesNotIncludeItsParent() {
    trust.entitle(referrer, rule("XR-FOOT", Modality.PLAIN_RADIOGRAPHY, BodyRegion.FOOT).build());

    assertThat(decide("XLLEG").reasonCodes()).containsExactly(ReasonCode.OUT_OF_SCOPE_EXAMINATION);
    assertThat(decide("XTOER").outcome()).isEqualTo(Outcome.ENTITLED);
  }

  @Test
  void excludingARegionExcludesItsDescendantsAndBeatsAnInclusion() {
    trust.entitle(referrer, rule("XR-LL", Modality.PLAIN_RADIOGRAPHY, BodyRegion.LOWER_LIMB)
        .addExcludedRegion(BodyRegion.FOOT).build());

    assertThat(decide("XTOER").reasonCodes()).containsExactly(ReasonCode.OUT_OF_SCOPE_EXAMINATION);
    assertThat(decide("XFOOR").reasonCodes()).containsExactly(ReasonCode.OUT_OF_SCOPE_EXAMINATION);
    assertThat(decide("XANKR").outcome()).isEqualTo(Outcome.ENTITLED);
  }

  @Test
  void anExcludedRegionBeatsAnExplicitlyIncludedExaminationCode() {
    trust.entitle(referrer, ScopeRule.builder().id("XR-CODES").modality(Modality.PLAIN_RADIOGRAPHY)
        .addIncludedExamination(ExaminationCode.of("XKNER"))
        .addExcludedRegion(BodyRegion.KNEE).build());

    assertThat(decide("XKNER").reasonCodes()).containsExactly(ReasonCode.OUT_OF_SCOPE_EXAMINATION);
  }

  @Test
  void anIncludedExaminationCodeAdmitsOnlyThatCode() {
    trust.entitle(referrer, ScopeRule.builder().id("XR-CODES").modality(Modality.PLAIN_RADIOGRAPHY)
        .addIncludedExamination(ExaminationCode.of("XKNER")).build());

    assertThat(decide("XKNER").outcome()).isEqualTo(Outcome.ENTITLED);
    assertThat(decide("XKNEL").reasonCodes()).containsExactly(ReasonCode.OUT_OF_SCOPE_EXAMINATION);
  }

  @Test
  void anExcludedExaminationCodeLeavesTheRestOfTheRegion() {
    trust.entitle(referrer, rule("XR-KNEE", Modality.PLAIN_RADIOGRAPHY, BodyRegion.KNEE)
        .addExcludedExamination(ExaminationCode.of("XKNEL")).build());

    assertThat(decide("XKNEL").reasonCodes()).containsExactly(ReasonCode.OUT_OF_SCOPE_EXAMINATION);
    assertThat(decide("XKNER").outcome()).isEqualTo(Outcome.ENTITLED);
  }

  @Test
  void aSettingWithoutASiteAdmitsThatKindOfSettingAtEverySite() {
    trust.entitle(referrer, rule("XR", Modality.PLAIN_RADIOGRAPHY, BodyRegion.WHOLE_BODY)
        .addSetting(CareSetting.of("ED")).build());

    assertThat(decide(request(referrer, "XANKR").setting(CareSetting.at("ED", SITE_Y))).outcome())
        .isEqualTo(Outcome.ENTITLED);
    assertThat(decide(request(referrer, "XANKR").setting(CareSetting.at("WARD", SITE_Y))).reasonCodes())
        .containsExactly(ReasonCode.OUT_OF_SCOPE_SETTING);
  }

  @Test
  void aSettingWithASiteAdmitsOnlyThatSite() {
    trust.entitle(referrer, rule("XR", Modality.PLAIN_RADIOGRAPHY, BodyRegion.WHOLE_BODY)
        .addSetting(CareSetting.at("MIU", SITE_X)).build());

    assertThat(decide(request(referrer, "XANKR").setting(CareSetting.at("MIU", SITE_Y))).reasonCodes())
        .containsExactly(ReasonCode.OUT_OF_SCOPE_SETTING);
    assertThat(decide(request(referrer, "XANKR").setting(CareSetting.of("MIU"))).reasonCodes())
        .containsExactly(ReasonCode.OUT_OF_SCOPE_SETTING);
  }

  @Test
  void aRuleLimitedToSettingsRefusesARequestThatDoesNotSayWhereItIsMade() {
    trust.entitle(referrer, rule("XR", Modality.PLAIN_RADIOGRAPHY, BodyRegion.WHOLE_BODY)
        .addSetting(CareSetting.of("ED")).build());

    ReferralDecision decision = trust.evaluator().evaluate(
        ReferralRequest.builder().from(request(referrer, "XANKR").build()).setting(java.util.Optional.empty()).build());

    assertThat(decision.reasonCodes()).containsExactly(ReasonCode.OUT_OF_SCOPE_SETTING);
  }

  @Test
  void aRuleLimitedToIndicationsAdmitsOnlyThoseIndications() {
    IndicationCode injury = IndicationCode.of("ACUTE_INJURY");
    trust.entitle(referrer, rule("XR", Modality.PLAIN_RADIOGRAPHY, BodyRegion.WHOLE_BODY)
        .addIndication(injury).build());

    assertThat(decide(request(referrer, "XANKR").indication(injury)).outcome()).isEqualTo(Outcome.ENTITLED);
    assertThat(decide(request(referrer, "XANKR").indication(IndicationCode.of("CHRONIC_PAIN"))).reasonCodes())
        .containsExactly(ReasonCode.OUT_OF_SCOPE_INDICATION);
    assertThat(decide("XANKR").reasonCodes()).containsExactly(ReasonCode.OUT_OF_SCOPE_INDICATION);
  }

  @Test
  void contrastIsRefusedUnlessTheRuleAllowsItWhetherRequestedOrImpliedByTheCode() {
    trust.entitle(referrer, rule("CT", Modality.CT, BodyRegion.WHOLE_BODY).build());

    ReferralRequest.Builder withRenal = request(referrer, "CABPC")
        .addClinicalInformation(ClinicalInformationItem.RENAL_FUNCTION);
    assertThat(decide(withRenal).reasonCodes()).containsExactly(ReasonCode.OUT_OF_SCOPE_CONTRAST);
    assertThat(decide(request(referrer, "CHEAD").contrast(true)
        .addClinicalInformation(ClinicalInformationItem.RENAL_FUNCTION)).reasonCodes())
        .containsExactly(ReasonCode.OUT_OF_SCOPE_CONTRAST);
    assertThat(decide("CHEAD").outcome()).isEqualTo(Outcome.ENTITLED);
  }

  @Test
  void contrastIsAdmittedWhenTheRuleAllowsIt() {
    trust.entitle(referrer, rule("CT", Modality.CT, BodyRegion.WHOLE_BODY).contrastAllowed(true).build());

    assertThat(decide(request(referrer, "CABPC").addClinicalInformation(ClinicalInformationItem.RENAL_FUNCTION))
        .outcome()).isEqualTo(Outcome.ENTITLED);
  }

  @ParameterizedTest
  @EnumSource(Urgency.class)
  void aRuleLimitedToUrgenciesAdmitsOnlyThose(Urgency urgency) {
    trust.entitle(referrer, rule("XR", Modality.PLAIN_RADIOGRAPHY, BodyRegion.WHOLE_BODY)
        .addUrgencies(Urgency.URGENT, Urgency.STAT).build());

    ReferralDecision decision = decide(request(referrer, "XANKR").urgency(urgency));

    if (urgency == Urgency.URGENT || urgency == Urgency.STAT) {
      assertThat(decision.outcome()).isEqualTo(Outcome.ENTITLED);
    } else {
      assertThat(decision.reasonCodes()).containsExactly(ReasonCode.OUT_OF_SCOPE_URGENCY);
    }
  }

  @ParameterizedTest
  @EnumSource(PregnancyStatus.class)
  void aRuleExcludingPregnancyRefusesPregnantAndPossiblyPregnantPatientsOnly(PregnancyStatus status) {
    trust.entitle(referrer, rule("XR", Modality.PLAIN_RADIOGRAPHY, BodyRegion.WHOLE_BODY)
        .pregnancy(PregnancyConstraint.EXCLUDED).build());

    ReferralDecision decision = decide(request(referrer, "XANKR").patient(Patient.builder()
        .birthDate(TestTrust.PATIENT_BORN).sex(Sex.FEMALE).pregnancy(status).build()));

    if (status.mayBePregnant()) {
      assertThat(decision.reasonCodes()).containsExactly(ReasonCode.OUT_OF_SCOPE_PREGNANCY);
    } else {
      assertThat(decision.outcome()).isEqualTo(Outcome.ENTITLED);
    }
  }

  @Test
  void whenNoRuleMatchesTheFailuresOfTheClosestRuleAreReported() {
    trust.entitle(referrer,
        rule("XR-LIMBS", Modality.PLAIN_RADIOGRAPHY, BodyRegion.UPPER_LIMB, BodyRegion.LOWER_LIMB).build(),
        rule("MRI-SPINE-ED", Modality.MRI, BodyRegion.LUMBAR_SPINE).addSetting(CareSetting.of("ED"))
            .addUrgency(Urgency.URGENT).build());

    // MRI knee from ED, routine: XR-LIMBS fails on modality only; MRI-SPINE-ED on examination and urgency.
    ReferralDecision decision = decide("MKNER");

    assertThat(decision.reasonCodes()).containsExactly(ReasonCode.OUT_OF_SCOPE_MODALITY);
  }

  @Test
  void onATieTheFailuresOfEveryClosestRuleAreReported() {
    trust.entitle(referrer,
        rule("XR-LIMBS", Modality.PLAIN_RADIOGRAPHY, BodyRegion.LOWER_LIMB).build(),
        rule("MRI-SPINE", Modality.MRI, BodyRegion.LUMBAR_SPINE).build());

    ReferralDecision decision = decide("MKNER");

    assertThat(decision.reasonCodes()).containsExactlyInAnyOrder(
        ReasonCode.OUT_OF_SCOPE_MODALITY, ReasonCode.OUT_OF_SCOPE_EXAMINATION);
  }

  @Test
  void outOfScopeMessagesNameTheRequestNotThePatient() {
    trust.entitle(referrer, rule("XR-LIMBS", Modality.PLAIN_RADIOGRAPHY, BodyRegion.UPPER_LIMB).build());

    ReferralDecision decision = decide("MLSPI");

    assertThat(decision.reasons()).extracting(r -> r.message()).containsExactlyInAnyOrder(
        "The scope does not cover MRI examinations",
        "The scope does not cover MRI lumbar spine (MLSPI, lumbar spine)");
  }
}
