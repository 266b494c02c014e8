package org.irmer.entitlement.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.irmer.entitlement.testkit.GeneratorAssertions.everyValue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import com.google.common.collect.Sets;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.irmer.entitlement.core.domain.ScopeDimension;
import org.irmer.entitlement.core.domain.BodyRegionTree;
import org.irmer.entitlement.core.domain.ClinicalInformationItem;
import org.irmer.entitlement.core.domain.Examination;
import org.irmer.entitlement.core.domain.Modality;
import org.irmer.entitlement.core.domain.Patient;
import org.irmer.entitlement.core.domain.PregnancyConstraint;
import org.irmer.entitlement.core.domain.PregnancyStatus;
import org.irmer.entitlement.core.domain.ReferralRequest;
import org.irmer.entitlement.core.domain.Scope;
import org.irmer.entitlement.core.domain.ScopeRule;
import org.irmer.entitlement.core.domain.Sex;
import org.irmer.entitlement.core.domain.Urgency;
import org.irmer.entitlement.core.port.out.ExaminationCatalogue;
import org.junit.jupiter.api.Test;
import org.quicktheories.api.Pair;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

class RequestGeneratorsProperties {

  private static final ExaminationCatalogue COMPLETE =
      ExaminationCatalogues.complete(BodyRegionTree.standard());

  /** A rule, a target, and a request aimed at the rule. */
  private record Aimed(RequestTarget target, ScopeRule rule, ReferralRequest request) {}

  /** A rule, a target, and one request just outside the rule on each of its boundaries. */
  private record Outside(
      RequestTarget target,
      ScopeRule rule,
      ImmutableMap<ScopeDimension, ReferralRequest> requests) {}

  @Test
  void insideRequestsSatisfyEveryDimensionOfTheirRule() {
    everyValue(
        inside(Generate.constant(COMPLETE)),
        aimed -> {
          assertThat(oracle(aimed.target()).failures(aimed.rule(), aimed.request())).isEmpty();
          assertComplete(aimed.target(), aimed.request());
        });
  }

  @Test
  void insideRequestsSatisfyTheirRuleOverRandomTreesAndCatalogues() {
    everyValue(
        inside(randomCatalogues()),
        aimed -> {
          assertThat(oracle(aimed.target()).failures(aimed.rule(), aimed.request())).isEmpty();
          assertComplete(aimed.target(), aimed.request());
        });
  }

  @Test
  void insideRequestsOftenSitOnTheEdgesOfTheAgeBounds() {
    AtomicInteger onEdge = new AtomicInteger();
    everyValue(
        inside(Generate.constant(COMPLETE)),
        aimed -> {
          int age = ageOf(aimed);
          if (aimed.rule().minAge().map(min -> min == age).orElse(false)
              || aimed.rule().maxAge().map(max -> max == age).orElse(false)) {
            onEdge.incrementAndGet();
          }
        });
    assertThat(onEdge.get()).isGreaterThan(GeneratorAssertions.EXAMPLES / 10);
  }

  @Test
  void insideRequestsOfAScopeSatisfyOneOfItsRules() {
    Gen<Pair<RequestTarget, Scope>> scopes =
        RequestGenerators.targets(COMPLETE).zip(ScopeGenerators.scopes(COMPLETE), Pair::of);
    Gen<Pair<Pair<RequestTarget, Scope>, ReferralRequest>> cases =
        scopes.flatMap(
            pair ->
                RequestGenerators.inside(pair._2, pair._1).map(request -> Pair.of(pair, request)));
    everyValue(
        cases,
        aimed -> {
          RequestTarget target = aimed._1._1;
          Scope scope = aimed._1._2;
          assertThat(scope.rules())
              .anyMatch(rule -> oracle(target).failures(rule, aimed._2).isEmpty());
          assertComplete(target, aimed._2);
        });
  }

  @Test
  void justOutsideRequestsFailTheirDimensionAndNoOther() {
    Map<ScopeDimension, AtomicInteger> seen = new EnumMap<>(ScopeDimension.class);
    everyValue(
        outside(Generate.constant(COMPLETE)),
        outside -> {
          outside
              .requests()
              .forEach(
                  (dimension, request) -> {
                    assertThat(oracle(outside.target()).failures(outside.rule(), request))
                        .as("dimensions failed by a request just outside on %s", dimension)
                        .containsExactly(dimension);
                    assertComplete(outside.target(), request);
                    seen.computeIfAbsent(dimension, d -> new AtomicInteger()).incrementAndGet();
                  });
        });
    assertThat(seen.keySet()).containsExactlyInAnyOrder(ScopeDimension.values());
    assertThat(seen.values()).allMatch(count -> count.get() >= GeneratorAssertions.EXAMPLES / 10);
  }

