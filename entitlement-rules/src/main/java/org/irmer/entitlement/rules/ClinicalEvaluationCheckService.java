package org.irmer.entitlement.rules;

import static com.google.common.base.Preconditions.checkNotNull;

import org.irmer.entitlement.core.domain.EntitlementType;
import org.irmer.entitlement.core.domain.ReferralDecision;
import org.irmer.entitlement.core.domain.ReferralRequest;
import org.irmer.entitlement.core.port.in.CheckClinicalEvaluation;
import org.irmer.entitlement.core.port.out.Register;

/**
 * Checks entitlement to record a clinical evaluation (principle 11): only a
 * {@code CLINICAL_EVALUATION} entitlement counts, never a referrer entitlement. The decision is
 * recorded in the audit trail; no entitlement changes (scenario S9).
 */
public final class ClinicalEvaluationCheckService implements CheckClinicalEvaluation {

  private final ReferralEvaluator evaluator;
  private final Register register;

  public ClinicalEvaluationCheckService(ReferralEvaluator evaluator, Register register) {
    this.evaluator = checkNotNull(evaluator, "evaluator");
    this.register = checkNotNull(register, "register");
  }

  @Override
  public ReferralDecision check(ReferralRequest request) {
    ReferralDecision decision =
        evaluator.evaluate(checkNotNull(request, "request"), EntitlementType.CLINICAL_EVALUATION);
    register.transactions().inTransaction(() ->
        register.auditTrail().append(DecisionRecorder.auditEvent("check-clinical-evaluation", decision)));
    return decision;
  }
}
