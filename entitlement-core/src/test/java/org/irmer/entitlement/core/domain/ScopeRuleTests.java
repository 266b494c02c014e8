package org.irmer.entitlement.core.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/**
 * The invariants of a scope rule and of a scope (principle 3): a rule includes something, its age
 * bounds are ordered and not negative, an unset constraint admits everything, and rule ids are
 * unique within their scope.
 */
class ScopeRuleTests {

  private static ScopeRule.Builder kneeXray() {
    return ScopeRule.builder().id("XR-KNEE").modality(Modality.PLAIN_RADIOGRAPHY)
        .addIncludedRegion(BodyRegion.KNEE);
  }

  @Test
  void aRuleWithNoConstraintAdmitsEverythingOnEveryOtherDimension() {
    ScopeRule rule = kneeXray().build();

    assertThat(rule.minAge()).isEmpty();
    assertThat(rule.maxAge()).isEmpty();
    assertThat(rule.isAgeDependent()).isFalse();
    assertThat(rule.pregnancy()).isEqualTo(PregnancyConstraint.ALLOWED);
    assertThat(rule.settings()).isEmpty();
    assertThat(rule.indications()).isEmpty();
    assertThat(rule.urgencies()).isEmpty();
    assertThat(rule.contrastAllowed()).isFalse();
    assertThat(rule.requiredTraining()).isEmpty();
  }

  @Test
  void aRuleMustIncludeARegionOrAnExamination() {
    assertThatThrownBy(() -> ScopeRule.builder().id("EMPTY").modality(Modality.CT)
        .addExcludedRegion(BodyRegion.HEAD).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("EMPTY");
    assertThat(ScopeRule.builder().id("ONE-EXAM").modality(Modality.CT)
        .addIncludedExamination(ExaminationCode.of("CHEAD")).build().includedRegions()).isEmpty();
  }

  @Test
  void eitherAgeBoundMakesTheRuleAgeDependent() {
    assertThat(kneeXray().minAge(18).build().isAgeDependent()).isTrue();
    assertThat(kneeXray().maxAge(17).build().isAgeDependent()).isTrue();
  }

  @Test
  void acceptsAnAgeBandOfOneYear() {
    ScopeRule rule = kneeXray().minAge(16).maxAge(16).build();

    assertThat(rule.minAge()).contains(16);
    assertThat(rule.maxAge()).contains(16);
  }

  @Test
  void refusesAgeBoundsOutOfOrderOrNegative() {
    assertThatThrownBy(() -> kneeXray().minAge(18).maxAge(17).build())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("above maxAge");
    assertThatThrownBy(() -> kneeXray().minAge(-1).build())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("negative");
    assertThatThrownBy(() -> kneeXray().maxAge(-1).build())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("negative");
  }

  @Test
  void refusesABlankIdOrOneWithSurroundingWhiteSpace() {
    assertThatThrownBy(() -> kneeXray().id(" ").build()).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> kneeXray().id(" XR").build()).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aScopeHoldsAtLeastOneRuleAndStartsAtVersionOne() {
    assertThatThrownBy(() -> Scope.builder().version(1).build())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("at least one rule");
    assertThatThrownBy(() -> Scope.builder().version(0).addRule(kneeXray().build()).build())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("start at 1");
  }

  @Test
  void aScopeRefusesTwoRulesWithTheSameId() {
    ScopeRule knee = kneeXray().build();
    ScopeRule sameIdOtherModality = kneeXray().modality(Modality.MRI).build();

    assertThatThrownBy(() -> Scope.builder().version(1).addRules(knee, sameIdOtherModality).build())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("XR-KNEE");
  }
}
