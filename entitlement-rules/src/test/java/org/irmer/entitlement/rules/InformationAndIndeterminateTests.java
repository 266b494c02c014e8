package org.irmer.entitlement.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.irmer.entitlement.rules.TestTrust.TODAY;
import static org.irmer.entitlement.rules.TestTrust.request;
import static org.irmer.entitlement.rules.TestTrust.rule;

import java.time.LocalDate;
import java.util.Optional;
import org.irmer.entitlement.core.domain.BodyRegion;
import org.irmer.entitlement.core.domain.ClinicalInformationItem;
import org.irmer.entitlement.core.domain.EmployerId;
import org.irmer.entitlement.core.domain.Modality;
import org.irmer.entitlement.core.domain.Outcome;
import org.irmer.entitlement.core.domain.Patient;
import org.irmer.entitlement.core.domain.PersonId;
import org.irmer.entitlement.core.domain.PregnancyStatus;
import org.irmer.entitlement.core.domain.Profession;
import org.irmer.entitlement.core.domain.ReasonCode;
import org.irmer.entitlement.core.domain.ReferralDecision;
import org.irmer.entitlement.core.domain.ReferralRequest;
import org.irmer.entitlement.core.domain.Regulator;
import org.irmer.entitlement.core.domain.Sex;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** DOMAIN.md section 5, rule 6 (required information) and the INDETERMINATE outcome. */
class InformationAndIndeterminateTests {

  private final TestTrust trust = new TestTrust();
  private final PersonId referrer = trust.referrer("R", Profession.NURSE, Regulator.NMC);

  InformationAndIndeterminateTests() {
    trust.entitle(referrer,
        rule("XR", Modality.PLAIN_RADIOGRAPHY, BodyRegion.WHOLE_BODY).build(),
        rule("NM", Modality.NUCLEAR_MEDICINE, BodyRegion.WHOLE_BODY).build(),
        rule("CT", Modality.CT, BodyRegion.WHOLE_BODY).contrastAllowed(true).build());
  }

  private ReferralDecision decide(String exam, Patient patient) {
    return trust.evaluator().evaluate(request(referrer, exam).patient(patient).build());
  }

  private static Patient agedOnToday(int years, int extraDays, Sex sex) {
    return Patient.builder().birthDate(TODAY.minusYears(years).minusDays(extraDays)).sex(sex).build();
  }

  @ParameterizedTest
  @CsvSource({
      // age, days past that birthday, enquiry required?
      "9, 364, false",
      "10, 0, true",
      "55, 364, true",
      "56, 0, false",
  })
  void thePregnancyEnquiryAppliesInsideTheAgeBandInclusive(int years, int extraDays, boolean required) {
    ReferralDecision decision = decide("XPELV", agedOnToday(years, extraDays, Sex.FEMALE));

    if (required) {
      assertThat(decision.outcome()).isEqualTo(Outcome.INSUFFICIENT_INFORMATION);
      assertThat(decision.reasonCodes()).containsExactly(ReasonCode.MISSING_PREGNANCY_STATUS);
    } else {
      assertThat(decision.outcome()).isEqualTo(Outcome.ENTITLED);
    }
  }

  @Test
  void anUnknownPregnancyStatusIsTreatedAsMissing() {
    ReferralDecision decision = decide("XPELV", Patient.builder().birthDate(TestTrust.PATIENT_BORN)
        .sex(Sex.FEMALE).pregnancy(PregnancyStatus.UNKNOWN).build());

    assertThat(decision.reasonCodes()).containsExactly(ReasonCode.MISSING_PREGNANCY_STATUS);
  }

  @Test
  void thePregnancyEnquiryDoesNotApplyToMalePatientsOrRegionsOutsideTheBeam() {
    assertThat(decide("XPELV", agedOnToday(30, 0, Sex.MALE)).outcome()).isEqualTo(Outcome.ENTITLED);
    assertThat(decide("XANKR", agedOnToday(30, 0, Sex.FEMALE)).outcome()).isEqualTo(Outcome.ENTITLED);
  }

