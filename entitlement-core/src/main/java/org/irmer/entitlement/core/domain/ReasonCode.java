package org.irmer.entitlement.core.domain;

/**
 * The stable codes of the reasons a referral is not entitled (DOMAIN.md section 5). The names are
 * part of the public contract: integrations store and match them, so they are never renamed.
 * Each code belongs to the {@link Outcome} it leads to when it is the only kind of reason. A decision
 * whose reasons mix kinds takes the most definite outcome: any {@code NOT_ENTITLED} reason makes
 * it {@code NOT_ENTITLED}; otherwise any {@code INDETERMINATE} reason makes it
 * {@code INDETERMINATE}; otherwise {@code INSUFFICIENT_INFORMATION}.
 */
public enum ReasonCode {
  NOT_ENTITLED_AT_EMPLOYER(Outcome.NOT_ENTITLED, "No current entitlement at the imaging employer"),
  ENTITLEMENT_NOT_YET_ACTIVE(Outcome.NOT_ENTITLED, "The entitlement is not yet active"),
  ENTITLEMENT_SUSPENDED(Outcome.NOT_ENTITLED, "The entitlement is suspended"),
  ENTITLEMENT_REVOKED(Outcome.NOT_ENTITLED, "The entitlement has been revoked"),
  ENTITLEMENT_EXPIRED(Outcome.NOT_ENTITLED, "The entitlement has expired"),
  ENTITLEMENT_ENDED(Outcome.NOT_ENTITLED, "The entitlement has ended"),
  REGISTRATION_NOT_CURRENT(Outcome.NOT_ENTITLED, "The professional registration is not current"),
  TRAINING_MISSING(Outcome.NOT_ENTITLED, "Required training is not recorded"),
  TRAINING_EXPIRED(Outcome.NOT_ENTITLED, "Required training has expired"),
  OUT_OF_SCOPE_MODALITY(Outcome.NOT_ENTITLED, "The modality is outside the scope"),
  OUT_OF_SCOPE_EXAMINATION(Outcome.NOT_ENTITLED, "The examination is outside the scope"),
  OUT_OF_SCOPE_AGE(Outcome.NOT_ENTITLED, "The patient's age is outside the scope"),
  OUT_OF_SCOPE_PREGNANCY(Outcome.NOT_ENTITLED, "The scope excludes patients who are or may be pregnant"),
  OUT_OF_SCOPE_SETTING(Outcome.NOT_ENTITLED, "The setting is outside the scope"),
  OUT_OF_SCOPE_INDICATION(Outcome.NOT_ENTITLED, "The clinical indication is outside the scope"),
  OUT_OF_SCOPE_CONTRAST(Outcome.NOT_ENTITLED, "The scope does not allow contrast"),
  OUT_OF_SCOPE_URGENCY(Outcome.NOT_ENTITLED, "The urgency is outside the scope"),
  NOT_COVERED_BY_AGREEMENT(Outcome.NOT_ENTITLED,
      "The shared-responsibility agreement does not cover this request"),
  MISSING_PATIENT_BIRTH_DATE(Outcome.INSUFFICIENT_INFORMATION, "The patient's birth date is missing"),
  MISSING_PREGNANCY_STATUS(Outcome.INSUFFICIENT_INFORMATION, "The pregnancy status is missing"),
  MISSING_CLINICAL_INFORMATION(Outcome.INSUFFICIENT_INFORMATION,
      "Required clinical information is missing"),
  /**
   * The patient's birth date falls after the local date of the request: no age can be reckoned
   * from it, and the request is refused until it is corrected, whatever the scope's age bounds.
   */
  BIRTH_DATE_AFTER_REQUEST(Outcome.INSUFFICIENT_INFORMATION,
      "The patient's birth date is after the date of the request"),
  /**
   * The patient's birth date makes them older than anyone can be ({@link
   * Patient#OLDEST_PLAUSIBLE_AGE}): the request is refused until it is corrected, whatever the
   * scope's age bounds.
   */
  IMPLAUSIBLE_PATIENT_AGE(Outcome.INSUFFICIENT_INFORMATION,
      "The patient's birth date gives an age no one can have"),
  UNKNOWN_EXAMINATION(Outcome.INDETERMINATE, "The examination code is not in the catalogue"),
  DATA_UNAVAILABLE(Outcome.INDETERMINATE, "Data needed for the decision is unavailable"),
  /**
   * The instant of the request has no date in the imaging employer's time zone that the calendar
   * can represent ({@link java.time.LocalDate#MIN} to {@link java.time.LocalDate#MAX}), so no date
   * rule can be applied (DOMAIN.md section 5, rule 1).
   */
  REQUEST_DATE_OUT_OF_RANGE(Outcome.INDETERMINATE,
      "The instant of the request has no representable date in the employer's time zone"),
  /**
   * The engine failed while evaluating the request: an internal error, not a property of the
   * request or the register. The request is refused (the library fails closed).
   */
  EVALUATION_FAILED(Outcome.INDETERMINATE, "The engine failed while evaluating the request");

  private final Outcome outcome;
  private final String summary;

  ReasonCode(Outcome outcome, String summary) {
    this.outcome = outcome;
    this.summary = summary;
  }

  /** The outcome a decision has when this is its most serious reason. */
  public Outcome outcome() {
    return outcome;
  }

  /** A one-line plain-English summary of the code. */
  public String summary() {
    return summary;
  }
}
