package org.irmer.entitlement.core.domain;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import java.time.Instant;
import java.util.Optional;

/**
 * The result of a retrospective audit of a referral log (principle 10 of the 2025 guidance: an
 * employer audits past practice against the entitlement as it stood at the time): every request
 * judged as of its own instant, with the same decision semantics as the request-time check
 * (DOMAIN.md section 5).
 *
 * <p>{@code rows} counts every row of the log, read or not; {@code skipped} those that could not be
 * read, of which the first {@code firstSkipped} are kept, in file order. {@code total} covers every
 * request audited; {@code employers} and {@code referrers} split it, sorted by id (a referrer by
 * employer, then person). {@code earliest} and {@code latest} are the instants of the first and
 * last requests in time, empty when none was audited. {@code snapshots} counts the states of the
 * register the requests were judged against (one per interval between entitlement changes that
 * holds a request). {@code auditSequence} is the sequence of the audit-trail entry recording the
 * run.
 */
public record ReferralAuditReport(
    String log,
    Instant auditedAt,
    long rows,
    long skipped,
    ImmutableList<SkippedRow> firstSkipped,
    AuditCounts total,
    ImmutableList<EmployerAudit> employers,
    ImmutableList<ReferrerAudit> referrers,
    Optional<Instant> earliest,
    Optional<Instant> latest,
    long snapshots,
    long auditSequence) {

  public ReferralAuditReport {
    checkNotNull(log, "log");
    checkNotNull(auditedAt, "auditedAt");
    checkNotNull(firstSkipped, "firstSkipped");
    checkNotNull(total, "total");
    checkNotNull(employers, "employers");
    checkNotNull(referrers, "referrers");
    checkNotNull(earliest, "earliest");
    checkNotNull(latest, "latest");
    checkArgument(skipped >= 0 && skipped >= firstSkipped.size(),
        "skipped (%s) must count at least the skipped rows kept (%s)", skipped, firstSkipped.size());
    checkArgument(rows == skipped + total.requests(),
        "rows (%s) must be the rows skipped (%s) and the requests audited (%s)", rows, skipped,
        total.requests());
    checkArgument(earliest.isPresent() == (total.requests() > 0),
        "earliest and latest are given exactly when a request was audited");
    checkArgument(latest.isPresent() == earliest.isPresent(), "earliest and latest go together");
    checkArgument(snapshots >= 0, "snapshots must not be negative: %s", snapshots);
    long byEmployer = employers.stream().mapToLong(employer -> employer.counts().requests()).sum();
    checkArgument(byEmployer == total.requests(),
        "the employers' requests (%s) must add up to the total (%s)", byEmployer, total.requests());
  }
}
