package org.irmer.entitlement.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.irmer.entitlement.rules.TestTrust.SITE_X;
import static org.irmer.entitlement.rules.TestTrust.SITE_Y;
import static org.irmer.entitlement.rules.TestTrust.TODAY;
import static org.irmer.entitlement.rules.TestTrust.TRUST_A;
import static org.irmer.entitlement.rules.TestTrust.TRUST_B;
import static org.irmer.entitlement.rules.TestTrust.request;
import static org.irmer.entitlement.rules.TestTrust.rule;

import java.time.Instant;
import java.time.LocalDate;
import org.irmer.entitlement.core.domain.AgreementId;
import org.irmer.entitlement.core.domain.AgreementStatus;
import org.irmer.entitlement.core.domain.BodyRegion;
import org.irmer.entitlement.core.domain.CareSetting;
import org.irmer.entitlement.core.domain.DecisionBasis;
import org.irmer.entitlement.core.domain.Entitlement;
import org.irmer.entitlement.core.domain.EntitlementId;
import org.irmer.entitlement.core.domain.EntitlementStatus;
import org.irmer.entitlement.core.domain.EntitlementSubject;
import org.irmer.entitlement.core.domain.GroupCriteria;
import org.irmer.entitlement.core.domain.Modality;
import org.irmer.entitlement.core.domain.Outcome;
import org.irmer.entitlement.core.domain.PersonId;
import org.irmer.entitlement.core.domain.Profession;
import org.irmer.entitlement.core.domain.ReasonCode;
import org.irmer.entitlement.core.domain.ReferralDecision;
import org.irmer.entitlement.core.domain.Regulator;
import org.irmer.entitlement.core.domain.Scope;
import org.irmer.entitlement.core.domain.SharedResponsibilityAgreement;
import org.irmer.entitlement.core.domain.TrainingLapsePolicy;
import org.junit.jupiter.api.Test;

/** DOMAIN.md section 5, rule 7 (shared-responsibility agreements), and group entitlements. */
class AgreementAndGroupTests {

  private final TestTrust trust = new TestTrust();

  private PersonId referrerEntitledAtA() {
    PersonId referrer = trust.referrer("R", Profession.PARAMEDIC, Regulator.HCPC);
    trust.entitle(referrer, rule("XR", Modality.PLAIN_RADIOGRAPHY, BodyRegion.WHOLE_BODY).build());
    trust.addEmployer(TRUST_B, "Brackenfield Community Trust", TrainingLapsePolicy.BLOCK);
    return referrer;
  }

  private void agreement(AgreementStatus status, LocalDate validTo, Modality... modalities) {
    trust.register.agreements().save(SharedResponsibilityAgreement.builder()
        .id(AgreementId.of("AGR-1"))
        .entitlingEmployer(TRUST_A)
        .recognisingEmployer(TRUST_B)
        .addModalities(modalities)
        .addSite(SITE_Y)
        .validFrom(LocalDate.of(2025, 1, 1))
        .validTo(validTo)
        .status(status)
        .build(), 0);
  }

  private ReferralDecision atTrustB(PersonId referrer, String exam, Instant at) {
    return trust.evaluator().evaluate(request(referrer, exam).employer(TRUST_B)
        .setting(CareSetting.at("ED", SITE_Y)).requestedAt(at).build());
  }

  @Test
  void anotherEmployersEntitlementDoesNotCountWithoutAnAgreement() {
    PersonId referrer = referrerEntitledAtA();

    assertThat(atTrustB(referrer, "XANKR", TestTrust.NOW).reasonCodes())
        .containsExactly(ReasonCode.NOT_ENTITLED_AT_EMPLOYER);
  }

