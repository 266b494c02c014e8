package org.irmer.entitlement.core.domain;

/** Whether a scope rule covers patients who are or may be pregnant. */
public enum PregnancyConstraint {
  ALLOWED,
  /** Refuses {@link PregnancyStatus#PREGNANT} and {@link PregnancyStatus#POSSIBLY_PREGNANT}. */
  EXCLUDED
}
