package org.irmer.entitlement.core.domain;

/**
 * The outcome of a referral check (DOMAIN.md section 5). Only {@link #ENTITLED} lets a request
 * proceed: the library fails closed.
 */
public enum Outcome {
  ENTITLED,
  NOT_ENTITLED,
  /** The request lacks data the procedures require. */
  INSUFFICIENT_INFORMATION,
  /** The system could not decide: an unknown examination code, data unavailable. */
  INDETERMINATE;

  public boolean allowsRequest() {
    return this == ENTITLED;
  }
}
