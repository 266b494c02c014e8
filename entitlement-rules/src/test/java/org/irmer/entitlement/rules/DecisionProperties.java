package org.irmer.entitlement.rules;

import org.irmer.entitlement.core.service.StoreDecisionData;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import com.google.common.collect.ImmutableList;
import java.time.LocalDate;
import java.util.List;
import org.irmer.entitlement.core.domain.BodyRegion;
import org.irmer.entitlement.core.domain.Entitlement;
import org.irmer.entitlement.core.domain.EntitlementStatus;
import org.irmer.entitlement.core.domain.EntitlementType;
import org.irmer.entitlement.core.domain.MatchedRule;
import org.irmer.entitlement.core.domain.Outcome;
import org.irmer.entitlement.core.domain.ReferralDecision;
import org.irmer.entitlement.core.domain.ReferralRequest;
import org.irmer.entitlement.core.domain.Scope;
import org.irmer.entitlement.core.domain.ScopeRule;
import org.irmer.entitlement.core.port.out.Register;
import org.irmer.entitlement.rules.compiled.CompiledEngine;
import org.junit.jupiter.api.Test;

/**
 * Rules of DOMAIN.md section 5 that must hold for every register and request. Each example is a
 * random register drawn from a seed (see {@link RandomRegister}); QuickTheories reports the seed
 * of a failing example, which reproduces it exactly.
 */
class DecisionProperties {

  private static final int REGISTERS = 150;
  private static final int REQUESTS_PER_REGISTER = 40;

  @Test
  void theSameDecisionWhateverTheLoadingOrder() {
    qt().withExamples(REGISTERS).forAll(longs().all(), longs().all()).checkAssert((seed, shuffle) -> {
      RandomRegister random = new RandomRegister(seed);
      ReferenceEvaluator canonical = new ReferenceEvaluator(StoreDecisionData.from(random.load()));
      ReferenceEvaluator shuffled = new ReferenceEvaluator(StoreDecisionData.from(random.load(random.shuffledWrites(shuffle))));
      for (ReferralRequest request : random.requests(REQUESTS_PER_REGISTER)) {
        assertThat(shuffled.evaluate(request)).isEqualTo(canonical.evaluate(request));
      }
    });
  }

  @Test
  void theSameDecisionsWhateverOrderTheStoresReturnRowsIn() {
    qt().withExamples(REGISTERS).forAll(longs().all(), longs().all()).checkAssert((seed, shuffle) -> {
      RandomRegister random = new RandomRegister(seed);
      Register ordered = random.load();
      Register shuffled = ShuffledStores.of(ordered, shuffle);
      ReferenceEvaluator expected = new ReferenceEvaluator(StoreDecisionData.from(ordered));
      ReferenceEvaluator reference = new ReferenceEvaluator(StoreDecisionData.from(shuffled));
      CompiledEngine compiled = CompiledEngine.compile(StoreDecisionData.from(shuffled));
      for (ReferralRequest request : random.requests(REQUESTS_PER_REGISTER)) {
        ReferralDecision decision = expected.evaluate(request);
        assertThat(reference.evaluate(request)).as("reference, seed %s", seed).isEqualTo(decision);
        assertThat(compiled.evaluate(request)).as("compiled, seed %s", seed).isEqualTo(decision);
        assertThat(reference.evaluate(request, EntitlementType.CLINICAL_EVALUATION))
            .isEqualTo(expected.evaluate(request, EntitlementType.CLINICAL_EVALUATION));
      }
    });
  }

  @Test
  void everyDecisionOtherThanEntitledHasAtLeastOneReason() {
    qt().withExamples(REGISTERS).forAll(longs().all()).checkAssert(seed -> {
      RandomRegister random = new RandomRegister(seed);
      ReferenceEvaluator evaluator = new ReferenceEvaluator(StoreDecisionData.from(random.load()));
      for (ReferralRequest request : random.requests(REQUESTS_PER_REGISTER)) {
        ReferralDecision decision = evaluator.evaluate(request);
        assertThat(decision.outcome() == Outcome.ENTITLED || !decision.reasons().isEmpty()).isTrue();
        assertThat(decision.allowsRequest()).isEqualTo(decision.outcome() == Outcome.ENTITLED);
      }
    });
  }

