package org.irmer.entitlement.core.port.out;

/**
 * What part of the register a {@link RegisterChange} touched, so that an engine following the
 * {@link ChangeFeed} refreshes only what it must: one referrer's slice for a {@link #PERSON}
 * change, a recompilation for the others.
 */
public enum ChangeKind {
  /** A person: their record, registration, roles, individual entitlements or training. */
  PERSON,
  /** An employer's record, including which written procedures it names. */
  EMPLOYER,
  /** A new version of an employer's written procedures. */
  PROCEDURES,
  /** A shared-responsibility agreement. */
  AGREEMENT,
  /** A group entitlement of an employer. */
  GROUP_ENTITLEMENT,
  /** A delegation; decisions do not read delegations, so engines ignore it. */
  DELEGATION,
  /** The examination catalogue or the body-region tree. */
  CATALOGUE,
  /** The referral guidelines. */
  GUIDELINES;

  /** Whether an engine must recompile, rather than refresh one person, to reflect this change. */
  public boolean needsRecompile() {
    return this != PERSON && this != DELEGATION;
  }
}
