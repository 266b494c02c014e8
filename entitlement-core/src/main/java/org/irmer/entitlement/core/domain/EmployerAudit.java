package org.irmer.entitlement.core.domain;

import static com.google.common.base.Preconditions.checkNotNull;

/**
 * What a retrospective audit found for every request made to one imaging employer (principle 10:
 * the employer audits its referrers' past practice).
 */
public record EmployerAudit(EmployerId employer, long referrers, AuditCounts counts) {

  public EmployerAudit {
    checkNotNull(employer, "employer");
    checkNotNull(counts, "counts");
    com.google.common.base.Preconditions.checkArgument(referrers >= 0,
        "referrers must not be negative: %s", referrers);
  }
}
