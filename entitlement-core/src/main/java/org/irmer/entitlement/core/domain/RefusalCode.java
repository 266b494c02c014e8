package org.irmer.entitlement.core.domain;

/** The stable codes of the reasons a lifecycle command is refused. */
public enum RefusalCode {
  /** The application, entitlement, person, role or employer named does not exist. */
  NOT_FOUND,
  /** The actor is not a current delegate of the employer (principle 1). */
  NOT_A_CURRENT_DELEGATE,
  /**
   * A delegate may not decide their own application, nor reinstate or change the scope of their
   * own entitlement, nor record their own registration.
   */
  OWN_APPLICATION,
  /**
   * The person holds no statutory registration, or none the regulator's register knows (DOMAIN.md
   * section 3).
   */
  NOT_A_REGISTERED_PROFESSIONAL,
  /** The person's registration is lapsed, removed or suspended. */
  REGISTRATION_NOT_CURRENT,
  /** Less post-registration experience than the procedures require. */
  INSUFFICIENT_EXPERIENCE,
  MISSING_SERVICE_NEED,
  MISSING_PROPOSED_SCOPE,
  MISSING_SUPERVISOR,
  MISSING_CLINICAL_LEAD,
  MISSING_ACCOUNTABLE_MANAGER,
  MISSING_EVIDENCE,
  /** The role is not the applicant's, not at that employer, or not held on that date. */
  ROLE_NOT_VALID,
  /** The state machine does not allow the change from the current state. */
  ILLEGAL_TRANSITION,
  /** Someone else changed the record first; re-read and try again. */
  CONCURRENT_CHANGE,
  /** A new record was given an id that is already taken; choose another. */
  DUPLICATE_ID,
  /** Only the applicant may withdraw or revise their application. */
  NOT_THE_APPLICANT,
  /** Only the referrer may notify a change of their own role (principle 5). */
  NOT_THE_REFERRER,
  /**
   * The change notice took effect at the first instant after its last day and can no longer be
   * withdrawn (principle 5).
   */
  NOTICE_IN_EFFECT,
  /** The employer has no written procedures in force. */
  NO_PROCEDURES,
  /** The command's arguments contradict each other or the record (for example dates out of order). */
  INVALID_REQUEST
}
