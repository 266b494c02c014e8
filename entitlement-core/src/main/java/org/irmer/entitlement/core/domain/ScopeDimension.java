package org.irmer.entitlement.core.domain;

/**
 * The dimensions on which a request is matched against a {@link ScopeRule} (DOMAIN.md section 5,
 * rule 4). When no rule matches, the failed dimensions of the closest rules are reported, each as
 * its {@link #reasonCode()}.
 */
public enum ScopeDimension {
  /** The examination's modality is the rule's. */
  MODALITY(ReasonCode.OUT_OF_SCOPE_MODALITY),
  /** The examination is included (by code, or by a region it lies within) and not excluded. */
  EXAMINATION(ReasonCode.OUT_OF_SCOPE_EXAMINATION),
  /** The patient's completed years on the local date of the request are within the bounds. */
  AGE(ReasonCode.OUT_OF_SCOPE_AGE),
  /** A rule that excludes pregnancy refuses a patient who is or may be pregnant. */
  PREGNANCY(ReasonCode.OUT_OF_SCOPE_PREGNANCY),
  /** The request's setting is one the rule admits, when the rule lists settings. */
  SETTING(ReasonCode.OUT_OF_SCOPE_SETTING),
  /** The request's indication is one the rule lists, when it lists any. */
  INDICATION(ReasonCode.OUT_OF_SCOPE_INDICATION),
  /** Contrast, requested or implied by the examination, is allowed by the rule. */
  CONTRAST(ReasonCode.OUT_OF_SCOPE_CONTRAST),
  /** The request's urgency is one the rule lists, when it lists any. */
  URGENCY(ReasonCode.OUT_OF_SCOPE_URGENCY);

  private final ReasonCode reasonCode;

  ScopeDimension(ReasonCode reasonCode) {
    this.reasonCode = reasonCode;
  }

  /** The reason reported when a request fails this dimension. */
  public ReasonCode reasonCode() {
    return reasonCode;
  }
}
