package org.irmer.entitlement.core.domain;

import static com.google.common.base.Preconditions.checkNotNull;

/**
 * What a retrospective audit found for one referrer's requests to one imaging employer (principle
 * 10): entitlement is granted by an employer, so a referrer who refers to two is audited at each.
 */
public record ReferrerAudit(PersonId referrer, EmployerId employer, AuditCounts counts) {

  public ReferrerAudit {
    checkNotNull(referrer, "referrer");
    checkNotNull(employer, "employer");
    checkNotNull(counts, "counts");
  }
}
