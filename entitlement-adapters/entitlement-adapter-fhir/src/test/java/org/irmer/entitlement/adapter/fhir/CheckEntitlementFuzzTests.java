package org.irmer.entitlement.adapter.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.irmer.entitlement.adapter.fhir.ScenarioTrust.rule;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.Optional;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.irmer.entitlement.adapter.fhir.FhirOrders.CheckEntitlementOperation;
import org.irmer.entitlement.adapter.fhir.FhirOrders.Response;
import org.irmer.entitlement.core.domain.BodyRegion;
import org.irmer.entitlement.core.domain.EntitlementChange;
import org.irmer.entitlement.core.domain.EntitlementType;
import org.irmer.entitlement.core.domain.Modality;
import org.irmer.entitlement.core.domain.Profession;
import org.irmer.entitlement.core.domain.ReferralDecision;
import org.irmer.entitlement.core.domain.ReferralRequest;
import org.irmer.entitlement.core.domain.Regulator;
import org.irmer.entitlement.core.port.in.CheckReferral;
import org.irmer.entitlement.rules.wiring.EntitlementRegister;

/**
 * Coverage-guided fuzzing of the FHIR mapping through {@code $check-entitlement} (Jazzer): whatever
 * body arrives, the answer is a {@code Parameters} with 200, or an {@code OperationOutcome} with
 * 400 whose every issue names the element (its expression) and why; never another status, never
 * an exception.
 *
 * <p>{@code ./mvnw verify} replays the saved inputs under {@code
 * src/test/resources/org/irmer/entitlement/adapter/fhir/CheckEntitlementFuzzTestsInputs/}. To fuzz
 * for real (five minutes, new findings saved beside them):
 *
 * <pre>
 * JAZZER_FUZZ=1 ./mvnw -pl entitlement-adapters/entitlement-adapter-fhir -am verify \
 *     -Dsurefire.failIfNoSpecifiedTests=false -Dtest=CheckEntitlementFuzzTests
 * </pre>
 */
class CheckEntitlementFuzzTests {

  private static final FhirOrders ORDERS = Fixtures.orders();
  private static final CheckEntitlementOperation OPERATION = ORDERS.checkEntitlement(evaluating());

  /** The scenario trust's decisions, evaluated without being recorded, so a long run keeps no trail. */
  private static CheckReferral evaluating() {
    ScenarioTrust trust = new ScenarioTrust();
    trust.entitle(trust.referrer("E", Profession.NURSE, Regulator.NMC), rule("XR-LIMBS",
        Modality.PLAIN_RADIOGRAPHY, BodyRegion.UPPER_LIMB, BodyRegion.LOWER_LIMB)
        .addExcludedRegions(BodyRegion.KNEE).build());
    EntitlementRegister register = EntitlementRegister.open(trust.register);
    return new CheckReferral() {
      @Override
      public ReferralDecision check(ReferralRequest request) {
        return register.engine().evaluate(request, EntitlementType.REFERRER);
      }

      @Override
      public Optional<EntitlementChange> changedSince(ReferralDecision decision) {
        return Optional.empty();
      }
    };
  }

  @FuzzTest(maxDuration = "5m")
  void bodiesGetOnlyParametersOrLocatedProblems(byte[] body) {
    Response response = OPERATION.handle("application/fhir+json", body);

    assertThat(response.status()).as(response.text()).isIn(200, 400);
    if (response.status() == 400) {
      OperationOutcome outcome = ORDERS.parse(OperationOutcome.class, response.text());
      assertThat(outcome.getIssue()).isNotEmpty().allSatisfy(issue -> {
        assertThat(issue.getExpression()).as(response.text()).isNotEmpty();
        assertThat(issue.getDiagnostics()).isNotBlank();
      });
    } else {
      assertThat(response.text()).contains("\"resourceType\":\"Parameters\"");
    }
  }
}
