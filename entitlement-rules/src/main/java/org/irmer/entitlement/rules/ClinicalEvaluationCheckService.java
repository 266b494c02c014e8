package org.irmer.entitlement.rules;

import org.irmer.entitlement.core.domain.EntitlementType;
import org.irmer.entitlement.core.domain.ReferralDecision;
import org.irmer.entitlement.core.domain.ReferralRequest;
import org.irmer.entitlement.core.port.in.CheckClinicalEvaluation;
import org.irmer.entitlement.core.port.out.AuditTrail;
import org.irmer.entitlement.core.port.out.Transactions;

/**
 * Checks entitlement to record a clinical evaluation (principle 11): only a
 * {@code CLINICAL_EVALUATION} entitlement counts, never a referrer entitlement. The decision is
 * recorded in the audit trail and fails closed as {@link RecordedDecisions} says; no entitlement
 * changes (scenario S9).
 */
public final class ClinicalEvaluationCheckService implements CheckClinicalEvaluation {

  private final RecordedDecisions decisions;

  public ClinicalEvaluationCheckService(ReferralEvaluator evaluator, AuditTrail auditTrail,
      Transactions transactions) {
    this(evaluator, auditTrail, transactions, DecisionSpooler.none(auditTrail, transactions));
  }

  /** The check as above, holding in {@code spooler} the decisions the trail cannot take. */
  public ClinicalEvaluationCheckService(ReferralEvaluator evaluator, AuditTrail auditTrail,
      Transactions transactions, DecisionSpooler spooler) {
    this.decisions = new RecordedDecisions(evaluator, auditTrail, transactions, spooler);
  }

  @Override
  public ReferralDecision check(ReferralRequest request) {
    return decisions.decide("check-clinical-evaluation", request,
        EntitlementType.CLINICAL_EVALUATION, (decision, entry) -> {});
  }
}
