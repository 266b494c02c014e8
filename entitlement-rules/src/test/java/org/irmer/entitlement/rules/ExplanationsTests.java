package org.irmer.entitlement.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.stream.Collectors;
import org.irmer.entitlement.core.domain.AgreementId;
import org.irmer.entitlement.core.domain.BodyRegion;
import org.irmer.entitlement.core.domain.CareSetting;
import org.irmer.entitlement.core.domain.ClinicalInformationItem;
import org.irmer.entitlement.core.domain.Entitlement;
import org.irmer.entitlement.core.domain.EntitlementId;
import org.irmer.entitlement.core.domain.EntitlementStatus;
import org.irmer.entitlement.core.domain.EntitlementType;
import org.irmer.entitlement.core.domain.Examination;
import org.irmer.entitlement.core.domain.ExaminationCode;
import org.irmer.entitlement.core.domain.IndicationCode;
import org.irmer.entitlement.core.domain.Laterality;
import org.irmer.entitlement.core.domain.Modality;
import org.irmer.entitlement.core.domain.PersonId;
import org.irmer.entitlement.core.domain.Profession;
import org.irmer.entitlement.core.domain.Reason;
import org.irmer.entitlement.core.domain.ReasonCode;
import org.irmer.entitlement.core.domain.Regulator;
import org.irmer.entitlement.core.domain.ScopeDimension;
import org.irmer.entitlement.core.domain.SiteId;
import org.irmer.entitlement.core.domain.TrainingType;
import org.irmer.entitlement.core.domain.Urgency;
import org.irmer.entitlement.core.domain.Warning;
import org.irmer.entitlement.core.domain.WarningCode;
import org.junit.jupiter.api.Test;

/**
 * The exact wording of every reason code and warning code, through {@link Explanations} with fixed
 * inputs (golden strings): integrations show these messages to referrers, so a change to one is a
 * change of contract that this test makes visible. Every code must be worded here at least once.
 */
class ExplanationsTests {

  private static final LocalDate DAY = LocalDate.of(2026, 3, 10);
  private static final Examination KNEE = Examination.builder().code(ExaminationCode.of("XKNER"))
      .name("X-ray knee right").modality(Modality.PLAIN_RADIOGRAPHY).region(BodyRegion.KNEE)
      .laterality(Laterality.RIGHT).build();
  private static final Explanations.ScopeFacts KNOWN = new Explanations.ScopeFacts(OptionalInt.of(17),
      Optional.of(CareSetting.at("ED", SiteId.of("SITE-X"))), Optional.of(IndicationCode.of("INJURY")),
      Urgency.URGENT);
  private static final Explanations.ScopeFacts UNKNOWN = new Explanations.ScopeFacts(OptionalInt.empty(),
      Optional.empty(), Optional.empty(), Urgency.ROUTINE);

  private final TestTrust trust = new TestTrust();
  private final PersonId referrer = trust.referrer("R", Profession.NURSE, Regulator.NMC);
  private final Entitlement entitlement = trust.entitle(EntitlementId.of("ENT-1"), referrer,
      TestTrust.TRUST_A, EntitlementStatus.ACTIVE, LocalDate.of(2026, 4, 1), LocalDate.of(2026, 12, 31),
      TestTrust.rule("XR", Modality.PLAIN_RADIOGRAPHY, BodyRegion.LOWER_LIMB).build());

