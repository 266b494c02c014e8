package org.irmer.entitlement.rules;

import org.irmer.entitlement.core.service.StoreDecisionData;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.irmer.entitlement.core.domain.EntitlementType;
import org.irmer.entitlement.core.domain.Outcome;
import org.irmer.entitlement.core.domain.ReasonCode;
import org.irmer.entitlement.core.domain.ReferralDecision;
import org.irmer.entitlement.core.domain.ReferralRequest;
import org.irmer.entitlement.core.port.out.Register;
import org.irmer.entitlement.rules.compiled.CompiledEngine;
import org.irmer.entitlement.rules.compiled.Verdict;
import org.junit.jupiter.api.Test;

/**
 * The compiled engine and the reference evaluator give identical decisions (outcome, reasons,
 * basis, warnings, notices, advisories, matched rule: the whole value) on random registers and
 * requests aimed at every boundary of their scopes, and at the ends of the calendar; the compiled
 * verdict's own outcome, found before any explanation is built, is the decision's; and a verdict
 * words the decision of no request but those it answers. Clinical evaluation, which the compiled
 * engine leaves to the reference semantics, is held to an independent expectation instead: the
 * compiled referrer semantics on a {@link ClinicalEvaluationTwin} of the register.
 *
 * <p>CI runs {@value #DEFAULT_CASES} cases. Run a million with
 * {@code ./mvnw -pl entitlement-rules -am verify -Dtest=DifferentialProperties -Ddifferential.cases=1000000
 * -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class DifferentialProperties {

  private static final int DEFAULT_CASES = 12_000;
  private static final int REQUESTS_PER_REGISTER = 60;
  /** How many of a register's earlier verdicts each request's decision is asked of. */
  private static final int EARLIER_VERDICTS = 6;

  @Test
  void compiledAndReferenceEnginesGiveIdenticalDecisions() {
    int cases = Integer.getInteger("differential.cases", DEFAULT_CASES);
    int registers = Math.max(1, cases / REQUESTS_PER_REGISTER);
    Map<Outcome, Integer> outcomes = new EnumMap<>(Outcome.class);
    Map<ReasonCode, Integer> reasons = new EnumMap<>(ReasonCode.class);
    Map<Outcome, Integer> evaluations = new EnumMap<>(Outcome.class);
    AtomicInteger sharedPermits = new AtomicInteger();
    qt().withExamples(registers).withShrinkCycles(0).forAll(longs().all()).checkAssert(seed -> {
      RandomRegister random = new RandomRegister(seed);
      Register register = random.load();
      ReferenceEvaluator reference = new ReferenceEvaluator(StoreDecisionData.from(register));
      CompiledEngine compiled = CompiledEngine.compile(StoreDecisionData.from(register));
      ClinicalEvaluationTwin twin = ClinicalEvaluationTwin.of(random, register);
      List<Verdict> earlier = new ArrayList<>();
      for (ReferralRequest request : random.requests(REQUESTS_PER_REGISTER)) {
        ReferralDecision expected = reference.evaluate(request);
        outcomes.merge(expected.outcome(), 1, Integer::sum);
        expected.reasonCodes().forEach(code -> reasons.merge(code, 1, Integer::sum));
        Verdict verdict = compiled.check(request);
        assertThat(verdict.permitted()).as("seed %s, %s", seed, request).isEqualTo(expected.allowsRequest());
        assertThat(verdict.outcome()).as("seed %s, %s", seed, request).isEqualTo(expected.outcome());
        assertThat(verdict.decision(request)).as("seed %s", seed).isEqualTo(expected);
        for (Verdict other : earlier.subList(Math.max(0, earlier.size() - EARLIER_VERDICTS), earlier.size())) {
          if (wordsOnlyTheRequestsItAnswers(other, request, verdict, expected, seed)) {
            sharedPermits.incrementAndGet();
          }
        }
        earlier.add(verdict);
        ReferralDecision evaluation = reference.evaluate(request, EntitlementType.CLINICAL_EVALUATION);
        evaluations.merge(evaluation.outcome(), 1, Integer::sum);
        assertThat(evaluation).as("clinical evaluation, seed %s", seed).isEqualTo(twin.expected(request));
        assertThat(compiled.evaluate(request, EntitlementType.CLINICAL_EVALUATION)).isEqualTo(evaluation);
      }
    });
    // The comparison means something only if the random cases reach every outcome and every reason
    // but a failure of the engine itself.
    assertThat(outcomes.keySet()).containsExactlyInAnyOrder(Outcome.values());
    assertThat(outcomes.get(Outcome.ENTITLED)).as("outcomes %s", outcomes).isGreaterThan(cases / 12);
    assertThat(evaluations.get(Outcome.ENTITLED)).as("clinical evaluations %s", evaluations)
        .isGreaterThan(cases / 200);
    assertThat(sharedPermits.get()).as("requests answered by an earlier request's permit")
        .isGreaterThan(cases / 200);
    assertThat(reasons.keySet()).as("reasons reached")
        .containsAll(EnumSet.complementOf(EnumSet.of(ReasonCode.EVALUATION_FAILED)));
  }

  /**
   * A verdict words the decision of another request only when it is that request's verdict too (a
   * prepared permit answers every request its rule permits plainly), and then words it as the
   * reference decides it.
   */
  private static boolean wordsOnlyTheRequestsItAnswers(Verdict verdict, ReferralRequest other,
      Verdict othersVerdict, ReferralDecision othersDecision, long seed) {
    if (verdict == othersVerdict) {
      assertThat(verdict.decision(other)).as("seed %s", seed).isEqualTo(othersDecision);
      return true;
    }
    assertThatThrownBy(() -> verdict.decision(other)).as("seed %s, %s", seed, other)
        .isInstanceOf(IllegalArgumentException.class);
    return false;
  }
}
