package org.irmer.entitlement.core.domain;

/** A referral guideline's recommendation for an examination for a clinical problem. */
public enum GuidelineRecommendation {
  INDICATED,
  INDICATED_IN_SPECIFIC_CIRCUMSTANCES,
  SPECIALIST_REFERRAL_ONLY,
  NOT_INDICATED
}