  @Test
  void everyReasonCodeIsWordedAsItAlwaysHasBeen() {
    Map<Reason, String> golden = new LinkedHashMap<>();
    golden.put(Explanations.notEntitledAtEmployer(TestTrust.TRUST_A, EntitlementType.REFERRER),
        "No current referrer entitlement at employer RA1");
    golden.put(Explanations.notEntitledAtEmployer(TestTrust.TRUST_A, EntitlementType.CLINICAL_EVALUATION),
        "No current clinical evaluation entitlement at employer RA1");
    golden.put(status(EntitlementStatus.PENDING_PREREQUISITES, DAY),
        "Entitlement ENT-1 at employer RA1 awaits its prerequisites");
    golden.put(status(EntitlementStatus.ACTIVE, DAY), "Entitlement ENT-1 at employer RA1 starts on 2026-04-01");
    golden.put(status(EntitlementStatus.SUSPENDED, DAY), "Entitlement ENT-1 at employer RA1 is suspended");
    golden.put(status(EntitlementStatus.REVOKED, DAY), "Entitlement ENT-1 at employer RA1 was revoked");
    golden.put(status(EntitlementStatus.EXPIRED, DAY), "Entitlement ENT-1 at employer RA1 has expired");
    golden.put(status(EntitlementStatus.ACTIVE, LocalDate.of(2027, 1, 1)),
        "Entitlement ENT-1 at employer RA1 expired at the end of 2026-12-31");
    golden.put(status(EntitlementStatus.ENDED, DAY), "Entitlement ENT-1 at employer RA1 has ended");
    golden.put(Explanations.registrationNotCurrent(), "The referrer's professional registration is not current");
    golden.put(Explanations.trainingMissing(TrainingType.MRI_SAFETY),
        "The referrer has no record of required MRI_SAFETY training");
    golden.put(Explanations.trainingExpired(TrainingType.IRMER_REFERRER, DAY),
        "Required IRMER_REFERRER training expired at the end of 2026-03-10");
    golden.put(Explanations.outOfScope(ScopeDimension.MODALITY, KNEE, KNOWN),
        "The scope does not cover plain X-ray examinations");
    golden.put(Explanations.outOfScope(ScopeDimension.EXAMINATION, KNEE, KNOWN),
        "The scope does not cover X-ray knee right (XKNER, knee)");
    golden.put(Explanations.outOfScope(ScopeDimension.AGE, KNEE, KNOWN),
        "The scope does not cover patients aged 17");
    golden.put(Explanations.outOfScope(ScopeDimension.AGE, KNEE, UNKNOWN), "The scope limits the patient's age");
    golden.put(Explanations.outOfScope(ScopeDimension.PREGNANCY, KNEE, KNOWN),
        "The scope excludes patients who are or may be pregnant");
    golden.put(Explanations.outOfScope(ScopeDimension.SETTING, KNEE, KNOWN),
        "The scope does not cover requests from ED@SITE-X");
    golden.put(Explanations.outOfScope(ScopeDimension.SETTING, KNEE, UNKNOWN),
        "The request does not say where it is made, and the scope is limited to certain settings");
    golden.put(Explanations.outOfScope(ScopeDimension.INDICATION, KNEE, KNOWN),
        "The scope does not cover the clinical indication INJURY");
    golden.put(Explanations.outOfScope(ScopeDimension.INDICATION, KNEE, UNKNOWN),
        "The request gives no clinical indication, and the scope is limited to certain indications");
    golden.put(Explanations.outOfScope(ScopeDimension.CONTRAST, KNEE, KNOWN),
        "The scope does not allow examinations with contrast");
    golden.put(Explanations.outOfScope(ScopeDimension.URGENCY, KNEE, KNOWN),
        "The scope does not cover urgent requests");
    golden.put(Explanations.outOfScope(ScopeDimension.URGENCY, KNEE, UNKNOWN),
        "The scope does not cover routine requests");
    golden.put(Explanations.notCoveredByAgreement(AgreementId.of("AGR-1"), TestTrust.TRUST_B,
            Modality.CT, Optional.of(SiteId.of("SITE-Y"))),
        "Agreement AGR-1 recognising entitlements of employer RB2 does not cover CT at site SITE-Y");
    golden.put(Explanations.notCoveredByAgreement(AgreementId.of("AGR-1"), TestTrust.TRUST_B,
            Modality.MRI, Optional.empty()),
        "Agreement AGR-1 recognising entitlements of employer RB2 does not cover MRI at an unnamed site");
    golden.put(Explanations.missingBirthDate(),
        "The request gives no patient birth date, which an age-dependent check needs");
    golden.put(Explanations.missingPregnancyStatus(),
        "The procedures require a pregnancy enquiry for this examination, and the request gives no answer");
    golden.put(Explanations.missingClinicalInformation(ClinicalInformationItem.RENAL_FUNCTION, Modality.CT),
        "The procedures require renal function for CT requests, and the request does not give it");
    golden.put(Explanations.birthDateAfterRequest(),
        "The request gives a patient birth date after the date of the request, from which no age can be"
            + " reckoned");
    golden.put(Explanations.implausiblePatientAge(),
        "The request gives a patient birth date more than 150 years before the date of the request,"
            + " which cannot be right");
    golden.put(Explanations.unknownExamination(ExaminationCode.of("NOSUCH")),
        "The examination code NOSUCH is not in the catalogue");
    golden.put(Explanations.unknownEmployer(TestTrust.TRUST_B),
        "The imaging employer RB2 is not known to the register");
    golden.put(Explanations.noProcedures(TestTrust.TRUST_B),
        "The written procedures of employer RB2 cannot be read");
    golden.put(Explanations.storeUnavailable("the entitlement store"),
        "The register could not be read: the entitlement store");
    golden.put(Explanations.snapshotTooStale(Duration.ofSeconds(16 * 60 + 3),
            Instant.parse("2026-03-10T08:00:00.250Z"), Duration.ofMinutes(15)),
        "The register could not be reached for 16 min 3 s, longer than the 15 min a decision may"
            + " rest on the last snapshot (of 2026-03-10T08:00:00Z), so none was made");
    golden.put(Explanations.requestDateOutOfRange(Instant.MAX, ZoneId.of("Europe/London")),
        "The instant of the request, +1000000000-12-31T23:59:59.999999999Z, has no representable date"
            + " in the imaging employer's zone Europe/London");
    golden.put(Explanations.evaluationFailed(new IllegalStateException("with patient details")),
        "The engine failed while evaluating the request (java.lang.IllegalStateException), so the"
            + " request is refused");

    golden.forEach((reason, message) -> assertThat(reason.message()).as("%s", reason.code()).isEqualTo(message));
    assertThat(golden.keySet().stream().map(Reason::code).collect(Collectors.toSet()))
        .as("codes worded").isEqualTo(EnumSet.allOf(ReasonCode.class));
  }

