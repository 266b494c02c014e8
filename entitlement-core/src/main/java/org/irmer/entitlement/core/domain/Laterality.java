package org.irmer.entitlement.core.domain;

/** The side an examination code is for. */
public enum Laterality {
  LEFT,
  RIGHT,
  BILATERAL,
  NOT_APPLICABLE
}
