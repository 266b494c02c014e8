package org.irmer.entitlement.core.port.in;

import com.google.common.collect.ImmutableList;
import java.time.LocalDate;
import org.irmer.entitlement.core.domain.AuditRecord;
import org.irmer.entitlement.core.domain.ChangeNotice;
import org.irmer.entitlement.core.domain.ChangeNoticeId;
import org.irmer.entitlement.core.domain.CommandContext;
import org.irmer.entitlement.core.domain.CommandResult;
import org.irmer.entitlement.core.domain.ComplianceEvent;
import org.irmer.entitlement.core.domain.EmployerId;
import org.irmer.entitlement.core.domain.Entitlement;
import org.irmer.entitlement.core.domain.EntitlementId;
import org.irmer.entitlement.core.domain.GroupCriteria;
import org.irmer.entitlement.core.domain.PersonId;
import org.irmer.entitlement.core.domain.Role;
import org.irmer.entitlement.core.domain.RoleId;
import org.irmer.entitlement.core.domain.Scope;
import org.irmer.entitlement.core.domain.TrainingRecord;

/**
 * The life of granted entitlements: suspension, reinstatement, revocation, expiry, scope changes,
 * the referrer's change notifications (principle 5), training (principle 4), compliance events
 * (principle 6) and audits (principle 10).
 *
 * <p>Only a current delegate of the entitlement's employer may suspend, reinstate, revoke or change
 * scope (principle 1), and never reinstate or change the scope of their own entitlement ({@code
 * OWN_APPLICATION}); the system may suspend and expire, as the compliance sweep does. A move the
 * state machine of {@link org.irmer.entitlement.core.domain.EntitlementStatus} forbids is {@code
 * ILLEGAL_TRANSITION}; an unknown entitlement, person or employer is {@code NOT_FOUND}; a record
 * someone else changed first is {@code CONCURRENT_CHANGE}. Dates are the command's local date in
 * the employer's zone; a status change keeps the context's cause as its reason.
 *
 * <p>Every command, accepted or refused, appends one audit record (action such as {@code
 * suspend-entitlement}, actor, instant, subject, result, causes, state before and after); a refused
 * command changes nothing else. When an accepted command changes the status of other entitlements
 * by a rule of the procedures rather than by anyone's decision (a role change suspending, leaving
 * ending, training activating, the non-compliance threshold suspending), each such change appends
 * one more record: subject that entitlement, actor the system rule ({@code role-change}, {@code
 * leaving}, {@code training-prerequisites}, {@code non-compliance-threshold}), causes the reason
 * and then the triggering command. The referrer is told of every change to their entitlement, and
 * the delegates of every change the system made.
 *
 * <p><b>Notice in advance</b> (principle 5). Leaving, a role change and a reduced scope notified on
 * or before their last day (the command's local date in the employer's zone) are stored as a
 * pending {@link ChangeNotice}, with the id {@code N-<person>-<n>} ({@code n} one more than the
 * person's notices so far; {@code ChangeNoticeStore} lists them), and take effect at the first
 * instant after the end of the last day in the employer's zone, whatever the clocks do that day
 * (DOMAIN.md section 5, rule 1). Until then everything holds as before. Each entitlement the notice
 * concerns is limited to the last day at once (a new version with that {@code validTo} and the same
 * status, audited as {@code limit-entitlement}), which is all both engines need to refuse from the
 * first instant after it, without anyone running a job; a leaving or role change ends the roles
 * concerned on the last day at once. On the first day after it, the compliance sweep makes the
 * change exactly as a notification made that day would have, each entitlement getting back the last
 * day it had; until the sweep has run, the engines refuse with {@code ENTITLEMENT_EXPIRED}. A
 * notice can be withdrawn until the end of its last day ({@link #withdrawNotice}), which gives
 * everything back. One notice at a time may concern an entitlement or a role, and leaving waits
 * for every other notice of the person at that employer ({@code INVALID_REQUEST}, naming the
 * pending notice), so withdrawing one never undoes another; while a notice concerns an entitlement
 * its scope is not changed, and an application on a role a notice ends is not approved. Notified
 * after the last day, a change takes effect at once.
 */