  @Test
  void everyReasonCodesSummaryIsAsItAlwaysHasBeen() {
    Map<ReasonCode, String> golden = new EnumMap<>(ReasonCode.class);
    golden.put(ReasonCode.NOT_ENTITLED_AT_EMPLOYER, "No current entitlement at the imaging employer");
    golden.put(ReasonCode.ENTITLEMENT_NOT_YET_ACTIVE, "The entitlement is not yet active");
    golden.put(ReasonCode.ENTITLEMENT_SUSPENDED, "The entitlement is suspended");
    golden.put(ReasonCode.ENTITLEMENT_REVOKED, "The entitlement has been revoked");
    golden.put(ReasonCode.ENTITLEMENT_EXPIRED, "The entitlement has expired");
    golden.put(ReasonCode.ENTITLEMENT_ENDED, "The entitlement has ended");
    golden.put(ReasonCode.REGISTRATION_NOT_CURRENT, "The professional registration is not current");
    golden.put(ReasonCode.TRAINING_MISSING, "Required training is not recorded");
    golden.put(ReasonCode.TRAINING_EXPIRED, "Required training has expired");
    golden.put(ReasonCode.OUT_OF_SCOPE_MODALITY, "The modality is outside the scope");
    golden.put(ReasonCode.OUT_OF_SCOPE_EXAMINATION, "The examination is outside the scope");
    golden.put(ReasonCode.OUT_OF_SCOPE_AGE, "The patient's age is outside the scope");
    golden.put(ReasonCode.OUT_OF_SCOPE_PREGNANCY, "The scope excludes patients who are or may be pregnant");
    golden.put(ReasonCode.OUT_OF_SCOPE_SETTING, "The setting is outside the scope");
    golden.put(ReasonCode.OUT_OF_SCOPE_INDICATION, "The clinical indication is outside the scope");
    golden.put(ReasonCode.OUT_OF_SCOPE_CONTRAST, "The scope does not allow contrast");
    golden.put(ReasonCode.OUT_OF_SCOPE_URGENCY, "The urgency is outside the scope");
    golden.put(ReasonCode.NOT_COVERED_BY_AGREEMENT, "The shared-responsibility agreement does not cover this request");
    golden.put(ReasonCode.MISSING_PATIENT_BIRTH_DATE, "The patient's birth date is missing");
    golden.put(ReasonCode.MISSING_PREGNANCY_STATUS, "The pregnancy status is missing");
    golden.put(ReasonCode.MISSING_CLINICAL_INFORMATION, "Required clinical information is missing");
    golden.put(ReasonCode.BIRTH_DATE_AFTER_REQUEST, "The patient's birth date is after the date of the request");
    golden.put(ReasonCode.IMPLAUSIBLE_PATIENT_AGE, "The patient's birth date gives an age no one can have");
    golden.put(ReasonCode.UNKNOWN_EXAMINATION, "The examination code is not in the catalogue");
    golden.put(ReasonCode.DATA_UNAVAILABLE, "Data needed for the decision is unavailable");
    golden.put(ReasonCode.REQUEST_DATE_OUT_OF_RANGE,
        "The instant of the request has no representable date in the employer's time zone");
    golden.put(ReasonCode.EVALUATION_FAILED, "The engine failed while evaluating the request");

    assertThat(golden.keySet()).isEqualTo(EnumSet.allOf(ReasonCode.class));
    golden.forEach((code, summary) -> assertThat(code.summary()).as("%s", code).isEqualTo(summary));
  }