  @Test
  void justOutsideRequestsFailOnlyTheirDimensionOverRandomTreesAndCatalogues() {
    everyValue(
        outside(randomCatalogues()),
        outside ->
            outside
                .requests()
                .forEach(
                    (dimension, request) ->
                        assertThat(oracle(outside.target()).failures(outside.rule(), request))
                            .containsExactly(dimension)));
  }

  @Test
  void justOutsideOnAgeIsBornOneDayFromTheNearestBirthDateInside() {
    everyValue(
        outside(Generate.constant(COMPLETE), EnumSet.of(ScopeDimension.AGE)),
        outside -> {
          ReferralRequest request = outside.requests().get(ScopeDimension.AGE);
          if (request != null) {
            ScopeRule rule = outside.rule();
            int age = ageOf(new Aimed(outside.target(), rule, request));
            LocalDate today = request.requestedAt().atZone(outside.target().zone()).toLocalDate();
            LocalDate birth = request.patient().flatMap(Patient::birthDate).orElseThrow();
            if (rule.minAge().map(min -> age < min).orElse(false)) {
              assertThat(age).isEqualTo(rule.minAge().get() - 1);
              assertThat(ScopeOracle.completedYears(birth.minusDays(1), today))
                  .as("born a day earlier")
                  .isEqualTo(rule.minAge().get());
            } else {
              assertThat(age).isEqualTo(rule.maxAge().orElseThrow() + 1);
              assertThat(ScopeOracle.completedYears(birth.plusDays(1), today))
                  .as("born a day later")
                  .isEqualTo(rule.maxAge().get());
            }
          }
        });
  }

  @Test
  void boundariesOverTheCompleteCatalogueAreExactlyWhatTheRuleConstrains() {
    everyValue(
        RequestGenerators.targets(COMPLETE).zip(ScopeGenerators.rules(COMPLETE), Pair::of),
        pair -> {
          ScopeRule rule = pair._2;
          ImmutableSet<ScopeDimension> boundaries = RequestGenerators.boundaries(rule, pair._1);
          assertThat(boundaries).as("every generated rule has a boundary").isNotEmpty();
          assertThat(boundaries.contains(ScopeDimension.MODALITY))
              .isEqualTo(!rule.includedRegions().isEmpty());
          assertThat(boundaries.contains(ScopeDimension.AGE))
              .isEqualTo(rule.minAge().orElse(0) > 0 || rule.maxAge().isPresent());
          assertThat(boundaries.contains(ScopeDimension.PREGNANCY))
              .isEqualTo(rule.pregnancy() == PregnancyConstraint.EXCLUDED);
          assertThat(boundaries.contains(ScopeDimension.SETTING))
              .isEqualTo(!rule.settings().isEmpty());
          assertThat(boundaries.contains(ScopeDimension.INDICATION))
              .isEqualTo(!rule.indications().isEmpty());
          assertThat(boundaries.contains(ScopeDimension.CONTRAST))
              .isEqualTo(!rule.contrastAllowed());
          assertThat(boundaries.contains(ScopeDimension.URGENCY))
              .isEqualTo(
                  !rule.urgencies().isEmpty() && rule.urgencies().size() < Urgency.values().length);
        });
  }

  @Test
  void arbitraryRequestsKeepToTheirTargetAndSometimesNameUnknownExaminations() {
    AtomicInteger unknown = new AtomicInteger();
    Gen<Pair<RequestTarget, ReferralRequest>> requests =
        RequestGenerators.targets(COMPLETE)
            .flatMap(target -> RequestGenerators.requests(target).map(r -> Pair.of(target, r)));
    everyValue(
        requests,
        pair -> {
          RequestTarget target = pair._1;
          ReferralRequest request = pair._2;
          assertThat(request.referrer()).isEqualTo(target.referrer());
          assertThat(request.employer()).isEqualTo(target.employer());
          assertThat(request.requestedAt()).isBetween(target.from(), target.to());
          request
              .patient()
              .ifPresent(
                  patient -> {
                    if (patient.sex() == Sex.MALE) {
                      assertThat(
                              patient.pregnancy().orElse(PregnancyStatus.UNKNOWN).mayBePregnant())
                          .isFalse();
                    }
                  });
          if (COMPLETE.find(request.examination()).isEmpty()) {
            unknown.incrementAndGet();
          }
        });
    assertThat(unknown.get()).isPositive();
  }

  @Test
  void patientsMayLackAnyDetailButAreNeverPregnantMen() {
    everyValue(
        RequestGenerators.patients(),
        patient -> {
          patient
              .birthDate()
              .ifPresent(
                  birth -> assertThat(birth).isAfterOrEqualTo(DomainGenerators.EARLIEST_DATE));
          if (patient.sex() == Sex.MALE) {
            assertThat(patient.pregnancy().map(PregnancyStatus::mayBePregnant))
                .isNotEqualTo(Optional.of(true));
          }
          assertThat(Patient.builder().from(patient).build()).isEqualTo(patient);
        });
  }

