package org.irmer.entitlement.rules;

import org.irmer.entitlement.core.service.StoreDecisionData;
import static org.assertj.core.api.Assertions.assertThat;

import org.irmer.entitlement.core.domain.EntitlementType;
import org.irmer.entitlement.core.domain.ReferralDecision;
import org.irmer.entitlement.core.domain.ReferralRequest;
import org.irmer.entitlement.core.port.out.Register;
import org.irmer.entitlement.rules.compiled.CompiledEngine;

/**
 * An evaluator for example tests that asks both engines: the reference evaluator over the stores,
 * and a compiled engine compiled from the stores as they are at that moment. It fails the test
 * when their decisions differ in anything, so every example is also a differential test.
 */
final class BothEngines implements ReferralEvaluator {

  private final Register register;

  BothEngines(Register register) {
    this.register = register;
  }

  @Override
  public ReferralDecision evaluate(ReferralRequest request, EntitlementType type) {
    ReferralDecision reference = new ReferenceEvaluator(StoreDecisionData.from(register)).evaluate(request, type);
    CompiledEngine compiled = CompiledEngine.compile(StoreDecisionData.from(register));
    assertThat(compiled.evaluate(request, type)).as("compiled engine decision").isEqualTo(reference);
    if (type == EntitlementType.REFERRER) {
      assertThat(compiled.check(request).permitted()).isEqualTo(reference.allowsRequest());
    }
    return reference;
  }
}
