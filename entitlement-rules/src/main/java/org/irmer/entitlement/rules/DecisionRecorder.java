package org.irmer.entitlement.rules;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSortedMap;
import org.irmer.entitlement.core.domain.Actor;
import org.irmer.entitlement.core.domain.AuditEvent;
import org.irmer.entitlement.core.domain.AuditTrailEntry;
import org.irmer.entitlement.core.domain.Reason;
import org.irmer.entitlement.core.domain.ReferralDecision;
import org.irmer.entitlement.core.domain.ReferralRequest;

/** Words a decision as an audit event: what was asked, what was decided and why. */
final class DecisionRecorder {

  private DecisionRecorder() {}

  static AuditEvent auditEvent(String action, ReferralDecision decision) {
    ReferralRequest request = decision.request();
    ImmutableSortedMap.Builder<String, String> details = ImmutableSortedMap.naturalOrder();
    details.put("employer", request.employer().value());
    details.put("examination", request.examination().value());
    request.orderId().ifPresent(order -> details.put("order", order));
    request.origin().ifPresent(origin -> {
      details.put("channel", origin.channel());
      origin.reference().ifPresent(reference -> details.put("channelReference", reference));
      origin.client().ifPresent(client -> details.put("client", client));
    });
    decision.proceduresVersion().ifPresent(version -> details.put("procedures", version.toString()));
    decision.basis().ifPresent(basis -> details.put("basis", basis.name()));
    decision.matchedRule().ifPresent(rule -> {
      details.put("entitlement", rule.entitlement().value());
      details.put("entitlementVersion", Long.toString(rule.entitlementVersion()));
      details.put("rule", rule.ruleId());
    });
    decision.warnings().forEach(warning -> details.put("warning." + warning.code(), warning.message()));
    return AuditEvent.builder()
        .action(action)
        .actor(Actor.person(request.referrer()))
        .at(decision.evaluatedAt())
        .subject(request.orderId().orElse(request.referrer().value() + "/" + request.examination()))
        .result(decision.outcome().name())
        .causes(causes(decision))
        .details(details.build())
        .build();
  }

  /** Each reason as {@code CODE: message}; built without a stream, since every check records one. */
  private static ImmutableList<String> causes(ReferralDecision decision) {
    if (decision.reasons().isEmpty()) {
      return ImmutableList.of();
    }
    ImmutableList.Builder<String> causes = ImmutableList.builderWithExpectedSize(decision.reasons().size());
    for (Reason reason : decision.reasons()) {
      causes.add(reason.toString());
    }
    return causes.build();
  }

  /** A stable id for the blocked-attempt compliance event of a recorded decision. */
  static String blockedAttemptId(AuditTrailEntry entry) {
    return "BLOCKED-" + entry.sequence();
  }
}
