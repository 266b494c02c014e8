package org.irmer.entitlement.core.domain;

/** The changes a referrer notifies (principle 5), which a notice can announce ahead of the day. */
public enum ChangeNoticeKind {
  /** The person leaves the employer: every live entitlement of theirs there ends. */
  LEAVING,
  /**
   * The person moves to another role at the employer: the entitlements bound to the old role are
   * suspended pending review (scenario S7).
   */
  ROLE_CHANGE,
  /** The referrer's scope of practice narrows: the entitlement is superseded by a reduced scope. */
  SCOPE_REDUCTION
}
