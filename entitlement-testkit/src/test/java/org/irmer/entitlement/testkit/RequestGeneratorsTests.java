package org.irmer.entitlement.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.quicktheories.QuickTheory.qt;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.Set;
import org.irmer.entitlement.core.domain.ScopeDimension;
import org.irmer.entitlement.core.domain.BodyRegion;
import org.irmer.entitlement.core.domain.BodyRegionTree;
import org.irmer.entitlement.core.domain.CareSetting;
import org.irmer.entitlement.core.domain.ClinicalInformationItem;
import org.irmer.entitlement.core.domain.ClinicalInformationRequirement;
import org.irmer.entitlement.core.domain.Employer;
import org.irmer.entitlement.core.domain.EmployerId;
import org.irmer.entitlement.core.domain.Examination;
import org.irmer.entitlement.core.domain.ExaminationCode;
import org.irmer.entitlement.core.domain.Modality;
import org.irmer.entitlement.core.domain.Patient;
import org.irmer.entitlement.core.domain.PersonId;
import org.irmer.entitlement.core.domain.PregnancyConstraint;
import org.irmer.entitlement.core.domain.ReferralRequest;
import org.irmer.entitlement.core.domain.ScopeRule;
import org.irmer.entitlement.core.domain.Sex;
import org.irmer.entitlement.core.domain.SiteId;
import org.irmer.entitlement.core.domain.Urgency;
import org.irmer.entitlement.core.domain.WrittenProcedures;
import org.irmer.entitlement.core.port.out.ExaminationCatalogue;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/** Requests aimed at the rules of DOMAIN.md's scenarios, on fixed days. */
class RequestGeneratorsTests {

  private static final BodyRegionTree TREE = BodyRegionTree.standard();
  private static final ExaminationCatalogue CATALOGUE = ExaminationCatalogues.complete(TREE);
  private static final ZoneId LONDON = Employer.DEFAULT_ZONE;

  @Test
  void ageJustBelowAMinimumOfEighteenIsOneDayShortOfTheEighteenthBirthday() {
    RequestTarget target = targetOn(LocalDate.of(2030, 6, 15), LONDON);
    ScopeRule mriKnee = mriKnee().minAge(18).build();

    assertThat(birthDates(RequestGenerators.justOutside(mriKnee, ScopeDimension.AGE, target)))
        .containsExactly(LocalDate.of(2012, 6, 16));
  }

  @Test
  void ageJustAboveAMaximumOfSeventeenIsTheEighteenthBirthday() {
    RequestTarget target = targetOn(LocalDate.of(2030, 6, 15), LONDON);
    ScopeRule paediatric = mriKnee().maxAge(17).build();

    assertThat(birthDates(RequestGenerators.justOutside(paediatric, ScopeDimension.AGE, target)))
        .containsExactly(LocalDate.of(2012, 6, 15));
  }

  @Test
  void aChildBornOnTheLeapDayIsNotYetThreeOnTheTwentyEighthOfFebruary() {
    RequestTarget target = targetOn(LocalDate.of(2027, 2, 28), LONDON);
    ScopeRule fromThree = mriKnee().minAge(3).build();

    Set<LocalDate> births =
        birthDates(RequestGenerators.justOutside(fromThree, ScopeDimension.AGE, target));

    assertThat(births).containsExactly(LocalDate.of(2024, 2, 29));
    assertThat(Patient.ageOn(LocalDate.of(2024, 2, 29), LocalDate.of(2027, 2, 28))).isEqualTo(2);
  }

  @Test
  void theLeapDayChildIsStillInsideAMaximumOfTwoOnTheTwentyEighthOfFebruary() {
    RequestTarget target = targetOn(LocalDate.of(2027, 2, 28), LONDON);
    ScopeRule upToTwo = mriKnee().maxAge(2).build();

    assertThat(birthDates(RequestGenerators.inside(upToTwo, target)))
        .contains(LocalDate.of(2024, 2, 29))
        .allSatisfy(birth -> assertThat(birth).isAfter(LocalDate.of(2024, 2, 28)));
    assertThat(birthDates(RequestGenerators.justOutside(upToTwo, ScopeDimension.AGE, target)))
        .containsExactly(LocalDate.of(2024, 2, 28));
  }

  @Test
  void agesAreReckonedOnTheLocalDateOfTheEmployersZone() {
    // 12:00 UTC on 30 June is 02:00 on 1 July in Kiritimati (UTC+14).
    Instant noonUtc = Instant.parse("2030-06-30T12:00:00Z");
    RequestTarget target =
        RequestTarget.of(
                PersonId.of("P1"), EmployerId.of("RX1"), ZoneId.of("Pacific/Kiritimati"), CATALOGUE)
            .between(noonUtc, noonUtc);
    ScopeRule adults = mriKnee().minAge(18).build();

    assertThat(birthDates(RequestGenerators.justOutside(adults, ScopeDimension.AGE, target)))
        .containsExactly(LocalDate.of(2012, 7, 2));
  }