  @Test
  void theOraclesCountOfYearsAgreesWithPatientAgeOn() {
    qt().withExamples(GeneratorAssertions.EXAMPLES)
        .forAll(DomainGenerators.dates(), integers().between(0, 120 * 366))
        .checkAssert(
            (birth, days) ->
                assertThat(ScopeOracle.completedYears(birth, birth.plusDays(days)))
                    .isEqualTo(Patient.ageOn(birth, birth.plusDays(days))));
  }

  private static Gen<ExaminationCatalogue> randomCatalogues() {
    return CatalogueGenerators.regionTrees().flatMap(tree -> CatalogueGenerators.catalogues(tree));
  }

  private static Gen<Pair<RequestTarget, ScopeRule>> targetsAndRules(
      Gen<ExaminationCatalogue> catalogues) {
    return catalogues.flatMap(
        catalogue ->
            RequestGenerators.targets(catalogue).zip(ScopeGenerators.rules(catalogue), Pair::of));
  }

  private static Gen<Aimed> inside(Gen<ExaminationCatalogue> catalogues) {
    return targetsAndRules(catalogues)
        .flatMap(
            pair ->
                RequestGenerators.inside(pair._2, pair._1)
                    .map(request -> new Aimed(pair._1, pair._2, request)));
  }

  private static Gen<Outside> outside(Gen<ExaminationCatalogue> catalogues) {
    return outside(catalogues, EnumSet.allOf(ScopeDimension.class));
  }

  /** Cases with a request just outside on each of {@code wanted} that the rule bounds. */
  private static Gen<Outside> outside(
      Gen<ExaminationCatalogue> catalogues, Set<ScopeDimension> wanted) {
    return targetsAndRules(catalogues)
        .flatMap(pair -> justOutsideOnEveryBoundary(pair._1, pair._2, wanted));
  }

  private static Gen<Outside> justOutsideOnEveryBoundary(
      RequestTarget target, ScopeRule rule, Set<ScopeDimension> wanted) {
    ImmutableSet<ScopeDimension> dimensions =
        Sets.intersection(RequestGenerators.boundaries(rule, target), wanted).immutableCopy();
    return in -> {
      ImmutableMap.Builder<ScopeDimension, ReferralRequest> requests = ImmutableMap.builder();
      for (ScopeDimension dimension : dimensions) {
        requests.put(
            dimension, RequestGenerators.justOutside(rule, dimension, target).generate(in));
      }
      return new Outside(target, rule, requests.buildOrThrow());
    };
  }

  private static ScopeOracle oracle(RequestTarget target) {
    return new ScopeOracle(target.catalogue(), target.zone());
  }

  private static int ageOf(Aimed aimed) {
    LocalDate birth = aimed.request().patient().flatMap(Patient::birthDate).orElseThrow();
    return ScopeOracle.completedYears(
        birth, aimed.request().requestedAt().atZone(aimed.target().zone()).toLocalDate());
  }

  /**
   * The request carries everything the default procedures require, so that scope alone decides it:
   * written out here from DOMAIN.md rather than read from the generators.
   */
  private static void assertComplete(RequestTarget target, ReferralRequest request) {
    assertThat(request.referrer()).isEqualTo(target.referrer());
    assertThat(request.employer()).isEqualTo(target.employer());
    assertThat(request.requestedAt()).isBetween(target.from(), target.to());
    Examination exam = target.catalogue().find(request.examination()).orElseThrow();
    Patient patient = request.patient().orElseThrow();
    LocalDate today = request.requestedAt().atZone(target.zone()).toLocalDate();
    assertThat(patient.birthDate())
        .hasValueSatisfying(birth -> assertThat(birth).isBeforeOrEqualTo(today));
    assertThat(patient.sex()).isNotEqualTo(Sex.UNKNOWN);
    assertThat(patient.pregnancy()).isPresent().isNotEqualTo(Optional.of(PregnancyStatus.UNKNOWN));
    if (patient.sex() == Sex.MALE) {
      assertThat(patient.pregnancy()).contains(PregnancyStatus.NOT_PREGNANT);
    }
    assertThat(request.clinicalInformation()).contains(ClinicalInformationItem.CLINICAL_QUESTION);
    if (exam.modality() == Modality.CT && (request.contrast() || exam.contrast())) {
      assertThat(request.clinicalInformation()).contains(ClinicalInformationItem.RENAL_FUNCTION);
    }
  }
}