public interface ManageEntitlements {

  /**
   * Grants a group entitlement (for example all GMC-registered doctors), by a current delegate,
   * {@code ACTIVE} from the command's date for the procedures' validity period, with the id {@code
   * G-<employer>-<n>} where {@code n} is one more than the employer's group entitlements.
   */
  CommandResult<Entitlement> grantGroup(
      EmployerId employer, GroupCriteria group, Scope scope, CommandContext context);

  /** A live entitlement to {@code SUSPENDED}, by a current delegate or the system. */
  CommandResult<Entitlement> suspend(EntitlementId id, CommandContext context);

  /**
   * {@code SUSPENDED} to {@code ACTIVE}, by a current delegate; refused while the referrer's
   * registration on the register's record, the one the engines read, is not current ({@code
   * REGISTRATION_NOT_CURRENT}, or {@code NOT_A_REGISTERED_PROFESSIONAL} when they hold none; the
   * regulator's changes reach the record through {@link ManageRegistrations}) or the role the
   * entitlement is bound to is not held ({@code ROLE_NOT_VALID}, principle 5).
   */
  CommandResult<Entitlement> reinstate(EntitlementId id, CommandContext context);

  /** A live entitlement to {@code REVOKED}, by a current delegate. */
  CommandResult<Entitlement> revoke(EntitlementId id, CommandContext context);

  /**
   * Marks an entitlement {@code EXPIRED}, by a current delegate or the system; refused ({@code
   * INVALID_REQUEST}) before the day after its {@code validTo}.
   */
  CommandResult<Entitlement> expire(EntitlementId id, CommandContext context);

  /**
   * Replaces the scope (principle 3): the old entitlement becomes {@code SUPERSEDED} and a new one
   * supersedes it, with id {@code <first id>-v<n>}, the scope given but with version {@code n}, one
   * more than the old scope's, the same status, status reason, validity and review date, granted by
   * the acting delegate under the current procedures. Returns the new entitlement. Refused ({@code
   * INVALID_REQUEST}) while a pending notice concerns the entitlement.
   */
  CommandResult<Entitlement> changeScope(EntitlementId id, Scope scope, CommandContext context);

  /**
   * The referrer notifies a move to a new role at the same employer (principle 5); only the old
   * role's holder may ({@code NOT_THE_REFERRER}). The new role must have an id of its own, the same
   * person and employer, and start after the old one ({@code INVALID_REQUEST}). The old role's last
   * day is the day before the new one starts; the old role ends then, whenever it is notified.
   *
   * <p>On the day the move takes effect (at once when notified after the last day, else by the
   * sweep under notice) the new role is saved and each entitlement bound to the old role changes
   * (scenario S7): an {@code ACTIVE} one is suspended pending review; one {@code
   * PENDING_PREREQUISITES}, never used, is {@code ENDED}; a {@code SUSPENDED} one stays so, and
   * cannot be reinstated once the role has ended. Returns the entitlements changed: at once, or
   * limited to the last day under notice.
   */
  CommandResult<ImmutableList<Entitlement>> notifyRoleChange(
      RoleId oldRole, Role newRole, CommandContext context);

  /**
   * The referrer, or a current delegate of the employer, notifies leaving it (principle 5), with
   * {@code lastDay} the last day there: the person's roles there that last beyond it end on it at
   * once ({@code INVALID_REQUEST} for a role starting after it), and every live entitlement of
   * theirs at that employer is {@code ENDED} on the day leaving takes effect: at once when notified
   * after the last day, else by the sweep under notice. Returns the entitlements changed: ended at
   * once, or limited to the last day under notice.
   */
  CommandResult<ImmutableList<Entitlement>> notifyLeaving(
      PersonId person, EmployerId employer, LocalDate lastDay, CommandContext context);

