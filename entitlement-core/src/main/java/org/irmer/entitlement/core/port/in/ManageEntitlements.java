package org.irmer.entitlement.core.port.in;

import java.time.LocalDate;
import org.irmer.entitlement.core.domain.AuditRecord;
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
import com.google.common.collect.ImmutableList;

/**
 * The life of granted entitlements: suspension, reinstatement, revocation, expiry, scope changes,
 * the referrer's change notifications (principle 5), training (principle 4), compliance events
 * (principle 6) and audits (principle 10).
 *
 * <p>Only a current delegate of the entitlement's employer may suspend, reinstate, revoke or change
 * scope (principle 1); the system may suspend and expire through the compliance sweep. Every
 * command, accepted or refused, appends an audit record; a refused command changes nothing else.
 */
public interface ManageEntitlements {

  /** Grants a group entitlement (for example all GMC-registered doctors), by a current delegate. */
  CommandResult<Entitlement> grantGroup(EmployerId employer, GroupCriteria group, Scope scope,
      CommandContext context);

  CommandResult<Entitlement> suspend(EntitlementId id, CommandContext context);

  /** {@code SUSPENDED} to {@code ACTIVE}; refused while the referrer's registration is not current. */
  CommandResult<Entitlement> reinstate(EntitlementId id, CommandContext context);

  CommandResult<Entitlement> revoke(EntitlementId id, CommandContext context);

  /** Marks an entitlement {@code EXPIRED}; refused before the day after its {@code validTo}. */
  CommandResult<Entitlement> expire(EntitlementId id, CommandContext context);

  /**
   * Replaces the scope: the old entitlement becomes {@code SUPERSEDED} and a new one, with the next
   * scope version and the same status and validity, supersedes it (principle 3).
   */
  CommandResult<Entitlement> changeScope(EntitlementId id, Scope scope, CommandContext context);

  /**
   * The referrer notifies a move to a new role at the same employer (principle 5): the old role
   * ends the day before the new one starts, and every entitlement bound to it is suspended pending
   * review. Returns the entitlements suspended.
   */
  CommandResult<ImmutableList<Entitlement>> notifyRoleChange(RoleId oldRole, Role newRole,
      CommandContext context);

  /**
   * The referrer notifies leaving the employer (principle 5): their roles there end on
   * {@code lastDay} and every entitlement of theirs at that employer ends. Returns those ended.
   */
  CommandResult<ImmutableList<Entitlement>> notifyLeaving(PersonId person, EmployerId employer,
      LocalDate lastDay, CommandContext context);

  /**
   * Records training (principle 4) and activates any of the person's entitlements that were
   * pending only this training.
   */
  CommandResult<TrainingRecord> recordTraining(TrainingRecord record, CommandContext context);

  /**
   * Records a compliance event (principle 6). When upheld events that count reach the procedures'
   * threshold within the window, raises a suspension review for the delegates and notifies the
   * referrer and supervisor ({@code REVIEW}), or suspends at once ({@code SUSPEND}).
   */
  CommandResult<ComplianceEvent> recordComplianceEvent(ComplianceEvent event, CommandContext context);

  /**
   * Records the IR(ME)R practitioner's justification outcome for a referral, such as not justified
   * (principle 7): stored and fed back to the referrer, never an entitlement breach by itself.
   */
  CommandResult<ComplianceEvent> recordJustificationOutcome(ComplianceEvent outcome,
      CommandContext context);

  /** Records an audit of the referrer's practice (principle 10); a fail counts as non-compliance. */
  CommandResult<AuditRecord> recordAudit(AuditRecord record, CommandContext context);
}
