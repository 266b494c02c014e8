package org.irmer.entitlement.adapter.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.irmer.entitlement.adapter.fhir.ScenarioTrust.rule;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.DetectedIssue;
import org.hl7.fhir.r4.model.Parameters;
import org.irmer.entitlement.adapter.fhir.FhirOrders.Response;
import org.irmer.entitlement.core.domain.AuditTrailEntry;
import org.irmer.entitlement.core.domain.BodyRegion;
import org.irmer.entitlement.core.domain.CareSetting;
import org.irmer.entitlement.core.domain.ClinicalInformationItem;
import org.irmer.entitlement.core.domain.ExaminationCode;
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
import org.irmer.entitlement.core.domain.SiteId;
import org.irmer.entitlement.rules.wiring.EntitlementRegister;
import org.junit.jupiter.api.Test;

/**
 * Scenarios S1 and S2 of DOMAIN.md section 6 end to end: the same order through {@code
 * $check-entitlement}, through {@link FhirOrders#toRequest} and the check use case, and as a
 * request written by hand in Java gives the same decision, and each is recorded with its FHIR
 * origin.
 */
class FhirScenarioTests {

  private final FhirOrders orders = Fixtures.orders();

  @Test
  void s1PhysiotherapistAskingForMriLumbarSpineIsOutOfScopeOnModalityAndExamination() {
    ScenarioTrust trust = new ScenarioTrust();
    PersonId physio = trust.referrer("P", Profession.PHYSIOTHERAPIST, Regulator.HCPC);
    trust.entitle(physio, rule("XR-LIMBS", Modality.PLAIN_RADIOGRAPHY, BodyRegion.UPPER_LIMB,
        BodyRegion.LOWER_LIMB).addSetting(CareSetting.of("MSK_OUTPATIENT")).build());

    try (EntitlementRegister register = EntitlementRegister.open(trust.register)) {
      Decisions decisions = decide(register, "physio-mri-lumbar-spine-bundle.json",
          handWritten(physio, "MLSPI", CareSetting.at("MSK_OUTPATIENT", SiteId.of("SITE-X"))));

      assertThat(decisions.operationOutcome()).isEqualTo("NOT_ENTITLED");
      assertThat(decisions.operationReasons()).containsExactly(
          "OUT_OF_SCOPE_MODALITY", "OUT_OF_SCOPE_EXAMINATION");
      decisions.assertAllAgree();
      assertThat(decisions.issue().getSeverity()).isEqualTo(DetectedIssue.DetectedIssueSeverity.HIGH);
      assertThat(decisions.issue().getImplicatedFirstRep().getReference()).isEqualTo("ServiceRequest/sr-3");
      assertThat(lastDecisionRecord(trust).event().details())
          .containsEntry("channel", "fhir").containsEntry("channelReference", "sr-3")
          .containsEntry("order", "ORD-1003");
    }
  }

  @Test
  void s2EmergencyNursePractitionerMayNotRequestAnExcludedKneeButMayRequestAnAnkle() {
    ScenarioTrust trust = new ScenarioTrust();
    PersonId enp = trust.referrer("E", Profession.NURSE, Regulator.NMC);
    trust.entitle(enp, rule("XR-LIMBS", Modality.PLAIN_RADIOGRAPHY, BodyRegion.UPPER_LIMB,
        BodyRegion.LOWER_LIMB).addExcludedRegions(BodyRegion.ELBOW, BodyRegion.KNEE, BodyRegion.FEMUR).build());

    try (EntitlementRegister register = EntitlementRegister.open(trust.register)) {
      Decisions knee = decide(register, "knee-order-bundle.json",
          handWritten(enp, "XKNER", CareSetting.at("ED", SiteId.of("SITE-X"))));
      Decisions ankle = decide(register, "ankle-order-bundle.json",
          handWritten(enp, "XANKR", CareSetting.at("ED", SiteId.of("SITE-X"))));

      assertThat(knee.operationOutcome()).isEqualTo("NOT_ENTITLED");
      assertThat(knee.operationReasons()).containsExactly("OUT_OF_SCOPE_EXAMINATION");
      knee.assertAllAgree();
      assertThat(ankle.operationOutcome()).isEqualTo("ENTITLED");
      assertThat(ankle.operationReasons()).isEmpty();
      ankle.assertAllAgree();
      assertThat(ankle.issue().getSeverity()).isEqualTo(DetectedIssue.DetectedIssueSeverity.LOW);
    }
  }

  /** The request S1 and S2 describe, written in Java as a vendor would without FHIR. */
  private static ReferralRequest.Builder handWritten(PersonId referrer, String exam, CareSetting setting) {
    return ReferralRequest.builder()
        .referrer(referrer)
        .employer(ScenarioTrust.TRUST_A)
        .examination(ExaminationCode.of(exam))
        .patient(Patient.builder().birthDate(LocalDate.of(1980, 5, 5)).sex(Sex.FEMALE)
            .pregnancy(PregnancyStatus.NOT_PREGNANT).build())
        .setting(setting)
        .addClinicalInformation(ClinicalInformationItem.CLINICAL_QUESTION)
        .requestedAt(Instant.parse("2026-03-10T10:00:00Z"));
  }

  private Decisions decide(EntitlementRegister register, String bundleFile, ReferralRequest.Builder handWritten) {
    Response response = orders.checkEntitlement(register.referrals()).handle("application/fhir+json",
        Fixtures.text(bundleFile).getBytes(StandardCharsets.UTF_8));
    assertThat(response.status()).as(response.text()).isEqualTo(200);
    Parameters answer = orders.parse(Parameters.class, response.text());
    Bundle bundle = Fixtures.bundle(bundleFile);
    ReferralDecision throughApi = register.referrals().check(
        orders.toRequest(Fixtures.serviceRequest(bundle), FhirOrders.Resources.in(bundle)));
    ReferralDecision byHand = register.referrals().check(handWritten.build());
    return new Decisions(answer, throughApi, byHand);
  }

  private static AuditTrailEntry lastDecisionRecord(ScenarioTrust trust) {
    List<AuditTrailEntry> entries = trust.register.auditTrail().read(1, Integer.MAX_VALUE);
    return entries.stream().filter(entry -> entry.event().action().equals("check-referral"))
        .filter(entry -> entry.event().details().containsKey("channel"))
        .reduce((first, second) -> second).orElseThrow();
  }

  private record Decisions(Parameters answer, ReferralDecision throughApi, ReferralDecision byHand) {

    String operationOutcome() {
      return ((CodeType) answer.getParameter("outcome").getValue()).getValue();
    }

    List<String> operationReasons() {
      return answer.getParameter().stream().filter(p -> p.getName().equals("reason"))
          .map(p -> ((CodeType) p.getPart().get(0).getValue()).getValue()).toList();
    }

    DetectedIssue issue() {
      return (DetectedIssue) answer.getParameter("detectedIssue").getResource();
    }

    void assertAllAgree() {
      assertThat(throughApi.outcome()).isEqualTo(Outcome.valueOf(operationOutcome()));
      assertThat(throughApi.reasonCodes().stream().map(ReasonCode::name).toList())
          .isEqualTo(operationReasons());
      assertThat(byHand.outcome()).isEqualTo(throughApi.outcome());
      assertThat(byHand.reasons()).isEqualTo(throughApi.reasons());
      assertThat(byHand.matchedRule()).isEqualTo(throughApi.matchedRule());
    }
  }
}
