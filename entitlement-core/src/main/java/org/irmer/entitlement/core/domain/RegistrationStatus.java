package org.irmer.entitlement.core.domain;

/**
 * The state of a professional registration; only {@link #REGISTERED} allows referrals (DOMAIN.md
 * section 3 and section 5, rule 3).
 *
 * <p>The constants are declared from the least to the most strict, and {@link #isStricterThan}
 * follows that order: {@code REGISTERED < LAPSED < SUSPENDED < REMOVED}. A lapse is administrative
 * (a renewal or fee not paid) and ends on renewal; a suspension is the regulator's sanction while
 * fitness to practise is in question; removal strikes the person off the register. Where the
 * register's copy and the regulator's own entry disagree, the stricter status wins: the register
 * may be stricter than the regulator, never more lenient.
 */
public enum RegistrationStatus {
  REGISTERED,
  LAPSED,
  SUSPENDED,
  REMOVED;

  /** Whether this status restricts more than {@code other} in the order of declaration. */
  public boolean isStricterThan(RegistrationStatus other) {
    return compareTo(other) > 0;
  }
}
