package org.irmer.entitlement.testkit;

import static com.google.common.base.Preconditions.checkArgument;
import static org.quicktheories.generators.SourceDSL.integers;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import java.util.Optional;
import org.irmer.entitlement.core.domain.BodyRegion;
import org.irmer.entitlement.core.domain.BodyRegionTree;
import org.irmer.entitlement.core.domain.CareSetting;
import org.irmer.entitlement.core.domain.Examination;
import org.irmer.entitlement.core.domain.ExaminationCode;
import org.irmer.entitlement.core.domain.IndicationCode;
import org.irmer.entitlement.core.domain.PregnancyConstraint;
import org.irmer.entitlement.core.domain.Scope;
import org.irmer.entitlement.core.domain.ScopeRule;
import org.irmer.entitlement.core.domain.TrainingType;
import org.irmer.entitlement.core.domain.Urgency;
import org.irmer.entitlement.core.port.out.ExaminationCatalogue;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * Generators of written scopes of entitlement and their rules (principle 3; DOMAIN.md section 4)
 * over a given examination catalogue.
 *
 * <p>Each rule is built around an <em>anchor</em>, an examination of the catalogue that the rule
 * covers: the rule's modality is the anchor's; it includes the anchor's region or an ancestor of
 * it, or the anchor's code, or both, perhaps with more; its exclusions never touch the anchor (no
 * excluded region lies within, contains or equals the anchor's region, and the anchor's code is not
 * excluded); it allows contrast when the anchor has contrast. So every generated rule admits at
 * least one request of the catalogue ({@link RequestGenerators#inside}). Age bounds, when set, are
 * ordered; every other constraint may be empty (admitting everything) or not.
 */
public final class ScopeGenerators {

  private static final ImmutableList<Urgency> URGENCIES = ImmutableList.copyOf(Urgency.values());

  private ScopeGenerators() {}

  /**
   * Rules over the examinations of {@code catalogue}, with ids {@code rule-1} to {@code rule-999}.
   *
   * @throws IllegalArgumentException when the catalogue is empty
   */
  public static Gen<ScopeRule> rules(ExaminationCatalogue catalogue) {
    checkArgument(!catalogue.all().isEmpty(), "the catalogue holds no examination");
    return Gens.pick(catalogue.all()).flatMap(anchor -> rulesAround(anchor, catalogue));
  }

  /**
   * Scopes of one to five rules over {@code catalogue}, with versions from 1 and rule ids {@code
   * rule-1}, {@code rule-2}... unique within the scope.
   *
   * @throws IllegalArgumentException when the catalogue is empty
   */
  public static Gen<Scope> scopes(ExaminationCatalogue catalogue) {
    return integers()
        .between(1, 20)
        .zip(
            Gens.listOf(rules(catalogue), 1, 5),
            (version, rules) -> {
              Scope.Builder scope = Scope.builder().version(version);
              for (int i = 0; i < rules.size(); i++) {
                scope.addRule(ScopeRule.builder().from(rules.get(i)).id("rule-" + (i + 1)).build());
              }
              return scope.build();
            });
  }

  private static Gen<ScopeRule> rulesAround(Examination anchor, ExaminationCatalogue catalogue) {
    BodyRegionTree tree = catalogue.regions();
    ImmutableList<ExaminationCode> sameModality =
        catalogue.all().stream()
            .filter(examination -> examination.modality() == anchor.modality())
            .map(Examination::code)
            .collect(ImmutableList.toImmutableList());
    ImmutableList<ExaminationCode> others =
        sameModality.stream()
            .filter(code -> !code.equals(anchor.code()))
            .collect(ImmutableList.toImmutableList());
    Gen<Integer> ids = integers().between(1, 999);
    Gen<Integer> inclusionModes = integers().between(0, 2);
    Gen<BodyRegion> anchorRegions = Gens.pick(ancestorsOrSelf(tree, anchor.region()));
    Gen<ImmutableSet<BodyRegion>> moreRegions = Gens.subsetOf(tree.regions(), 1);
    Gen<ImmutableSet<ExaminationCode>> moreCodes = Gens.subsetOf(sameModality, 2);
    Gen<ImmutableSet<ExaminationCode>> excludedCodes = Gens.subsetOf(others, 2);
    Gen<Optional<Integer>> minAges = integers().between(0, 80).toOptionals(50);
    Gen<Optional<Integer>> ageSpans = integers().between(0, 60).toOptionals(50);
    Gen<PregnancyConstraint> pregnancies = Generate.enumValues(PregnancyConstraint.class);
    Gen<ImmutableSet<CareSetting>> settings = Gens.setOf(DomainGenerators.careSettings(), 3);
    Gen<ImmutableSet<IndicationCode>> indications =
        Gens.setOf(DomainGenerators.indicationCodes(), 3);
    Gen<Boolean> contrasts = Generate.booleans();
    Gen<ImmutableSet<Urgency>> urgencies = Gens.subsetOf(URGENCIES, 4);
    Gen<ImmutableSet<TrainingType>> training = Gens.setOf(DomainGenerators.trainingTypes(), 2);
    return in -> {
      int mode = inclusionModes.generate(in);
      ImmutableSet<BodyRegion> includedRegions =
          mode == 1
              ? ImmutableSet.of()
              : ImmutableSet.<BodyRegion>builder()
                  .add(anchorRegions.generate(in))
                  .addAll(moreRegions.generate(in))
                  .build();
      ImmutableSet<ExaminationCode> includedCodes =
          mode == 0
              ? ImmutableSet.of()
              : ImmutableSet.<ExaminationCode>builder()
                  .add(anchor.code())
                  .addAll(moreCodes.generate(in))
                  .build();
      ImmutableList<BodyRegion> excludable =
          tree.regions().stream()
              .filter(region -> !tree.overlaps(region, anchor.region()))
              .filter(region -> includedRegions.stream().anyMatch(r -> tree.isWithin(region, r)))
              .collect(ImmutableList.toImmutableList());
      Optional<Integer> minAge = minAges.generate(in);
      Optional<Integer> maxAge = ageSpans.generate(in).map(span -> minAge.orElse(0) + span);
      return ScopeRule.builder()
          .id("rule-" + ids.generate(in))
          .modality(anchor.modality())
          .includedRegions(includedRegions)
          .includedExaminations(includedCodes)
          .excludedRegions(Gens.subsetOf(excludable, 2).generate(in))
          .excludedExaminations(excludedCodes.generate(in))
          .minAge(minAge)
          .maxAge(maxAge)
          .pregnancy(pregnancies.generate(in))
          .settings(settings.generate(in))
          .indications(indications.generate(in))
          .contrastAllowed(anchor.contrast() || contrasts.generate(in))
          .urgencies(urgencies.generate(in))
          .requiredTraining(training.generate(in))
          .build();
    };
  }

  private static ImmutableList<BodyRegion> ancestorsOrSelf(BodyRegionTree tree, BodyRegion region) {
    ImmutableList.Builder<BodyRegion> path = ImmutableList.builder();
    Optional<BodyRegion> current = Optional.of(region);
    while (current.isPresent()) {
      path.add(current.get());
      current = tree.parentOf(current.get());
    }
    return path.build();
  }
}
