package org.irmer.entitlement.rules;

import static com.google.common.base.Preconditions.checkNotNull;

import java.util.Optional;
import org.irmer.entitlement.core.domain.AuditTrailEntry;
import org.irmer.entitlement.core.domain.ComplianceEvent;
import org.irmer.entitlement.core.domain.ComplianceEventId;
import org.irmer.entitlement.core.domain.ComplianceEventKind;
import org.irmer.entitlement.core.domain.Entitlement;
import org.irmer.entitlement.core.domain.EntitlementChange;
import org.irmer.entitlement.core.domain.MatchedRule;
import org.irmer.entitlement.core.domain.Notice;
import org.irmer.entitlement.core.domain.Outcome;
import org.irmer.entitlement.core.domain.ReferralDecision;
import org.irmer.entitlement.core.domain.ReferralRequest;
import org.irmer.entitlement.core.domain.Warning;
import org.irmer.entitlement.core.domain.WarningCode;
import org.irmer.entitlement.core.port.in.CheckReferral;
import org.irmer.entitlement.core.port.out.EntitlementException;
import org.irmer.entitlement.core.port.out.Notification;
import org.irmer.entitlement.core.port.out.NotificationKind;
import org.irmer.entitlement.core.port.out.Register;

/**
 * The request-time check (ARCHITECTURE.md flow 1): evaluates with any {@link ReferralEvaluator},
 * appends the decision to the audit trail, records a request that is not entitled as a
 * {@code BLOCKED_ATTEMPT} (never counted as non-compliance, scenario S4), and passes training
 * warnings and notices to the delegates and the referrer (principle 4, scenario S5).
 *
 * <p>Fails closed: when the decision cannot be recorded, the caller gets an
 * {@code INDETERMINATE [DATA_UNAVAILABLE]} decision instead, and nothing is written.
 */
public final class ReferralCheckService implements CheckReferral {

  private final ReferralEvaluator evaluator;
  private final Register register;

  public ReferralCheckService(ReferralEvaluator evaluator, Register register) {
    this.evaluator = checkNotNull(evaluator, "evaluator");
    this.register = checkNotNull(register, "register");
  }

  @Override
  public ReferralDecision check(ReferralRequest request) {
    ReferralDecision decision = evaluator.evaluate(checkNotNull(request, "request"));
    try {
      register.transactions().inTransaction(() -> record(decision));
      return decision;
    } catch (EntitlementException unrecorded) {
      return ReferralDecision.builder()
          .outcome(Outcome.INDETERMINATE)
          .addReason(Explanations.storeUnavailable("the decision could not be recorded ("
              + unrecorded.getMessage() + ")"))
          .request(request)
          .evaluatedAt(request.requestedAt())
          .proceduresVersion(decision.proceduresVersion())
          .build();
    }
  }

  private AuditTrailEntry record(ReferralDecision decision) {
    AuditTrailEntry entry = register.auditTrail().append(DecisionRecorder.auditEvent("check-referral", decision));
    ReferralRequest request = decision.request();
    if (!decision.allowsRequest()) {
      register.complianceEvents().add(ComplianceEvent.builder()
          .id(ComplianceEventId.of(DecisionRecorder.blockedAttemptId(entry)))
          .referrer(request.referrer())
          .employer(request.employer())
          .kind(ComplianceEventKind.BLOCKED_ATTEMPT)
          .upheld(false)
          .occurredAt(request.requestedAt())
          .description("Request for " + request.examination() + " blocked: "
              + decision.reasonCodes())
          .orderId(request.orderId())
          .build());
    }
    for (Warning warning : decision.warnings()) {
      if (warning.code() == WarningCode.TRAINING_EXPIRED_IN_GRACE) {
        notifyReferrerAndDelegates(request, NotificationKind.TRAINING_LAPSED, warning.message());
      }
    }
    for (Notice notice : decision.notices()) {
      notifyReferrerAndDelegates(request, NotificationKind.TRAINING_LAPSED, notice.message());
    }
    return entry;
  }

  private void notifyReferrerAndDelegates(ReferralRequest request, NotificationKind kind, String message) {
    register.notifications().send(new Notification(request.referrer().value(), kind,
        request.referrer().value(), message, request.requestedAt()));
    register.notifications().send(new Notification(Notification.delegatesOf(request.employer()), kind,
        request.referrer().value(), message, request.requestedAt()));
  }

  @Override
  public Optional<EntitlementChange> changedSince(ReferralDecision decision) {
    if (decision.matchedRule().isEmpty()) {
      return Optional.empty();
    }
    MatchedRule rule = decision.matchedRule().get();
    Optional<Entitlement> current = register.entitlements().find(rule.entitlement());
    Optional<Entitlement> decided = register.entitlements().history(rule.entitlement()).stream()
        .filter(version -> version.version() == rule.entitlementVersion())
        .findFirst();
    if (current.isEmpty() || decided.isEmpty() || current.get().version() == rule.entitlementVersion()) {
      return Optional.empty();
    }
    return Optional.of(new EntitlementChange(rule.entitlement(), rule.entitlementVersion(),
        decided.get().status(), current.get().version(), current.get().status(),
        "Entitlement " + rule.entitlement() + " changed after the referral was allowed: "
            + decided.get().status() + " (version " + rule.entitlementVersion() + ") is now "
            + current.get().status() + " (version " + current.get().version() + ")"));
  }
}
