package org.irmer.entitlement.core.domain;

import static com.google.common.base.Preconditions.checkNotNull;

/**
 * Referral guideline advice attached to a decision. Advisory only: it never changes the outcome
 * (DOMAIN.md section 5, rule 8).
 */
public record GuidelineAdvisory(GuidelineId guideline, GuidelineRecommendation recommendation,
    DoseBand doseBand, String message) implements Comparable<GuidelineAdvisory> {

  public GuidelineAdvisory {
    checkNotNull(guideline, "guideline");
    checkNotNull(recommendation, "recommendation");
    checkNotNull(doseBand, "doseBand");
    Codes.check(message, "advisory message");
  }

  public static GuidelineAdvisory from(GuidelineEntry entry) {
    return new GuidelineAdvisory(entry.id(), entry.recommendation(), entry.doseBand(),
        entry.clinicalProblem() + ": " + entry.recommendation().name().toLowerCase(java.util.Locale.ROOT)
            .replace('_', ' ') + " (dose band " + entry.doseBand() + "). " + entry.comment());
  }

  @Override
  public int compareTo(GuidelineAdvisory other) {
    return guideline.compareTo(other.guideline);
  }
}
