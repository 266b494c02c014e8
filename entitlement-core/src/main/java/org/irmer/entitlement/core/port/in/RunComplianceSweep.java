package org.irmer.entitlement.core.port.in;

import java.time.Instant;
import org.irmer.entitlement.core.domain.SweepReport;

/**
 * The scheduled compliance sweep (principle 6; ARCHITECTURE.md flow 3). For every employer, on the
 * sweep's local date in its zone and under its current written procedures, every live individual
 * and group entitlement is judged, each change made by the system actor {@code compliance-sweep}
 * and audited:
 *
 * <ol>
 *   <li>past its {@code validTo}: {@code EXPIRED};
 *   <li>an {@code ACTIVE} individual entitlement is {@code SUSPENDED}, with every cause as its
 *       reason, when the referrer's registration is not current or the role it is bound to is not
 *       held; when lapsed training refuses every rule of its scope (missing or expired under {@code
 *       BLOCK}, or expired more than the grace days under {@code WARN_WITH_GRACE}; training in
 *       grace while the date is at most that many days after its last valid day), as in scenario
 *       S5; or when the audit of practice is overdue (the latest audit's next due date, or {@code
 *       validFrom} plus the audit interval before any audit, plus the audit grace days, is before
 *       the date);
 *   <li>lapsed training that refuses only some rules, is in grace or falls under {@code
 *       NOTIFY_ONLY} is flagged to the referrer and the delegates ({@code TRAINING_LAPSED}): the
 *       request-time check refuses or warns request by request;
 *   <li>a live entitlement whose review date has come is flagged to the delegates ({@code
 *       REVIEW_DUE}).
 * </ol>
 *
 * <p>Idempotent: running it twice at the same instant changes nothing the second time. Final
 * entitlements are never judged again, and each flag is notified once per entitlement and cause (a
 * review date, a training's lapse and standing), remembered by its audit record; the report lists
 * every flag found, notified this run or before. Low activity is not judged here: the register
 * holds no count of requests.
 */
public interface RunComplianceSweep {

  /**
   * Sweeps the whole register as at {@code at}; returns the entitlements expired and suspended by
   * this run and the flags found.
   */
  SweepReport sweep(Instant at);
}
