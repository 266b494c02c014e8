package org.irmer.entitlement.core.service;

import java.util.Locale;

/**
 * The name under which each lifecycle command, and each change a command or the sweep makes as a
 * consequence, is recorded in the audit trail: the constant's name in kebab case, for example
 * {@code approve-application}.
 */
enum Action {
  SUBMIT_APPLICATION,
  START_REVIEW,
  REQUEST_INFORMATION,
  PROVIDE_INFORMATION,
  APPROVE_APPLICATION,
  REFUSE_APPLICATION,
  WITHDRAW_APPLICATION,
  GRANT_GROUP_ENTITLEMENT,
  SUSPEND_ENTITLEMENT,
  REINSTATE_ENTITLEMENT,
  REVOKE_ENTITLEMENT,
  EXPIRE_ENTITLEMENT,
  CHANGE_SCOPE,
  NOTIFY_ROLE_CHANGE,
  NOTIFY_LEAVING,
  NOTIFY_SCOPE_REDUCTION,
  WITHDRAW_NOTICE,
  RECORD_TRAINING,
  RECORD_COMPLIANCE_EVENT,
  RECORD_JUSTIFICATION_OUTCOME,
  RECORD_AUDIT,
  RECORD_REGISTRATION,
  /** A pending entitlement whose required training is now evidenced becomes active. */
  ACTIVATE_ENTITLEMENT,
  /** An entitlement ends because the referrer left the employer. */
  END_ENTITLEMENT,
  /** A change notice limits an entitlement to the notice's last day (principle 5). */
  LIMIT_ENTITLEMENT,
  /** An entitlement gets back the last day a change notice took from it. */
  RESTORE_ENTITLEMENT,
  /** The sweep makes the change a notice announced, on the first day after its last day. */
  APPLY_NOTICE,
  /** The sweep tells the delegates that an entitlement's review is due. */
  FLAG_REVIEW_DUE,
  /** The sweep tells the referrer and delegates that required training lapsed. */
  FLAG_TRAINING_LAPSED,
  /**
   * The sweep tells the delegates that the register holds a stricter registration status than the
   * regulator's register, and keeps it.
   */
  FLAG_REGISTRATION_DISAGREEMENT,
  /** The sweep raises a task for the delegates (a review due, low activity, ...). */
  RAISE_TASK,
  /** A delegate decides a task, running the lifecycle command the decision calls for. */
  DECIDE_TASK,
  /** The sweep cancels an open task whose entitlement or application needs no decision now. */
  CANCEL_TASK;

  /**
   * The kebab-case name recorded as {@link org.irmer.entitlement.core.domain.AuditEvent#action()}.
   */
  String auditName() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
