package org.irmer.entitlement.core.domain;

import org.immutables.value.Value;

/**
 * An entry of a referral guideline catalogue in the manner of iRefer: for a clinical problem and an
 * examination, the recommendation and the dose band (principle 7).
 */
@Value.Immutable
public abstract class GuidelineEntry {

  public abstract GuidelineId id();

  public abstract IndicationCode indication();

  /** The clinical problem in words, for example "Simple mechanical back pain". */
  public abstract String clinicalProblem();

  public abstract ExaminationCode examination();

  public abstract GuidelineRecommendation recommendation();

  public abstract DoseBand doseBand();

  /** The guideline's comment, in plain words. */
  public abstract String comment();

  public static Builder builder() {
    return new Builder();
  }

  public static class Builder extends ImmutableGuidelineEntry.Builder {}
}