  @Test
  void everyWarningCodeIsWordedAsItAlwaysHasBeen() {
    Map<Warning, String> golden = new LinkedHashMap<>();
    golden.put(Explanations.trainingInGrace(TrainingType.IRMER_REFERRER, DAY, 29),
        "Required IRMER_REFERRER training expired at the end of 2026-03-10; 29 days of grace left");
    golden.put(Explanations.reviewDue(entitlement, LocalDate.of(2026, 3, 1)),
        "Entitlement ENT-1 was due for review on 2026-03-01");
    golden.put(Explanations.snapshotStale(Duration.ofSeconds(192), Instant.parse("2026-03-10T08:00:00.250Z")),
        "The register could not be reached for 3 min 12 s; decided on the snapshot of 2026-03-10T08:00:00Z");

    golden.forEach((warning, message) -> assertThat(warning.message()).as("%s", warning.code()).isEqualTo(message));
    Set<WarningCode> worded = golden.keySet().stream().map(Warning::code).collect(Collectors.toSet());
    assertThat(worded).isEqualTo(EnumSet.allOf(WarningCode.class));
  }

  @Test
  void durationsAreWordedInTheirTwoLargestUnits() {
    assertThat(Explanations.inWords(Duration.ofMillis(999))).isEqualTo("0 s");
    assertThat(Explanations.inWords(Duration.ofSeconds(45))).isEqualTo("45 s");
    assertThat(Explanations.inWords(Duration.ofSeconds(192))).isEqualTo("3 min 12 s");
    assertThat(Explanations.inWords(Duration.ofMinutes(15))).isEqualTo("15 min");
    assertThat(Explanations.inWords(Duration.ofSeconds(3_900 + 59))).isEqualTo("1 h 5 min");
    assertThat(Explanations.inWords(Duration.ofHours(51).plusMinutes(7))).isEqualTo("2 d 3 h");
    assertThat(Explanations.inWords(Duration.ofSeconds(-5))).isEqualTo("0 s");
  }

  @Test
  void noticesOfLapsedTrainingAreWordedAsTheyAlwaysHaveBeen() {
    assertThat(Explanations.trainingLapsedNotice(TrainingType.REFERRAL_GUIDELINES, Optional.of(DAY)).message())
        .isEqualTo("Required REFERRAL_GUIDELINES training expired at the end of 2026-03-10");
    assertThat(Explanations.trainingLapsedNotice(TrainingType.REFERRAL_GUIDELINES, Optional.empty()).message())
        .isEqualTo("The referrer has no record of required REFERRAL_GUIDELINES training");
  }

  private Reason status(EntitlementStatus status, LocalDate day) {
    return Explanations.statusReason(Entitlement.builder().from(entitlement).status(status).build(), day)
        .orElseThrow();
  }
}