  @Test
  void aCurrentAgreementRecognisesTheEntitlementWithItsOwnScope() {
    PersonId referrer = referrerEntitledAtA();
    agreement(AgreementStatus.ACTIVE, LocalDate.of(2027, 1, 1), Modality.PLAIN_RADIOGRAPHY);

    ReferralDecision decision = atTrustB(referrer, "XANKR", TestTrust.NOW);

    assertThat(decision.outcome()).isEqualTo(Outcome.ENTITLED);
    assertThat(decision.basis()).contains(DecisionBasis.RECOGNISED_UNDER_AGREEMENT);
    assertThat(decision.matchedRule().orElseThrow().employer()).isEqualTo(TRUST_A);
  }

  @Test
  void aSuspensionAtTheEntitlingEmployerTakesEffectAtTheRecognisingOneAtOnce() {
    PersonId referrer = referrerEntitledAtA();
    agreement(AgreementStatus.ACTIVE, LocalDate.of(2027, 1, 1), Modality.PLAIN_RADIOGRAPHY);
    trust.setStatus(EntitlementId.of("ENT-R"), EntitlementStatus.SUSPENDED);

    assertThat(atTrustB(referrer, "XANKR", TestTrust.NOW).reasonCodes())
        .containsExactly(ReasonCode.ENTITLEMENT_SUSPENDED);
  }

  @Test
  void anAgreementThatDoesNotListTheModalitySaysSo() {
    PersonId referrer = referrerEntitledAtA();
    agreement(AgreementStatus.ACTIVE, LocalDate.of(2027, 1, 1), Modality.CT);

    assertThat(atTrustB(referrer, "XANKR", TestTrust.NOW).reasonCodes())
        .containsExactlyInAnyOrder(ReasonCode.NOT_ENTITLED_AT_EMPLOYER, ReasonCode.NOT_COVERED_BY_AGREEMENT);
  }

  @Test
  void anAgreementThatDoesNotListTheSiteSaysSo() {
    PersonId referrer = referrerEntitledAtA();
    agreement(AgreementStatus.ACTIVE, LocalDate.of(2027, 1, 1), Modality.PLAIN_RADIOGRAPHY);

    ReferralDecision decision = trust.evaluator().evaluate(request(referrer, "XANKR").employer(TRUST_B)
        .setting(CareSetting.at("ED", SITE_X)).build());

    assertThat(decision.reasonCodes()).contains(ReasonCode.NOT_COVERED_BY_AGREEMENT);
  }

  @Test
  void anAgreementHoldsToTheEndOfItsLastDayOnly() {
    PersonId referrer = referrerEntitledAtA();
    agreement(AgreementStatus.ACTIVE, TODAY, Modality.PLAIN_RADIOGRAPHY);

    assertThat(atTrustB(referrer, "XANKR", TestTrust.at(TODAY, 23, 59)).outcome()).isEqualTo(Outcome.ENTITLED);
    assertThat(atTrustB(referrer, "XANKR", TestTrust.at(TODAY.plusDays(1), 0, 0)).reasonCodes())
        .containsExactly(ReasonCode.NOT_ENTITLED_AT_EMPLOYER);
  }

  @Test
  void anAgreementThatIsNotActiveRecognisesNothing() {
    PersonId referrer = referrerEntitledAtA();
    agreement(AgreementStatus.SUSPENDED, LocalDate.of(2027, 1, 1), Modality.PLAIN_RADIOGRAPHY);

    assertThat(atTrustB(referrer, "XANKR", TestTrust.NOW).reasonCodes())
        .containsExactly(ReasonCode.NOT_ENTITLED_AT_EMPLOYER);
  }

  private Entitlement gmcDoctorsGroup() {
    return group("GROUP-GMC", GroupCriteria.builder().name("GMC-registered doctors")
        .addRegulator(Regulator.GMC).addProfession(Profession.DOCTOR).build());
  }

