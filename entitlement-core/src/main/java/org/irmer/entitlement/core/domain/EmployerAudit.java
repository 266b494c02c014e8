package org.irmer.entitlement.core.domain;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

/**
 * What a retrospective audit found for every request made to one imaging employer (principle 10:
 * the employer audits its referrers' past practice): {@code counts} covers them all, {@code
 * referrers} is the number of referrers known to the register who made them, and {@code
 * unknownReferrers} counts, together, the requests made in the names of people the register does
 * not know (each refused {@code NOT_ENTITLED_AT_EMPLOYER}): kept as one group so that a log full of
 * stray ids cannot grow the report without bound.
 */
public record EmployerAudit(EmployerId employer, long referrers, AuditCounts unknownReferrers,
    AuditCounts counts) {

  public EmployerAudit {
    checkNotNull(employer, "employer");
    checkNotNull(unknownReferrers, "unknownReferrers");
    checkNotNull(counts, "counts");
    checkArgument(referrers >= 0, "referrers must not be negative: %s", referrers);
    checkArgument(unknownReferrers.requests() <= counts.requests(),
        "the requests of unknown referrers (%s) are among the employer's (%s)",
        unknownReferrers.requests(), counts.requests());
  }
}
