package org.irmer.entitlement.core.domain;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

/**
 * The rule an entitled decision rests on, and the exact version of the entitlement that holds it,
 * so the decision can be replayed and later changes detected (DOMAIN.md section 5, rule 10).
 */
public record MatchedRule(EntitlementId entitlement, long entitlementVersion, EmployerId employer,
    int scopeVersion, String ruleId) {

  public MatchedRule {
    checkNotNull(entitlement, "entitlement");
    checkNotNull(employer, "employer");
    checkArgument(entitlementVersion >= 0, "entitlementVersion must not be negative");
    Codes.check(ruleId, "ruleId");
  }
}
