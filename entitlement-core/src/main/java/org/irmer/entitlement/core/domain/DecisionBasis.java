package org.irmer.entitlement.core.domain;

/** On what an {@link Outcome#ENTITLED} decision rests. */
public enum DecisionBasis {
  /** The referrer's own entitlement at the imaging employer. */
  INDIVIDUAL_ENTITLEMENT,
  /** A group entitlement of the imaging employer that covers the referrer. */
  GROUP_ENTITLEMENT,
  /** Another employer's entitlement, recognised under a shared-responsibility agreement. */
  RECOGNISED_UNDER_AGREEMENT
}
