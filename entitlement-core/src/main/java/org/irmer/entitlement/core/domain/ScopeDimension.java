package org.irmer.entitlement.core.domain;

/**
 * The dimensions on which a request is matched against a {@link ScopeRule} (DOMAIN.md section 5,
 * rule 4). When no rule matches, the failed dimensions of the closest rules are reported, each as
 * its {@link #reasonCode()}.
 */
public enum ScopeDimension {
  MODALITY(ReasonCode.OUT_OF_SCOPE_MODALITY),
  EXAMINATION(ReasonCode.OUT_OF_SCOPE_EXAMINATION),
  AGE(ReasonCode.OUT_OF_SCOPE_AGE),
  PREGNANCY(ReasonCode.OUT_OF_SCOPE_PREGNANCY),
  SETTING(ReasonCode.OUT_OF_SCOPE_SETTING),
  INDICATION(ReasonCode.OUT_OF_SCOPE_INDICATION),
  CONTRAST(ReasonCode.OUT_OF_SCOPE_CONTRAST),
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
