package org.irmer.entitlement.core.domain;

/** The answer to the pregnancy enquiry carried by a request. */
public enum PregnancyStatus {
  NOT_PREGNANT,
  PREGNANT,
  POSSIBLY_PREGNANT,
  /** The enquiry was made but not answered; treated as absent where the enquiry is required. */
  UNKNOWN;

  /** Whether a rule that excludes pregnancy must refuse a patient with this status. */
  public boolean mayBePregnant() {
    return this == PREGNANT || this == POSSIBLY_PREGNANT;
  }
}