  @Test
  void aRuleWithoutConstraintsHasBoundariesOnlyOnModalityExaminationAndContrast() {
    ScopeRule limbs = xrLimbs().build();

    assertThat(RequestGenerators.boundaries(limbs, targetOn(LocalDate.of(2030, 1, 1), LONDON)))
        .containsExactly(
            ScopeDimension.MODALITY, ScopeDimension.EXAMINATION, ScopeDimension.CONTRAST);
  }

  @Test
  void aRuleThatAllowsContrastAndListsEveryUrgencyHasNoBoundaryOnEither() {
    ScopeRule anything = xrLimbs().contrastAllowed(true).addUrgencies(Urgency.values()).build();

    assertThat(RequestGenerators.boundaries(anything, targetOn(LocalDate.of(2030, 1, 1), LONDON)))
        .doesNotContain(ScopeDimension.CONTRAST, ScopeDimension.URGENCY);
  }

  @Test
  void justOutsideRefusesADimensionTheRuleDoesNotBound() {
    RequestTarget target = targetOn(LocalDate.of(2030, 1, 1), LONDON);

    assertThatIllegalArgumentException()
        .isThrownBy(
            () -> RequestGenerators.justOutside(xrLimbs().build(), ScopeDimension.AGE, target))
        .withMessageContaining("AGE");
  }

  @Test
  void insideRefusesARuleNoExaminationOfTheCatalogueSatisfies() {
    ScopeRule elsewhere =
        ScopeRule.builder()
            .id("elsewhere")
            .modality(Modality.CT)
            .addIncludedExamination(ExaminationCode.of("NOT-IN-THE-CATALOGUE"))
            .build();

    assertThatIllegalArgumentException()
        .isThrownBy(
            () -> RequestGenerators.inside(elsewhere, targetOn(LocalDate.of(2030, 1, 1), LONDON)))
        .withMessageContaining("elsewhere");
  }

  @Test
  void nursePractitionerLimbsExceptElbowKneeAndFemurStayClearOfTheExclusionsInside() {
    // Scenario S2: plain X-ray of the limbs except elbow, knee and femur.
    ScopeRule enp =
        xrLimbs().addExcludedRegions(BodyRegion.ELBOW, BodyRegion.KNEE, BodyRegion.FEMUR).build();
    RequestTarget target = targetOn(LocalDate.of(2030, 1, 1), LONDON);

    Set<Examination> inside = examinations(RequestGenerators.inside(enp, target));
    Set<Examination> outside =
        examinations(RequestGenerators.justOutside(enp, ScopeDimension.EXAMINATION, target));

    assertThat(inside)
        .extracting(Examination::region)
        .doesNotContain(
            BodyRegion.ELBOW,
            BodyRegion.KNEE,
            BodyRegion.FEMUR,
            BodyRegion.LOWER_LIMB,
            BodyRegion.UPPER_LIMB)
        .contains(BodyRegion.ANKLE);
    assertThat(outside)
        .allSatisfy(
            exam -> {
              assertThat(exam.modality()).isEqualTo(Modality.PLAIN_RADIOGRAPHY);
              assertThat(isExcludedOrOutsideLimbs(exam.region())).as("%s", exam.code()).isTrue();
            });
    assertThat(outside).extracting(Examination::region).contains(BodyRegion.KNEE);
  }

  private static boolean isExcludedOrOutsideLimbs(BodyRegion region) {
    return TREE.isWithin(region, BodyRegion.ELBOW)
        || TREE.isWithin(region, BodyRegion.KNEE)
        || TREE.isWithin(region, BodyRegion.FEMUR)
        || !TREE.isWithin(region, BodyRegion.UPPER_LIMB)
            && !TREE.isWithin(region, BodyRegion.LOWER_LIMB);
  }

  @Test
  void settingJustOutsideAMinorInjuriesUnitAtOneSiteIsAnotherSiteOrAnotherKind() {
    // Scenario S12: entitled for the minor injuries unit at site A only.
    CareSetting miuAtA = CareSetting.at("MIU", SiteId.of("SITE-A"));
    ScopeRule enp = xrLimbs().addSetting(miuAtA).build();
    RequestTarget target = targetOn(LocalDate.of(2030, 1, 1), LONDON);

    Set<CareSetting> settings = new HashSet<>();
    qt().withExamples(200)
        .forAll(RequestGenerators.justOutside(enp, ScopeDimension.SETTING, target))
        .checkAssert(request -> settings.add(request.setting().orElseThrow()));

    assertThat(settings)
        .noneMatch(miuAtA::admits)
        .anyMatch(setting -> setting.kind().equals("MIU"))
        .anyMatch(setting -> !setting.kind().equals("MIU"));
  }

