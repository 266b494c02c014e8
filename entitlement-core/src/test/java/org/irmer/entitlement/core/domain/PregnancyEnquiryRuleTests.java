package org.irmer.entitlement.core.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Which examinations the default pregnancy enquiry covers (DOMAIN.md section 5, rule 6): ionising
 * examinations whose region overlaps the primary beam between diaphragm and knees, and nuclear
 * medicine whatever the region.
 */
class PregnancyEnquiryRuleTests {

  private static final BodyRegionTree TREE = BodyRegionTree.standard();
  private static final PregnancyEnquiryRule RULE = PregnancyEnquiryRule.defaults();

  private static Examination exam(Modality modality, BodyRegion region) {
    return Examination.builder().code(ExaminationCode.of("X")).name("exam")
        .modality(modality).region(region).build();
  }

  @Test
  void appliesToAnXrayOfARegionInTheBeam() {
    assertThat(RULE.appliesToExamination(exam(Modality.PLAIN_RADIOGRAPHY, BodyRegion.PELVIS), TREE))
        .isTrue();
    assertThat(RULE.appliesToExamination(exam(Modality.CT, BodyRegion.LUMBAR_SPINE), TREE)).isTrue();
  }

  @Test
  void appliesToAnXrayOfARegionThatContainsOneInTheBeam() {
    assertThat(RULE.appliesToExamination(exam(Modality.PLAIN_RADIOGRAPHY, BodyRegion.LOWER_LIMB), TREE))
        .as("a whole-leg film includes the hip").isTrue();
    assertThat(RULE.appliesToExamination(exam(Modality.CT, BodyRegion.WHOLE_BODY), TREE)).isTrue();
  }

  @Test
  void doesNotApplyToAnXrayOutsideTheBeamNorToNonIonisingImaging() {
    assertThat(RULE.appliesToExamination(exam(Modality.PLAIN_RADIOGRAPHY, BodyRegion.ANKLE), TREE))
        .isFalse();
    assertThat(RULE.appliesToExamination(exam(Modality.PLAIN_RADIOGRAPHY, BodyRegion.CHEST), TREE))
        .isFalse();
    assertThat(RULE.appliesToExamination(exam(Modality.MRI, BodyRegion.PELVIS), TREE)).isFalse();
    assertThat(RULE.appliesToExamination(exam(Modality.ULTRASOUND, BodyRegion.ABDOMEN), TREE))
        .isFalse();
  }

  @Test
  void alwaysAppliesToNuclearMedicineAndPetWhateverTheRegion() {
    assertThat(RULE.appliesToExamination(exam(Modality.NUCLEAR_MEDICINE, BodyRegion.NECK), TREE))
        .isTrue();
    assertThat(RULE.appliesToExamination(exam(Modality.PET, BodyRegion.HEAD), TREE)).isTrue();
  }
}