  private Entitlement group(String id, GroupCriteria criteria) {
    return trust.register.entitlements().save(Entitlement.builder()
        .id(EntitlementId.of(id))
        .subject(EntitlementSubject.group(criteria))
        .employer(TRUST_A)
        .scope(Scope.builder().version(1)
            .addRule(rule("ALL-XR", Modality.PLAIN_RADIOGRAPHY, BodyRegion.WHOLE_BODY).build()).build())
        .status(EntitlementStatus.ACTIVE)
        .validFrom(LocalDate.of(2024, 1, 1))
        .validTo(LocalDate.of(2030, 12, 31))
        .grantedUnder(TestTrust.DELEGATION)
        .grantedBy(TestTrust.DELEGATE)
        .proceduresVersion(1)
        .recordedAt(Instant.parse("2024-01-01T00:00:00Z"))
        .build(), 0);
  }

  @Test
  void aGroupEntitlementCoversEveryGmcRegisteredDoctorWithARoleAtTheEmployer() {
    gmcDoctorsGroup();
    PersonId doctor = trust.referrer("DOC", Profession.DOCTOR, Regulator.GMC);

    ReferralDecision decision = trust.evaluator().evaluate(request(doctor, "XANKR").build());

    assertThat(decision.outcome()).isEqualTo(Outcome.ENTITLED);
    assertThat(decision.basis()).contains(DecisionBasis.GROUP_ENTITLEMENT);
  }

  @Test
  void aGroupEntitlementDoesNotCoverOtherProfessions() {
    gmcDoctorsGroup();
    PersonId nurse = trust.referrer("N", Profession.NURSE, Regulator.NMC);

    assertThat(trust.evaluator().evaluate(request(nurse, "XANKR").build()).reasonCodes())
        .containsExactly(ReasonCode.NOT_ENTITLED_AT_EMPLOYER);
  }

  @Test
  void aGroupEntitlementLimitedToOneProfessionDoesNotCoverAnotherProfessionOfTheSameRegulator() {
    group("GROUP-HCPC-PHYSIO", GroupCriteria.builder().name("HCPC-registered physiotherapists")
        .addRegulator(Regulator.HCPC).addProfession(Profession.PHYSIOTHERAPIST).build());
    PersonId physiotherapist = trust.referrer("PHY", Profession.PHYSIOTHERAPIST, Regulator.HCPC);
    PersonId radiographer = trust.referrer("RAD", Profession.RADIOGRAPHER, Regulator.HCPC);

    ReferralDecision covered = trust.evaluator().evaluate(request(physiotherapist, "XANKR").build());
    ReferralDecision other = trust.evaluator().evaluate(request(radiographer, "XANKR").build());

    assertThat(covered.basis()).contains(DecisionBasis.GROUP_ENTITLEMENT);
    assertThat(other.outcome()).isEqualTo(Outcome.NOT_ENTITLED);
    assertThat(other.reasonCodes()).containsExactly(ReasonCode.NOT_ENTITLED_AT_EMPLOYER);
  }

  @Test
  void aGroupEntitlementDoesNotCoverADoctorWhoseRoleAtTheEmployerHasEnded() {
    gmcDoctorsGroup();
    PersonId doctor = trust.referrer("DOC", Profession.DOCTOR, Regulator.GMC);
    var role = trust.register.people().role(TestTrust.roleOf(doctor)).orElseThrow();
    trust.register.people().saveRole(org.irmer.entitlement.core.domain.Role.builder().from(role)
        .validTo(TODAY.minusDays(1)).build(), role.version());

    assertThat(trust.evaluator().evaluate(request(doctor, "XANKR").build()).reasonCodes())
        .containsExactly(ReasonCode.NOT_ENTITLED_AT_EMPLOYER);
  }

  @Test
  void anIndividualEntitlementIsPreferredToAGroupOneAsTheBasis() {
    gmcDoctorsGroup();
    PersonId doctor = trust.referrer("DOC", Profession.DOCTOR, Regulator.GMC);
    trust.entitle(doctor, rule("OWN", Modality.PLAIN_RADIOGRAPHY, BodyRegion.LOWER_LIMB).build());

    assertThat(trust.evaluator().evaluate(request(doctor, "XANKR").build()).basis())
        .contains(DecisionBasis.INDIVIDUAL_ENTITLEMENT);
  }
}
