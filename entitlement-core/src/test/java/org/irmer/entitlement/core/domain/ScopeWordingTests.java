package org.irmer.entitlement.core.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A written scope in plain English (principle 3): each dimension a rule constrains is said, in
 * the order of the rule, and none it leaves open.
 */
class ScopeWordingTests {

  private static ScopeRule.Builder limbs() {
    return ScopeRule.builder().id("limbs").modality(Modality.PLAIN_RADIOGRAPHY)
        .addIncludedRegions(BodyRegion.UPPER_LIMB, BodyRegion.LOWER_LIMB);
  }

  @Test
  void saysTheRegionsExclusionsAgeAndSettingOfARule() {
    ScopeRule rule = limbs().addExcludedRegions(BodyRegion.ELBOW, BodyRegion.KNEE, BodyRegion.FEMUR)
        .minAge(5).addSetting(CareSetting.of("MIU")).build();

    assertThat(ScopeWording.rule(rule)).isEqualTo("plain radiography of the upper limb and the lower"
        + " limb, except the elbow, the knee and the femur, for patients aged 5 and over, in the minor"
        + " injuries unit");
  }

  @Test
  void aRuleWithNoConstraintIsOnlyItsModalityAndWhatItCovers() {
    assertThat(ScopeWording.rule(limbs().build()))
        .isEqualTo("plain radiography of the upper limb and the lower limb");
  }

  @Test
  void saysEveryOtherConstraintWhenTheRuleHasIt() {
    ScopeRule rule = ScopeRule.builder().id("ct").modality(Modality.CT)
        .addIncludedExamination(ExaminationCode.of("CHEAD")).minAge(16).maxAge(64)
        .pregnancy(PregnancyConstraint.EXCLUDED)
        .addSettings(CareSetting.at("ED", SiteId.of("GEN")), CareSetting.of("CLINIC_B"))
        .addIndication(IndicationCode.of("HEAD_INJURY")).contrastAllowed(true)
        .addUrgencies(Urgency.URGENT).addRequiredTraining(TrainingType.CONTRAST_SAFETY).build();

    assertThat(ScopeWording.rule(rule)).isEqualTo("CT of examination CHEAD, for patients aged 16 to"
        + " 64, not for patients who are or may be pregnant, in the emergency department at GEN or the"
        + " clinic b, for head injury, with contrast where needed, urgent requests only, with contrast"
        + " safety training");
  }

  @Test
  void anUpperAgeBoundAloneReadsAsUpTo() {
    assertThat(ScopeWording.rule(limbs().maxAge(15).build())).endsWith("for patients aged up to 15");
  }

  @Test
  void aScopeIsOnePhrasePerRuleNamedByItsId() {
    Scope scope = Scope.builder().version(1).addRules(limbs().build(),
        ScopeRule.builder().id("chest").modality(Modality.PLAIN_RADIOGRAPHY)
            .addIncludedRegion(BodyRegion.CHEST).build()).build();

    assertThat(ScopeWording.scope(scope)).containsExactly(
        "limbs: plain radiography of the upper limb and the lower limb",
        "chest: plain radiography of the chest");
  }

  @Test
  void joinsListsAsProseAndMakesSentences() {
    assertThat(ScopeWording.and(List.of())).isEmpty();
    assertThat(ScopeWording.and(List.of("a"))).isEqualTo("a");
    assertThat(ScopeWording.and(List.of("a", "b"))).isEqualTo("a and b");
    assertThat(ScopeWording.or(List.of("a", "b", "c"))).isEqualTo("a, b or c");
    assertThat(ScopeWording.sentence("plain radiography of the chest"))
        .isEqualTo("Plain radiography of the chest.");
    assertThat(ScopeWording.sentence("done.")).isEqualTo("Done.");
  }

  @Test
  void namesProfessionsAndTrainingInWords() {
    assertThat(ScopeWording.profession(Profession.OCCUPATIONAL_THERAPIST))
        .isEqualTo("occupational therapist");
    assertThat(ScopeWording.training(TrainingType.IRMER_REFERRER)).isEqualTo("IR(ME)R referrer");
    assertThat(ScopeWording.training(TrainingType.of("MANUAL_HANDLING"))).isEqualTo("manual handling");
  }
}