  /**
   * The referrer, or a current delegate of the employer, notifies that the referrer's scope of
   * practice narrows after {@code lastDay} (principle 5). The reduced scope keeps some, not all, of
   * the individual entitlement's scope rules, each unchanged ({@code INVALID_REQUEST} otherwise, as
   * for a group entitlement: any other change of scope is a delegate's {@link #changeScope}).
   * Anyone else is {@code NOT_THE_REFERRER}; a final entitlement is {@code ILLEGAL_TRANSITION}.
   *
   * <p>On the day the reduction takes effect (at once when notified after the last day, else by
   * the sweep under notice) the entitlement is {@code SUPERSEDED}, as by a change of scope, by
   * {@code <first id>-v<n>} with the reduced scope at the next scope version and otherwise as it
   * was (status, validity, review date, grant and procedures version: a reduction is not a new
   * grant). Returns the successor when it took effect at once, else the entitlement limited to the
   * last day.
   */
  CommandResult<Entitlement> notifyScopeReduction(
      EntitlementId id, Scope reduced, LocalDate lastDay, CommandContext context);

  /**
   * Withdraws a pending notice before it takes effect, by the person it concerns or a current
   * delegate of its employer ({@code NOT_THE_REFERRER} otherwise): each entitlement it limited that
   * is live and still ends on the notice's last day gets back the last day it had (audited as
   * {@code restore-entitlement}), each role it ended gets back the end it had, a notified new role
   * is never saved, and the notice becomes {@code WITHDRAWN}. From the first instant after its last
   * day, in the employer's zone, it is {@code NOTICE_IN_EFFECT}; a withdrawn notice is {@code
   * ILLEGAL_TRANSITION}; an unknown one {@code NOT_FOUND}. Returns the withdrawn notice.
   */
  CommandResult<ChangeNotice> withdrawNotice(ChangeNoticeId id, CommandContext context);

  /**
   * Records training (principle 4), by any actor (the record names who verified it), and activates
   * each of the person's {@code PENDING_PREREQUISITES} entitlements that is within its validity,
   * whose referrer's registration is current and role held, and all of whose scope's required
   * training, under the employer's current procedures, is now current.
   */
  CommandResult<TrainingRecord> recordTraining(TrainingRecord record, CommandContext context);

  /**
   * Records a compliance event (principle 6). The referrer's events at the employer that count
   * (upheld, never a {@code BLOCKED_ATTEMPT}) and occurred within the procedures' window before the
   * command's instant (both ends inclusive) are counted when a counting event within the window is
   * recorded; at or above the threshold the procedures' action is taken, again on every further
   * counting event: {@code REVIEW} raises a {@code SUSPENSION_REVIEW} task for the delegates (its
   * cause the event, so once per event; named in the result's {@link CommandResult#tasksRaised()})
   * and notifies the referrer and the supervisor of each of their live entitlements there, naming
   * the task and changing no status until a delegate decides it through {@link ManageTasks}
   * (scenario S11); {@code SUSPEND} suspends each of their {@code ACTIVE} entitlements there at
   * once. A counting event at an employer without procedures is {@code NO_PROCEDURES}.
   */
  CommandResult<ComplianceEvent> recordComplianceEvent(
      ComplianceEvent event, CommandContext context);

  /**
   * Records the IR(ME)R practitioner's justification outcome for a referral, such as not justified
   * (principle 7): stored as given and fed back to the referrer, never an entitlement breach by
   * itself (scenario S8): it changes no entitlement and does not evaluate the threshold. An outcome
   * stored as upheld counts, like any upheld event, when the threshold is next evaluated.
   */
  CommandResult<ComplianceEvent> recordJustificationOutcome(
      ComplianceEvent outcome, CommandContext context);

  /**
   * Records an audit of the referrer's practice (principle 10); its {@code nextDue} sets when the
   * next is due, and the compliance sweep suspends once that date plus the audit grace has passed.
   * Under written procedures the next audit is due at the latest one audit interval after the
   * review ({@link org.irmer.entitlement.core.domain.WrittenProcedures#nextAuditDue}, which a
   * caller uses to set it); an earlier date (a re-audit after an action plan) is kept, a later one
   * is {@code INVALID_REQUEST}. A {@code FAIL} also records an upheld {@code AUDIT_FAIL} compliance event {@code
   * AUDIT-FAIL-<audit id>}, occurring at the command's instant, which counts towards the threshold
   * as {@link #recordComplianceEvent} does.
   */
  CommandResult<AuditRecord> recordAudit(AuditRecord record, CommandContext context);
}