  @Test
  void anEntitledDecisionRestsOnAnActiveEntitlementInForceOnTheDayAndNeverOnAnotherStatus() {
    qt().withExamples(REGISTERS).forAll(longs().all()).checkAssert(seed -> {
      RandomRegister random = new RandomRegister(seed);
      Register register = random.load();
      ReferenceEvaluator evaluator = new ReferenceEvaluator(StoreDecisionData.from(register));
      for (ReferralRequest request : random.requests(REQUESTS_PER_REGISTER)) {
        ReferralDecision decision = evaluator.evaluate(request);
        if (decision.outcome() == Outcome.ENTITLED) {
          MatchedRule matched = decision.matchedRule().orElseThrow();
          Entitlement entitlement = register.entitlements().find(matched.entitlement()).orElseThrow();
          LocalDate day = request.requestedAt()
              .atZone(register.employers().find(request.employer()).orElseThrow().zone()).toLocalDate();
          assertThat(entitlement.status()).isEqualTo(EntitlementStatus.ACTIVE);
          assertThat(entitlement.isWithinValidity(day)).isTrue();
          assertThat(entitlement.version()).isEqualTo(matched.entitlementVersion());
        }
      }
    });
  }

  @Test
  void aSuspendedRevokedExpiredOrEndedEntitlementNeverEntitles() {
    List<EntitlementStatus> stopped = List.of(EntitlementStatus.SUSPENDED, EntitlementStatus.REVOKED,
        EntitlementStatus.EXPIRED, EntitlementStatus.ENDED);
    qt().withExamples(REGISTERS).forAll(longs().all()).checkAssert(seed -> {
      RandomRegister random = new RandomRegister(seed);
      Register register = random.load();
      for (Entitlement entitlement : register.entitlements().all()) {
        EntitlementStatus status = stopped.get(Math.floorMod(seed + entitlement.id().hashCode(), stopped.size()));
        register.entitlements().save(Entitlement.builder().from(entitlement).status(status).build(),
            entitlement.version());
      }
      ReferenceEvaluator evaluator = new ReferenceEvaluator(StoreDecisionData.from(register));
      for (ReferralRequest request : random.requests(REQUESTS_PER_REGISTER)) {
        assertThat(evaluator.evaluate(request).outcome()).isNotEqualTo(Outcome.ENTITLED);
      }
    });
  }

  @Test
  void narrowingAScopeNeverAllowsMore() {
    qt().withExamples(REGISTERS).forAll(longs().all()).checkAssert(seed -> {
      RandomRegister random = new RandomRegister(seed);
      Register wide = random.load();
      Register narrow = random.load();
      for (Entitlement entitlement : narrow.entitlements().all()) {
        narrow.entitlements().save(Entitlement.builder().from(entitlement)
            .scope(narrowed(entitlement.scope(), seed)).build(), entitlement.version());
      }
      ReferenceEvaluator wideEvaluator = new ReferenceEvaluator(StoreDecisionData.from(wide));
      ReferenceEvaluator narrowEvaluator = new ReferenceEvaluator(StoreDecisionData.from(narrow));
      for (ReferralRequest request : random.requests(REQUESTS_PER_REGISTER)) {
        if (narrowEvaluator.evaluate(request).outcome() == Outcome.ENTITLED) {
          assertThat(wideEvaluator.evaluate(request).outcome()).isEqualTo(Outcome.ENTITLED);
        }
      }
    });
  }

  /** The scope with each rule narrowed on one dimension chosen by the seed. */
  private static Scope narrowed(Scope scope, long seed) {
    ImmutableList.Builder<ScopeRule> rules = ImmutableList.builder();
    int i = 0;
    for (ScopeRule rule : scope.rules()) {
      ScopeRule.Builder narrower = ScopeRule.builder().from(rule);
      switch ((int) Math.floorMod(seed + i++, 6L)) {
        case 0 -> narrower.addExcludedRegion(BodyRegion.KNEE);
        case 1 -> {
          int youngest = rule.minAge().orElse(0);
          int oldest = rule.maxAge().orElse(120);
          narrower.minAge(youngest + (oldest - youngest) / 2).maxAge(oldest);
        }
        case 2 -> narrower.contrastAllowed(false);
        case 3 -> narrower.pregnancy(org.irmer.entitlement.core.domain.PregnancyConstraint.EXCLUDED);
        case 4 -> narrower.urgencies(rule.urgencies().isEmpty()
            ? java.util.Set.of(org.irmer.entitlement.core.domain.Urgency.ROUTINE)
            : rule.urgencies().asList().subList(0, 1));
        default -> narrower.addRequiredTraining(org.irmer.entitlement.core.domain.TrainingType.REFERRAL_GUIDELINES);
      }
      rules.add(narrower.build());
    }
    return Scope.builder().from(scope).rules(rules.build()).build();
  }
}
