package org.irmer.entitlement.rules;

import static com.google.common.base.Preconditions.checkNotNull;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.BiConsumer;
import org.irmer.entitlement.core.domain.AuditEvent;
import org.irmer.entitlement.core.domain.AuditTrailEntry;
import org.irmer.entitlement.core.domain.EntitlementType;
import org.irmer.entitlement.core.domain.Outcome;
import org.irmer.entitlement.core.domain.Reason;
import org.irmer.entitlement.core.domain.ReferralDecision;
import org.irmer.entitlement.core.domain.ReferralRequest;
import org.irmer.entitlement.core.port.out.AuditTrail;
import org.irmer.entitlement.core.port.out.StoreUnavailableException;
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
 *   <li>Except when the trail is unavailable ({@link StoreUnavailableException}) and the decision
 *       is made on the engine's snapshot, within the staleness limit: the engine is told the
 *       register is out of reach (the checks after it carry the staleness warning), and the whole
 *       unit is
 *       held in the {@linkplain DecisionSpooler spool}, to be recorded when the trail returns, and
 *       the decision is returned (with the engine's staleness warning, when the snapshot could not
 *       be confirmed). Held is recorded: the spool is durable before it returns. When the spool
 *       cannot hold it either, the caller gets {@code INDETERMINATE} as above.
 *   <li>While decisions are held, every new one is held after them, so that the trail records
 *       decisions in the order they were made; and while the engine's latest catch-up could not
 *       reach the register, a decision is held without trying the trail, whose database is out of
 *       reach.
 * </ul>
 */
final class RecordedDecisions {

  private final ReferralEvaluator evaluator;
  private final AuditTrail auditTrail;
  private final Transactions transactions;
  private final DecisionSpooler spooler;

  RecordedDecisions(ReferralEvaluator evaluator, AuditTrail auditTrail, Transactions transactions,
      DecisionSpooler spooler) {
    this.evaluator = checkNotNull(evaluator, "evaluator");
    this.auditTrail = checkNotNull(auditTrail, "auditTrail");
    this.transactions = checkNotNull(transactions, "transactions");
    this.spooler = checkNotNull(spooler, "spooler");
  }

  /**
   * Decides {@code request} for an entitlement of {@code type}, appends the decision to the trail
   * as {@code action} and runs {@code effects} with it in the same unit of work.
   */
  ReferralDecision decide(String action, ReferralRequest request, EntitlementType type,
      BiConsumer<ReferralDecision, AuditTrailEntry> effects) {
    checkNotNull(request, "request");
    ReferralDecision decision = evaluate(request, type);
    boolean holding;
    try {
      holding = spooler.isHolding();
    } catch (RuntimeException unreadable) {
      // Whether earlier decisions wait there is unknown, so appending this one could overtake them.
      return unrecorded(decision, "the spool cannot be read: " + describe(unreadable));
    }
    if (holding) {
      return held(action, decision, false, "decisions made before it are waiting in the spool");
    }
    if (spooler.registerOutOfReach()) {
      return held(action, decision, false,
          "the register could not be reached at the last catch-up");
    }
    // Worded here, on the caller's thread: the unit may run on the one thread that commits for
    // every caller, which should do no more than the writing.
    AuditEvent event = DecisionRecorder.auditEvent(action, decision);
    try {
      AuditTrailEntry recorded = transactions.inGroupCommit(() -> {
        AuditTrailEntry entry = auditTrail.append(event);
        effects.accept(decision, entry);
        return entry;
      });
      spooler.known(recorded.sequence());
      return decision;
    } catch (StoreUnavailableException unavailable) {
      // The register is out of reach: the engine's snapshot is unconfirmed from now on. The
      // decision held is the one returned (its record, had the unit committed after all, is found
      // by the replay), so it keeps the outcome; the staleness warning reaches the checks after it.
      spooler.reportUnreachable();
      return held(action, decision, true, describe(unavailable));
    } catch (RuntimeException unrecorded) {
      return unrecorded(decision, describe(unrecorded));
    }
  }

  /**
   * Holds the decision in the spool, or fails closed when it may not or cannot be held; {@code
   * tried} when the check's own attempt to record it failed.
   */
  private ReferralDecision held(String action, ReferralDecision decision, boolean tried,
      String whyNotAppended) {
    if (!spooler.mayHold()) {
      return unrecorded(decision, whyNotAppended);
    }
    try {
      spooler.hold(action, decision, tried);
      return decision;
    } catch (RuntimeException unheld) {
      return unrecorded(decision,
          whyNotAppended + "; nor held in the spool: " + describe(unheld));
    }
  }

  /**
   * The indeterminate decision a caller gets for {@code decision}, which could not be recorded;
   * when {@code decision} was itself indeterminate (the snapshot too stale, say), its reasons stay.
   */
  private static ReferralDecision unrecorded(ReferralDecision decision, String why) {
    List<Reason> reasons = new ArrayList<>();
    if (decision.outcome() == Outcome.INDETERMINATE) {
      reasons.addAll(decision.reasons());
    }
    reasons.add(Explanations.storeUnavailable("the decision could not be recorded (" + why + ")"));
    Collections.sort(reasons);
    return ReferralDecision.builder()
        .outcome(Outcome.INDETERMINATE)
        .reasons(reasons)
        .request(decision.request())
        .evaluatedAt(decision.request().requestedAt())
        .build();
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
