package org.irmer.entitlement.benchmarks;

import static com.google.common.base.Preconditions.checkNotNull;

import org.irmer.entitlement.core.domain.ReferralDecision;
import org.irmer.entitlement.core.domain.ReferralRequest;
import org.irmer.entitlement.core.port.out.Register;
import org.irmer.entitlement.rules.ReferenceEvaluator;

/**
 * Our decision engine as the benchmarks drive it: built once from the register, then asked for the
 * fast allow/deny and, on a refusal, for the full decision. The one place that names the engine
 * implementation, so every benchmark and the agreement check measure the same one.
 */
public final class OurEngine {

  /** Which implementation {@link #build} uses; printed with the results. */
  public static final String IMPLEMENTATION = "ReferenceEvaluator";

  private final ReferenceEvaluator evaluator;

  private OurEngine(ReferenceEvaluator evaluator) {
    this.evaluator = evaluator;
  }

  /** Builds the engine's view of the register (the compiled snapshot, where there is one). */
  public static OurEngine build(Register register) {
    return new OurEngine(new ReferenceEvaluator(checkNotNull(register, "register")));
  }

  /** Whether the request may proceed: only an {@code ENTITLED} outcome allows it. */
  public boolean permits(ReferralRequest request) {
    return evaluator.evaluate(request).allowsRequest();
  }

  /** The fast-path verdict, as the engine returns it, for the benchmarks to consume. */
  public Object check(ReferralRequest request) {
    return evaluator.evaluate(request);
  }

  /** W3's call: the fast check, and for a refusal the full decision with every reason. */
  public Object checkExplainingRefusals(ReferralRequest request) {
    ReferralDecision decision = evaluator.evaluate(request);
    return decision.allowsRequest() ? decision : decision.reasons();
  }

  /** The full decision, with every reason. */
  public ReferralDecision evaluate(ReferralRequest request) {
    return evaluator.evaluate(request);
  }
}
