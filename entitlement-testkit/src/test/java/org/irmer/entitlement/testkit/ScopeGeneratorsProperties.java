package org.irmer.entitlement.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.irmer.entitlement.testkit.GeneratorAssertions.everyValue;

import java.time.ZoneOffset;
import java.util.stream.Collectors;
import org.irmer.entitlement.core.domain.BodyRegionTree;
import org.irmer.entitlement.core.domain.Scope;
import org.irmer.entitlement.core.domain.ScopeRule;
import org.irmer.entitlement.core.port.out.ExaminationCatalogue;
import org.junit.jupiter.api.Test;
import org.quicktheories.api.Pair;
import org.quicktheories.core.Gen;

class ScopeGeneratorsProperties {

  private static final ExaminationCatalogue COMPLETE =
      ExaminationCatalogues.complete(BodyRegionTree.standard());

  @Test
  void rulesHaveOrderedAgeBoundsAndIncludeSomething() {
    everyValue(
        ScopeGenerators.rules(COMPLETE),
        rule -> {
          assertThat(rule.includedRegions().size() + rule.includedExaminations().size())
              .isPositive();
          rule.minAge().ifPresent(min -> assertThat(min).isNotNegative());
          rule.maxAge()
              .ifPresent(max -> assertThat(max).isGreaterThanOrEqualTo(rule.minAge().orElse(0)));
          assertThat(ScopeRule.builder().from(rule).build()).isEqualTo(rule);
        });
  }

  @Test
  void everyRuleAdmitsSomeExaminationOfItsCatalogue() {
    everyValue(
        rulesOverRandomCatalogues(),
        pair -> {
          ExaminationCatalogue catalogue = pair._1;
          ScopeRule rule = pair._2;
          ScopeOracle oracle = new ScopeOracle(catalogue, ZoneOffset.UTC);
          assertThat(catalogue.all())
              .anyMatch(
                  exam ->
                      exam.modality() == rule.modality()
                          && (rule.contrastAllowed() || !exam.contrast())
                          && oracle.coversExamination(rule, exam));
        });
  }

  @Test
  void exclusionsOfRulesNeverLieAboveTheExaminationsTheyAreBuiltAround() {
    everyValue(
        ScopeGenerators.rules(COMPLETE),
        rule -> {
          ScopeOracle oracle = new ScopeOracle(COMPLETE, ZoneOffset.UTC);
          assertThat(COMPLETE.all())
              .anyMatch(
                  exam ->
                      exam.modality() == rule.modality()
                          && oracle.coversExamination(rule, exam)
                          && !oracle.touchesExclusionFromAbove(rule, exam));
        });
  }

  @Test
  void scopesNumberTheirRulesUniquely() {
    everyValue(
        ScopeGenerators.scopes(COMPLETE),
        scope -> {
          assertThat(scope.version()).isPositive();
          assertThat(scope.rules()).isNotEmpty();
          assertThat(scope.rules().stream().map(ScopeRule::id).collect(Collectors.toList()))
              .doesNotHaveDuplicates()
              .allMatch(id -> id.matches("rule-[1-5]"));
          assertThat(Scope.builder().from(scope).build()).isEqualTo(scope);
        });
  }

  private static Gen<Pair<ExaminationCatalogue, ScopeRule>> rulesOverRandomCatalogues() {
    return CatalogueGenerators.regionTrees()
        .flatMap(tree -> CatalogueGenerators.catalogues(tree))
        .flatMap(
            catalogue -> ScopeGenerators.rules(catalogue).map(rule -> Pair.of(catalogue, rule)));
  }
}
