package org.irmer.entitlement.benchmarks;

import org.irmer.entitlement.core.service.StoreDecisionData;
import static com.google.common.base.Preconditions.checkNotNull;

import org.irmer.entitlement.core.domain.ReferralDecision;
import org.irmer.entitlement.core.domain.ReferralRequest;
import org.irmer.entitlement.core.port.out.Register;
import org.irmer.entitlement.rules.compiled.CompiledEngine;
import org.irmer.entitlement.rules.compiled.Verdict;

/**
 * Our decision engine as the benchmarks drive it: the {@link CompiledEngine}, compiled once from
 * the register, asked for the fast verdict and, on a refusal, for the full decision. The one place
 * that names the engine implementation, so that every benchmark and the agreement check measure the
 * same one.
 */
public final class OurEngine {

  /** Which implementation {@link #build} uses; printed with the results. */
  public static final String IMPLEMENTATION = "CompiledEngine";

  private final CompiledEngine engine;

  private OurEngine(CompiledEngine engine) {
    this.engine = engine;
  }

  /** Compiles the snapshot of the register. */
  public static OurEngine build(Register register) {
    return new OurEngine(CompiledEngine.compile(StoreDecisionData.from(checkNotNull(register, "register"))));
  }

  /** Whether the request may proceed: only an {@code ENTITLED} outcome allows it. */
  public boolean permits(ReferralRequest request) {
    return engine.check(request).permitted();
  }

  /** The fast-path verdict, as the engine returns it. */
  public Verdict check(ReferralRequest request) {
    return engine.check(request);
  }

  /**
   * W3's call, as a vendor showing every refusal to the referrer would make it: the verdict, and
   * for a refusal its full decision with every reason.
   */
  public Object checkExplainingRefusals(ReferralRequest request) {
    Verdict verdict = engine.check(request);
    return verdict.permitted() ? verdict : verdict.decision(request);
  }

  /** The full decision, with every reason. */
  public ReferralDecision evaluate(ReferralRequest request) {
    return engine.evaluate(request);
  }
}
