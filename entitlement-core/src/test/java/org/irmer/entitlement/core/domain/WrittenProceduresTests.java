package org.irmer.entitlement.core.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.Period;
import org.junit.jupiter.api.Test;

/**
 * Written procedures carry the defaults of the 2025 joint guidance where it gives one (principle 8;
 * DOMAIN.md section 4), and refuse numbers that make no sense.
 */
class WrittenProceduresTests {

  private static WrittenProcedures.Builder minimal() {
    return WrittenProcedures.builder()
        .employer(EmployerId.of("RX1"))
        .version(1)
        .effectiveFrom(LocalDate.of(2026, 1, 1));
  }

  @Test
  void defaultsToTheNumbersOfTheGuidance() {
    WrittenProcedures procedures = minimal().build();

    assertThat(procedures.entitlementValidity()).isEqualTo(Period.ofYears(3));
    assertThat(procedures.reviewInterval()).isEqualTo(Period.ofYears(1));
    assertThat(procedures.auditInterval()).isEqualTo(Period.ofYears(2));
    assertThat(procedures.auditGraceDays()).isEqualTo(30);
    assertThat(procedures.minimumRequestsPerYear()).isEqualTo(5);
    assertThat(procedures.minimumPostRegistrationExperience()).isEqualTo(Period.ofYears(2));
    assertThat(procedures.nonComplianceThreshold()).isEqualTo(3);
    assertThat(procedures.nonComplianceWindow()).isEqualTo(Period.ofMonths(12));
    assertThat(procedures.nonComplianceAction()).isEqualTo(NonComplianceAction.REVIEW);
    assertThat(procedures.trainingRequirements()).isEmpty();
    assertThat(procedures.recordVersion()).isZero();
    assertThat(procedures.taskResponseDays()).isEqualTo(28);
    assertThat(procedures.validityEndingNotice()).isEqualTo(Period.ofMonths(3));
    assertThat(procedures.applicationDecisionWorkingDays()).isEqualTo(10);
    assertThat(procedures.applicationTotalDays()).isEqualTo(28);
    assertThat(procedures.nonWorkingDays()).isEmpty();
    assertThat(procedures.nextAuditDue(LocalDate.of(2026, 2, 28)))
        .isEqualTo(LocalDate.of(2028, 2, 28));
  }

  @Test
  void refusesTaskAndApplicationTargetsThatMakeNoSense() {
    assertThatThrownBy(() -> minimal().taskResponseDays(0).build())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("task response");
    assertThatThrownBy(() -> minimal().validityEndingNotice(Period.ofDays(-1)).build())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("validity ending");
    assertThatThrownBy(() -> minimal().applicationDecisionWorkingDays(0).build())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("decision target");
    assertThatThrownBy(() -> minimal().applicationTotalDays(0).build())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("total target");
  }

  @Test
  void asksByDefaultAboutPregnancyFromTenToFiftyFiveInclusive() {
    PregnancyEnquiryRule enquiry = minimal().build().pregnancyEnquiry();

    assertThat(enquiry.appliesToAge(9)).isFalse();
    assertThat(enquiry.appliesToAge(10)).isTrue();
    assertThat(enquiry.appliesToAge(55)).isTrue();
    assertThat(enquiry.appliesToAge(56)).isFalse();
    assertThat(enquiry.appliesToSex(Sex.MALE)).isFalse();
    assertThat(enquiry.appliesToSex(Sex.UNKNOWN)).isTrue();
    assertThat(enquiry.alwaysModalities()).contains(Modality.NUCLEAR_MEDICINE);
  }

  @Test
  void requiresByDefaultAClinicalQuestionAlwaysAndRenalFunctionForContrastCtOnly() {
    var required = minimal().build().clinicalInformation();

    assertThat(required).filteredOn(r -> r.appliesTo(Modality.PLAIN_RADIOGRAPHY, false))
        .extracting(ClinicalInformationRequirement::item)
        .containsExactly(ClinicalInformationItem.CLINICAL_QUESTION);
    assertThat(required).filteredOn(r -> r.appliesTo(Modality.CT, false))
        .extracting(ClinicalInformationRequirement::item)
        .containsExactly(ClinicalInformationItem.CLINICAL_QUESTION);
    assertThat(required).filteredOn(r -> r.appliesTo(Modality.CT, true))
        .extracting(ClinicalInformationRequirement::item)
        .containsExactly(ClinicalInformationItem.CLINICAL_QUESTION,
            ClinicalInformationItem.RENAL_FUNCTION);
    assertThat(required).filteredOn(r -> r.appliesTo(Modality.MRI, true))
        .extracting(ClinicalInformationRequirement::item)
        .containsExactly(ClinicalInformationItem.CLINICAL_QUESTION);
  }

  @Test
  void listsTheTrainingAModalityNeedsInTheOrderTheProceduresGiveIt() {
    TrainingRequirement everyModality = TrainingRequirement.builder()
        .training(TrainingType.IRMER_REFERRER).build();
    TrainingRequirement mriOnly = TrainingRequirement.builder()
        .training(TrainingType.MRI_SAFETY).addModality(Modality.MRI)
        .lapsePolicy(TrainingLapsePolicy.NOTIFY_ONLY).build();
    WrittenProcedures procedures = minimal()
        .addTrainingRequirements(mriOnly, everyModality).build();

    assertThat(procedures.trainingFor(Modality.MRI)).containsExactly(mriOnly, everyModality);
    assertThat(procedures.trainingFor(Modality.CT)).containsExactly(everyModality);
    assertThat(everyModality.lapsePolicy()).isEqualTo(TrainingLapsePolicy.BLOCK);
  }

  @Test
  void refusesAVersionBelowOne() {
    assertThatThrownBy(() -> minimal().version(0).build())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("start at 1");
  }

  @Test
  void refusesPeriodsThatAreZeroOrNegative() {
    assertThatThrownBy(() -> minimal().entitlementValidity(Period.ZERO).build())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("validity");
    assertThatThrownBy(() -> minimal().reviewInterval(Period.ofDays(-1)).build())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("review");
    assertThatThrownBy(() -> minimal().auditInterval(Period.ZERO).build())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("audit interval");
    assertThatThrownBy(() -> minimal().nonComplianceWindow(Period.ZERO).build())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("window");
    assertThatThrownBy(() -> minimal().minimumPostRegistrationExperience(Period.ofYears(-1)).build())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("experience");
  }

  @Test
  void refusesNegativeCountsAndAThresholdBelowOne() {
    assertThatThrownBy(() -> minimal().auditGraceDays(-1).build())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("grace");
    assertThatThrownBy(() -> minimal().minimumRequestsPerYear(-1).build())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("activity");
    assertThatThrownBy(() -> minimal().nonComplianceThreshold(0).build())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("threshold");
  }

  @Test
  void acceptsTheSmallestSensibleNumbers() {
    WrittenProcedures procedures = minimal().auditGraceDays(0).minimumRequestsPerYear(0)
        .nonComplianceThreshold(1).minimumPostRegistrationExperience(Period.ZERO)
        .entitlementValidity(Period.ofDays(1)).build();

    assertThat(procedures.nonComplianceThreshold()).isEqualTo(1);
    assertThat(procedures.minimumPostRegistrationExperience()).isEqualTo(Period.ZERO);
  }

  @Test
  void refusesAPregnancyEnquiryBandOutOfOrder() {
    assertThatThrownBy(() -> PregnancyEnquiryRule.builder().minAge(56).maxAge(55).build())
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> PregnancyEnquiryRule.builder().minAge(-1).build())
        .isInstanceOf(IllegalStateException.class);
  }
}
