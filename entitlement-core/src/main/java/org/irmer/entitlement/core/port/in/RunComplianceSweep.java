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
 *   <li>training in its grace period raises a {@code TRAINING_GRACE} task, due on the grace
 *       period's last day, and tells the referrer (scenario S5); lapsed training that refuses
 *       only some rules, or falls under {@code NOTIFY_ONLY}, is flagged to the referrer and the
 *       delegates ({@code TRAINING_LAPSED}): the request-time check refuses or warns request by
 *       request;
 *   <li>a live individual entitlement whose review date has come raises a {@code REVIEW_DUE}
 *       task, due on that date; a group entitlement's, which no one referrer holds, is flagged to
 *       the delegates ({@code REVIEW_DUE});
 *   <li>a live individual entitlement within the procedures' {@code validityEndingNotice} of its
 *       {@code validTo} raises a {@code VALIDITY_ENDING} task, due on {@code validTo}, and tells
 *       the referrer;
 *   <li>an {@code ACTIVE} individual entitlement whose referrer made no more requests at the
 *       employer, in the latest completed year of the entitlement (from {@code validFrom} and each
 *       anniversary, in the employer's zone, counted by {@link
 *       org.irmer.entitlement.core.port.out.ReferralActivity} from the recorded decisions), than
 *       the procedures' {@code minimumRequestsPerYear} raises a {@code LOW_ACTIVITY} task
 *       (principle 6: flagged for review, never suspended); a year that began before the day the
 *       register first held the entitlement is not judged, since no request of it was recorded.
 * </ol>
 *
 * <p>Every open application (not decided or withdrawn) at an employer with procedures that has
 * passed a target time ({@link org.irmer.entitlement.core.domain.ApplicationTimes}: working days to
 * a decision, or days in all) raises an {@code APPLICATION_OVERDUE} task per target. A task whose
 * cause gives no date of its own is due the procedures' {@code taskResponseDays} after it is
 * raised. Each task raised is audited as {@code raise-task} (subject the task) and notified to the
 * delegates with the task as subject; the report lists the tasks raised by this run. Last, every
 * open task whose entitlement has become final, or whose application has been decided or
 * withdrawn, is {@code CANCELLED} by the sweep ({@code cancel-task}).
 *
 * <p>Idempotent: running it twice at the same instant changes nothing the second time. A notice
 * takes effect once, final entitlements are never judged again, a registration recorded from the
 * regulator's register agrees with it, each task is raised once per cause (its {@linkplain
 * org.irmer.entitlement.core.domain.TaskCause#key() key} names the entitlement or application and
 * the date or lapse that raised it, and the task store keeps one task per key, whatever its state),
 * and each flag is notified once per entitlement or person and cause (a review date, a training's
 * lapse and standing, the two registration statuses), remembered by its audit record; the report
 * lists every flag found, notified this run or before. The sweep never reinstates anyone: it only
 * expires, suspends, raises and cancels.
 */
public interface RunComplianceSweep {

  /**
   * Sweeps the whole register as at {@code at}; returns the notices applied, the registrations
   * recorded, the entitlements expired and suspended and the tasks raised by this run, and the
   * flags found.
   */
  SweepReport sweep(Instant at);
}
