package org.irmer.entitlement.rules;

import static com.google.common.base.Preconditions.checkNotNull;

import java.util.function.BiConsumer;
import org.irmer.entitlement.core.domain.AuditTrailEntry;
import org.irmer.entitlement.core.domain.EntitlementType;
import org.irmer.entitlement.core.domain.Outcome;
import org.irmer.entitlement.core.domain.ReferralDecision;
import org.irmer.entitlement.core.domain.ReferralRequest;
import org.irmer.entitlement.core.port.out.AuditTrail;
import org.irmer.entitlement.core.port.out.Transactions;

/**
 * Makes and records one decision, failing closed at each step: the library never lets a request
 * proceed on a decision it did not make exactly, nor on one it could not record (principle 9;
 * DOMAIN.md section 5).
 *
 * <ul>
 *   <li>Any exception from the evaluator becomes an {@code INDETERMINATE [DATA_UNAVAILABLE]}
 *       decision that names the failure, and that decision is recorded like any other.
 *   <li>The decision's audit record and its effects (a blocked attempt, notifications) are one
 *       unit of work. When it fails, nothing is written and the caller gets an {@code
 *       INDETERMINATE [DATA_UNAVAILABLE]} decision saying so, never the decision it could not
 *       record.
 *   <li>The unit is submitted for group commit ({@link Transactions#inGroupCommit}): concurrent
 *       checks may share one commit, and each decision is still returned only once its own record
 *       is durable. The adapter may run the unit more than once, so it acts only through the ports
 *       (the trail, compliance events, notifications), and the decision is made once, before it.
 * </ul>
 */
final class RecordedDecisions {

  private final ReferralEvaluator evaluator;
  private final AuditTrail auditTrail;
  private final Transactions transactions;

  RecordedDecisions(ReferralEvaluator evaluator, AuditTrail auditTrail, Transactions transactions) {
    this.evaluator = checkNotNull(evaluator, "evaluator");
    this.auditTrail = checkNotNull(auditTrail, "auditTrail");
    this.transactions = checkNotNull(transactions, "transactions");
  }

  /**
   * Decides {@code request} for an entitlement of {@code type}, appends the decision to the trail
   * as {@code action} and runs {@code effects} with it in the same unit of work.
   */
  ReferralDecision decide(String action, ReferralRequest request, EntitlementType type,
      BiConsumer<ReferralDecision, AuditTrailEntry> effects) {
    checkNotNull(request, "request");
    ReferralDecision decision = evaluate(request, type);
    try {
      transactions.inGroupCommit(() -> {
        AuditTrailEntry entry = auditTrail.append(DecisionRecorder.auditEvent(action, decision));
        effects.accept(decision, entry);
        return entry;
      });
      return decision;
    } catch (RuntimeException unrecorded) {
      return indeterminate(request, "the decision could not be recorded (" + describe(unrecorded) + ")");
    }
  }

  private ReferralDecision evaluate(ReferralRequest request, EntitlementType type) {
    try {
      return evaluator.evaluate(request, type);
    } catch (RuntimeException failure) {
      return indeterminate(request, "the decision could not be made (" + describe(failure) + ")");
    }
  }

  private static ReferralDecision indeterminate(ReferralRequest request, String why) {
    return ReferralDecision.builder()
        .outcome(Outcome.INDETERMINATE)
        .addReason(Explanations.storeUnavailable(why))
        .request(request)
        .evaluatedAt(request.requestedAt())
        .build();
  }

  private static String describe(RuntimeException failure) {
    return failure.getMessage() == null
        ? failure.getClass().getSimpleName()
        : failure.getClass().getSimpleName() + ": " + failure.getMessage();
  }
}
