package org.irmer.entitlement.core.port.in;

import java.util.Optional;
import org.irmer.entitlement.core.domain.EntitlementChange;
import org.irmer.entitlement.core.domain.ReferralDecision;
import org.irmer.entitlement.core.domain.ReferralRequest;

/**
 * Decides, at the moment a request is made, whether the referrer is entitled by the imaging
 * employer to request this examination for this patient (DOMAIN.md section 5; principle 9).
 */
public interface CheckReferral {

  /**
   * The decision for {@code request}, evaluated at the request's own instant. Never throws for
   * missing or unavailable data: that is an {@code INDETERMINATE} decision. The decision is
   * appended to the audit trail; a request that is not entitled is recorded as a blocked attempt.
   */
  ReferralDecision check(ReferralRequest request);

  /**
   * Whether the entitlement an entitled decision rested on has changed since (DOMAIN.md section 5,
   * rule 10); empty when it has not, or when the decision was not entitled.
   */
  Optional<EntitlementChange> changedSince(ReferralDecision decision);
}
