package org.irmer.entitlement.core.port.in;

import org.irmer.entitlement.core.domain.CommandContext;
import org.irmer.entitlement.core.domain.ReferralAuditReport;
import org.irmer.entitlement.core.domain.ReferralRequest;

/**
 * Retrospective audit of past referrals (principle 10 of the 2025 guidance; ARCHITECTURE.md flow
 * 4): an employer audits what its referrers requested against the entitlement as it stood at the
 * time. Each request is judged as of its own instant, with the decision semantics of the
 * request-time check (DOMAIN.md section 5), and counted per referrer and per employer.
 *
 * <p>A run is fed row by row, in any order, so that a log of any length is audited in memory that
 * does not grow with it: {@link #begin} starts one, {@link Run#request} and {@link Run#skipped}
 * take each row, {@link Run#finish} reports and writes one audit-trail record summarising the run
 * (every command leaves an audit record). Auditing changes nothing in the register but that
 * record; the checks it makes are not recorded one by one and raise no compliance event.
 */
public interface AuditPastReferrals {

  /**
   * Starts an audit of the log named {@code log} (a file name, as the report and the audit record
   * will name it), run by {@code context}'s actor at its instant for its cause.
   *
   * @throws org.irmer.entitlement.core.port.out.StoreUnavailableException when the register's
   *     history cannot be read
   */
  Run begin(String log, CommandContext context);

  /** One audit in progress; used by one thread, once. */
  interface Run {

    /** Audits {@code request}, read from the row at {@code line} of the log (from 1). */
    void request(long line, ReferralRequest request);

    /** Counts the row at {@code line} as skipped: it could not be read, for the reason {@code why}. */
    void skipped(long line, String why);

    /**
     * Ends the run: appends its audit-trail record and returns the report.
     *
     * @throws IllegalStateException when the run has already finished
     * @throws org.irmer.entitlement.core.port.out.StoreUnavailableException when the record cannot
     *     be written
     */
    ReferralAuditReport finish();
  }
}
