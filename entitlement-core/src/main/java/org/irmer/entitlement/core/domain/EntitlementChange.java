package org.irmer.entitlement.core.domain;

import static com.google.common.base.Preconditions.checkNotNull;

/**
 * A flag for the practitioner: the entitlement a referral was allowed under changed after the
 * decision (DOMAIN.md section 5, rule 10). The library never cancels anything itself.
 */
public record EntitlementChange(EntitlementId entitlement, long decidedVersion,
    EntitlementStatus decidedStatus, long currentVersion, EntitlementStatus currentStatus,
    String message) {

  public EntitlementChange {
    checkNotNull(entitlement, "entitlement");
    checkNotNull(decidedStatus, "decidedStatus");
    checkNotNull(currentStatus, "currentStatus");
    Codes.check(message, "message");
  }
}
