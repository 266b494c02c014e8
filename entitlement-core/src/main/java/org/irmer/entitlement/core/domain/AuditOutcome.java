package org.irmer.entitlement.core.domain;

/** The outcome of an audit of a referrer's practice (principle 10). */
public enum AuditOutcome {
  PASS,
  ACTION_PLAN,
  FAIL
}
