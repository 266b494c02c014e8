package org.irmer.entitlement.rules.lifecycle;

import org.irmer.entitlement.core.service.StoreDecisionData;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.irmer.entitlement.core.domain.CareSetting;
import org.irmer.entitlement.core.domain.ClinicalInformationItem;
import org.irmer.entitlement.core.domain.ExaminationCode;
import org.irmer.entitlement.core.domain.PersonId;
import org.irmer.entitlement.core.domain.ReferralDecision;
import org.irmer.entitlement.core.domain.ReferralRequest;
import org.irmer.entitlement.core.port.out.Register;
import org.irmer.entitlement.rules.ReferenceEvaluator;
import org.irmer.entitlement.rules.compiled.CompiledEngine;
import org.irmer.entitlement.rules.compiled.LiveEngine;

/**
 * Every engine over a register, asked the same request: the reference evaluator over the stores, a
 * compiled engine compiled from the stores at that moment, and a live engine that has followed the
 * change feed since it was opened. A decision is returned only when all three agree in everything,
 * so a lifecycle test that uses it also shows that the command published what it changed.
 *
 * <p>Open it after the test has written its fixtures straight into the stores, which publishes
 * nothing; from then on the register should change only through the services.
 */
final class EveryEngine implements AutoCloseable {

  private final Register register;
  private final LiveEngine live;

  EveryEngine(Register register) {
    this.register = register;
    this.live =
        LiveEngine.follow(
            StoreDecisionData.from(register), register.changes(), register.transactions());
  }

  /** The decision every engine gives, failing the test when any of them differs. */
  ReferralDecision decide(ReferralRequest request) {
    ReferralDecision reference =
        new ReferenceEvaluator(StoreDecisionData.from(register)).evaluate(request);
    assertThat(CompiledEngine.compile(StoreDecisionData.from(register)).evaluate(request))
        .as("compiled engine's decision")
        .isEqualTo(reference);
    assertThat(live.evaluate(request)).as("live engine's decision").isEqualTo(reference);
    assertThat(live.check(request).permitted())
        .as("live engine's permit path")
        .isEqualTo(reference.allowsRequest());
    return reference;
  }

  /**
   * An X-ray of the right wrist by {@code referrer} from the MSK outpatient clinic of {@link
   * SampleTrust#TRUST}, with a clinical question, at {@code at}: within {@link
   * SampleTrust#xrayLimbs()}.
   */
  static ReferralRequest wristXray(PersonId referrer, Instant at) {
    return request(referrer, SampleTrust.XR_WRIST_RIGHT, at);
  }

  /** A request like {@link #wristXray} for {@code examination}. */
  static ReferralRequest request(PersonId referrer, ExaminationCode examination, Instant at) {
    return ReferralRequest.builder()
        .referrer(referrer)
        .employer(SampleTrust.TRUST)
        .examination(examination)
        .setting(CareSetting.of("MSK_OUTPATIENT"))
        .addClinicalInformation(ClinicalInformationItem.CLINICAL_QUESTION)
        .requestedAt(at)
        .build();
  }

  @Override
  public void close() {
    live.close();
  }
}