  @Test
  void pregnancyJustOutsideIsAWomanWhoIsOrMayBePregnant() {
    ScopeRule noPregnancy = xrLimbs().pregnancy(PregnancyConstraint.EXCLUDED).minAge(16).build();
    RequestTarget target = targetOn(LocalDate.of(2030, 1, 1), LONDON);

    qt().withExamples(200)
        .forAll(RequestGenerators.justOutside(noPregnancy, ScopeDimension.PREGNANCY, target))
        .checkAssert(
            request -> {
              Patient patient = request.patient().orElseThrow();
              assertThat(patient.sex()).isEqualTo(Sex.FEMALE);
              assertThat(patient.pregnancy())
                  .hasValueSatisfying(status -> assertThat(status.mayBePregnant()).isTrue());
              assertThat(Patient.ageOn(patient.birthDate().orElseThrow(), LocalDate.of(2030, 1, 1)))
                  .isBetween(16, 50);
            });
  }

  @Test
  void contrastJustOutsideACtRuleRequestsContrastWithRenalFunction() {
    ScopeRule ctHead =
        ScopeRule.builder()
            .id("ct-head")
            .modality(Modality.CT)
            .addIncludedRegion(BodyRegion.HEAD)
            .build();
    RequestTarget target = targetOn(LocalDate.of(2030, 1, 1), LONDON);

    qt().withExamples(200)
        .forAll(RequestGenerators.justOutside(ctHead, ScopeDimension.CONTRAST, target))
        .checkAssert(
            request -> {
              assertThat(request.contrast()).isTrue();
              assertThat(request.clinicalInformation())
                  .contains(
                      ClinicalInformationItem.CLINICAL_QUESTION,
                      ClinicalInformationItem.RENAL_FUNCTION);
            });
  }

  @Test
  void requestsCarryTheClinicalInformationTheTargetsProceduresRequire() {
    WrittenProcedures procedures =
        WrittenProcedures.builder()
            .employer(EmployerId.of("RX1"))
            .version(2)
            .effectiveFrom(LocalDate.of(2025, 1, 1))
            .addClinicalInformation(
                ClinicalInformationRequirement.always(ClinicalInformationItem.CLINICAL_QUESTION),
                ClinicalInformationRequirement.builder()
                    .item(ClinicalInformationItem.IMPLANT_STATUS)
                    .addModality(Modality.MRI)
                    .build())
            .build();
    RequestTarget target = targetOn(LocalDate.of(2030, 1, 1), LONDON).withProcedures(procedures);

    qt().withExamples(200)
        .forAll(RequestGenerators.inside(mriKnee().build(), target))
        .checkAssert(
            request ->
                assertThat(request.clinicalInformation())
                    .contains(
                        ClinicalInformationItem.CLINICAL_QUESTION,
                        ClinicalInformationItem.IMPLANT_STATUS));
  }

  private static ScopeRule.Builder mriKnee() {
    return ScopeRule.builder()
        .id("mri-knee")
        .modality(Modality.MRI)
        .addIncludedRegion(BodyRegion.KNEE);
  }

  private static ScopeRule.Builder xrLimbs() {
    return ScopeRule.builder()
        .id("xr-limbs")
        .modality(Modality.PLAIN_RADIOGRAPHY)
        .addIncludedRegions(BodyRegion.UPPER_LIMB, BodyRegion.LOWER_LIMB);
  }

  /** Requests made on {@code day} in {@code zone}, from its first to its last second. */
  private static RequestTarget targetOn(LocalDate day, ZoneId zone) {
    return RequestTarget.of(PersonId.of("P1"), EmployerId.of("RX1"), zone, CATALOGUE)
        .between(
            LocalDateTime.of(day, java.time.LocalTime.MIN).atZone(zone).toInstant(),
            LocalDateTime.of(day, java.time.LocalTime.MAX).atZone(zone).toInstant());
  }

  private static Set<LocalDate> birthDates(Gen<ReferralRequest> requests) {
    Set<LocalDate> births = new HashSet<>();
    qt().withExamples(200)
        .forAll(requests)
        .checkAssert(
            request -> births.add(request.patient().flatMap(Patient::birthDate).orElseThrow()));
    return births;
  }

  private static Set<Examination> examinations(Gen<ReferralRequest> requests) {
    Set<Examination> examinations = new HashSet<>();
    qt().withExamples(300)
        .forAll(requests)
        .checkAssert(
            request -> examinations.add(CATALOGUE.find(request.examination()).orElseThrow()));
    return examinations;
  }
}