  @Test
  void thePregnancyEnquiryAppliesToAPatientOfUnrecordedSex() {
    assertThat(decide("XPELV", agedOnToday(30, 0, Sex.UNKNOWN)).reasonCodes())
        .containsExactly(ReasonCode.MISSING_PREGNANCY_STATUS);
  }

  @Test
  void nuclearMedicineAlwaysNeedsThePregnancyEnquiryWhateverTheRegion() {
    assertThat(decide("NTHYR", agedOnToday(30, 0, Sex.FEMALE)).reasonCodes())
        .containsExactly(ReasonCode.MISSING_PREGNANCY_STATUS);
  }

  @Test
  void withoutABirthDateTheEnquiryMayApplySoBothItemsAreAskedFor() {
    ReferralDecision decision = decide("XPELV", Patient.builder().sex(Sex.FEMALE).build());

    assertThat(decision.outcome()).isEqualTo(Outcome.INSUFFICIENT_INFORMATION);
    assertThat(decision.reasonCodes()).containsExactlyInAnyOrder(
        ReasonCode.MISSING_PATIENT_BIRTH_DATE, ReasonCode.MISSING_PREGNANCY_STATUS);
  }

  @Test
  void aRequestWithNoPatientAtAllIsAskedForWhatTheEnquiryNeeds() {
    ReferralDecision decision = trust.evaluator().evaluate(ReferralRequest.builder()
        .from(request(referrer, "XPELV").build()).patient(Optional.empty()).build());

    assertThat(decision.reasonCodes()).containsExactlyInAnyOrder(
        ReasonCode.MISSING_PATIENT_BIRTH_DATE, ReasonCode.MISSING_PREGNANCY_STATUS);
  }

  @Test
  void aClinicalQuestionIsAlwaysRequired() {
    ReferralDecision decision = trust.evaluator().evaluate(ReferralRequest.builder()
        .from(request(referrer, "XANKR").build()).clinicalInformation(java.util.Set.of()).build());

    assertThat(decision.outcome()).isEqualTo(Outcome.INSUFFICIENT_INFORMATION);
    assertThat(decision.reasonCodes()).containsExactly(ReasonCode.MISSING_CLINICAL_INFORMATION);
  }

  @Test
  void renalFunctionIsRequiredForContrastCtOnly() {
    assertThat(decide("CABPC", agedOnToday(60, 0, Sex.FEMALE)).reasons())
        .singleElement()
        .satisfies(reason -> {
          assertThat(reason.code()).isEqualTo(ReasonCode.MISSING_CLINICAL_INFORMATION);
          assertThat(reason.message()).contains("renal function");
        });
    assertThat(decide("CHEAD", agedOnToday(60, 0, Sex.FEMALE)).outcome()).isEqualTo(Outcome.ENTITLED);
  }

  @Test
  void anUnknownExaminationCodeIsIndeterminate() {
    ReferralDecision decision = trust.evaluator().evaluate(request(referrer, "ZZZZZ").build());

    assertThat(decision.outcome()).isEqualTo(Outcome.INDETERMINATE);
    assertThat(decision.reasonCodes()).containsExactly(ReasonCode.UNKNOWN_EXAMINATION);
    assertThat(decision.allowsRequest()).isFalse();
  }

  @Test
  void anUnknownEmployerIsIndeterminate() {
    ReferralDecision decision = trust.evaluator().evaluate(request(referrer, "XANKR")
        .employer(EmployerId.of("NOPE")).build());

    assertThat(decision.outcome()).isEqualTo(Outcome.INDETERMINATE);
    assertThat(decision.reasonCodes()).containsExactly(ReasonCode.DATA_UNAVAILABLE);
  }

  @Test
  void theDecisionKeepsTheRequestAndItsInstantForReplay() {
    ReferralRequest request = request(referrer, "XANKR").requestedAt(TestTrust.at(LocalDate.of(2026, 5, 1), 8, 0))
        .build();

    ReferralDecision decision = trust.evaluator().evaluate(request);

    assertThat(decision.request()).isEqualTo(request);
    assertThat(decision.evaluatedAt()).isEqualTo(request.requestedAt());
    assertThat(decision.proceduresVersion()).contains(1);
  }
}
