package org.irmer.entitlement.core.port.in;

import java.time.Instant;
import org.irmer.entitlement.core.domain.SweepReport;

/**
 * The scheduled compliance sweep (principle 6; ARCHITECTURE.md flow 3), each change made by the
 * system actor {@code compliance-sweep} and audited.
 *
 * <p>First, change notices (principle 5): every pending notice whose last day has passed in its
 * employer's zone takes effect as {@link ManageEntitlements} describes (leaving ends, a role change
 * suspends pending review and saves the new role, a scope reduction supersedes), each entitlement
 * getting back the last day it had before the notice; the notice becomes {@code IN_EFFECT} and the
 * step is audited as {@code apply-notice}. Entitlements under a notice that could not be applied
 * this run are not judged again by it.
 *
 * <p>Then, registrations (DOMAIN.md section 3): for every referrer it covers (every person with a
 * registration who holds a live individual entitlement, or whose regulator a live group
 * entitlement names) the regulator's register is asked, through {@link ManageRegistrations}, and
 * the stricter status of the register's record and the regulator's entry wins ({@link
 * org.irmer.entitlement.core.domain.RegistrationStatus}; no entry counts as {@code REMOVED}). A
 * stricter status on the regulator's register is recorded (source {@code LOOKUP}, effective when
 * the entry says or else at the sweep's instant), which tells the person and the delegates; a
 * stricter status on the record is kept, and the delegates of the employers the person is connected
 * to are told ({@code REGISTRATION}).
 *
 * <p>Last, for every employer, on the sweep's local date in its zone and under its current written
 * procedures, every live individual and group entitlement is judged:
 *
 * <ol>
 *   <li>past its {@code validTo}: {@code EXPIRED};
 *   <li>an {@code ACTIVE} individual entitlement is {@code SUSPENDED}, with every cause as its
 *       reason, when the referrer's registration on the record (as just recorded) is not current
 *       or the role it is bound to is not held; when lapsed training refuses every rule of its
 *       scope (missing or expired under {@code BLOCK}, or expired more than the grace days under
 *       {@code WARN_WITH_GRACE}; training in grace while the date is at most that many days
 *       after its last valid day), as in scenario S5; or when the audit of practice is overdue
 *       (the latest audit's next due date, or {@code validFrom} plus the audit interval before
 *       any audit, plus the audit grace days, is before the date);
 *   <li>lapsed training that refuses only some rules, is in grace or falls under {@code
 *       NOTIFY_ONLY} is flagged to the referrer and the delegates ({@code TRAINING_LAPSED}): the
 *       request-time check refuses or warns request by request;
 *   <li>a live entitlement whose review date has come is flagged to the delegates ({@code
 *       REVIEW_DUE}).
 * </ol>
 *
 * <p>Idempotent: running it twice at the same instant changes nothing the second time. A notice
 * takes effect once, final entitlements are never judged again, a registration recorded from the
 * regulator's register agrees with it, and each flag is notified once per entitlement or person and
 * cause (a review date, a training's lapse and standing, the two registration statuses), remembered
 * by its audit record; the report lists every flag found, notified this run or before. Low
 * activity is not judged here: the register holds no count of requests.
 */
public interface RunComplianceSweep {

  /**
   * Sweeps the whole register as at {@code at}; returns the notices applied, the registrations
   * recorded and the entitlements expired and suspended by this run, and the flags found.
   */
  SweepReport sweep(Instant at);
}
