package org.irmer.entitlement.rules.compiled;

import com.google.common.collect.ImmutableSet;
import org.irmer.entitlement.core.domain.CareSetting;
import org.irmer.entitlement.core.domain.IndicationCode;

/**
 * A scope rule reduced to what the permit path compares: ordinals, pre-order region intervals,
 * bit masks and the training it needs, with its permit prepared.
 */
final class CompiledRule {

  static final int NO_MIN_AGE = Integer.MIN_VALUE;
  static final int NO_MAX_AGE = Integer.MAX_VALUE;

  final int modality;
  /** Catalogue indices of the examinations the rule names (codes the catalogue lacks never match). */
  final int[] includedExaminations;
  final int[] excludedExaminations;
  /** The included regions as {@code [first, last]} pre-order intervals, flattened in pairs. */
  final int[] includedRegions;
  final int[] excludedRegions;
  final boolean ageDependent;
  final int minAge;
  final int maxAge;
  final boolean excludesPregnancy;
  final CareSetting[] settings;
  final ImmutableSet<IndicationCode> indications;
  final boolean contrastAllowed;
  /** Bit {@code 1 << urgency.ordinal()} for each urgency admitted; 0 admits all. */
  final int urgencies;
  final TrainingNeed[] training;
  /** The verdict when this rule entitles a request at its own employer with nothing to add. */
  final Verdict permit;

  CompiledRule(int modality, int[] includedExaminations, int[] excludedExaminations,
      int[] includedRegions, int[] excludedRegions,
      boolean ageDependent, int minAge, int maxAge, boolean excludesPregnancy, CareSetting[] settings,
      ImmutableSet<IndicationCode> indications, boolean contrastAllowed, int urgencies,
      TrainingNeed[] training, Verdict permit) {
    this.modality = modality;
    this.includedExaminations = includedExaminations;
    this.excludedExaminations = excludedExaminations;
    this.includedRegions = includedRegions;
    this.excludedRegions = excludedRegions;
    this.ageDependent = ageDependent;
    this.minAge = minAge;
    this.maxAge = maxAge;
    this.excludesPregnancy = excludesPregnancy;
    this.settings = settings;
    this.indications = indications;
    this.contrastAllowed = contrastAllowed;
    this.urgencies = urgencies;
    this.training = training;
    this.permit = permit;
  }
}
