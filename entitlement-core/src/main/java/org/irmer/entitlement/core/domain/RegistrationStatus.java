package org.irmer.entitlement.core.domain;

/** The state of a professional registration; only {@link #REGISTERED} allows referrals. */
public enum RegistrationStatus {
  REGISTERED,
  LAPSED,
  REMOVED,
  SUSPENDED
}
