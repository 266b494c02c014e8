package org.irmer.entitlement.rules;

import org.irmer.entitlement.core.domain.EntitlementType;
import org.irmer.entitlement.core.domain.ReferralDecision;
import org.irmer.entitlement.core.domain.ReferralRequest;

/**
 * Evaluates a request against the register with the semantics of DOMAIN.md section 5. Pure: it
 * records nothing and never reads the wall clock; every implementation gives the same decision for
 * the same request and data, whatever order the data was loaded in.
 */
public interface ReferralEvaluator {

  /**
   * The decision on whether the request's referrer holds an entitlement of {@code type} covering
   * the request. Never throws for missing or unavailable data: that is an {@code INDETERMINATE}
   * decision with {@code DATA_UNAVAILABLE}.
   */
  ReferralDecision evaluate(ReferralRequest request, EntitlementType type);

  /** The referral decision (an entitlement of type {@code REFERRER}). */
  default ReferralDecision evaluate(ReferralRequest request) {
    return evaluate(request, EntitlementType.REFERRER);
  }
}
