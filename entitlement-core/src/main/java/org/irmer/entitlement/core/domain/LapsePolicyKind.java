package org.irmer.entitlement.core.domain;

/** What happens when training required by the procedures has lapsed (principle 4). */
public enum LapsePolicyKind {
  /** Requests needing the training are refused. */
  BLOCK,
  /** Requests are allowed with a warning for a number of days after the training expired. */
  WARN_WITH_GRACE,
  /** Requests are allowed; the referrer and delegate are notified. */
  NOTIFY_ONLY
}
