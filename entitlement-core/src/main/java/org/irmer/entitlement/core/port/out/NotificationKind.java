package org.irmer.entitlement.core.port.out;

/** What a {@link Notification} is about. */
public enum NotificationKind {
  /** An application was submitted, decided, or needs information. */
  APPLICATION,
  /** An entitlement was granted, activated, suspended, reinstated, revoked, expired or ended. */
  ENTITLEMENT_STATUS,
  /** A task for the delegate: review a referrer for suspension (principle 6). */
  SUSPENSION_REVIEW,
  /** Training lapsed or will lapse (principle 4). */
  TRAINING_LAPSED,
  /** The practitioner's feedback on a referral, such as not justified (principle 7). */
  JUSTIFICATION_FEEDBACK,
  /** The entitlement's review or the referrer's audit is due. */
  REVIEW_DUE,
  /** Low activity flagged for review (never an automatic suspension). */
  LOW_ACTIVITY,
  /**
   * A person's registration status was recorded, or the register and the regulator's register
   * disagree about it (DOMAIN.md section 3).
   */
  REGISTRATION
}
