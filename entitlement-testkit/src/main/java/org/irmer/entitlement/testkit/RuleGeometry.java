package org.irmer.entitlement.testkit;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import com.google.common.collect.Sets;
import java.util.EnumSet;
import java.util.function.Predicate;
import org.irmer.entitlement.core.domain.ScopeDimension;
import org.irmer.entitlement.core.domain.BodyRegion;
import org.irmer.entitlement.core.domain.BodyRegionTree;
import org.irmer.entitlement.core.domain.Examination;
import org.irmer.entitlement.core.domain.PregnancyConstraint;
import org.irmer.entitlement.core.domain.ScopeRule;
import org.irmer.entitlement.core.domain.Urgency;
import org.irmer.entitlement.core.port.out.ExaminationCatalogue;

/**
 * Which examinations of a catalogue lie inside a scope rule, and which just outside it on the
 * modality, examination and contrast dimensions.
 *
 * <p>An examination is <em>included</em> when the rule names its code or one of the rule's regions
 * contains its region; it is <em>excluded</em> when the rule excludes its code or an excluded
 * region contains its region. An examination whose region contains an excluded region (a whole-leg
 * film when the knee is excluded) is neither used inside nor as a boundary: whether it is in scope
 * is a policy of the engine, not a boundary of the rule.
 */
final class RuleGeometry {

  private final ScopeRule rule;

  /** Regions of the tree within an included region. */
  private final ImmutableSet<BodyRegion> includedRegions;

  /** Regions of the tree within an excluded region. */
  private final ImmutableSet<BodyRegion> excludedRegions;

  /** Regions of the tree that contain an excluded region without lying within one. */
  private final ImmutableSet<BodyRegion> aboveExclusions;

  /** Inside on every dimension, the contrast an examination implies included. */
  final ImmutableList<Examination> inside;

  /** Inside on every dimension but contrast: the rule's modality and examinations, any contrast. */
  final ImmutableList<Examination> insideAnyContrast;

  /** Outside on the modality only. */
  final ImmutableList<Examination> otherModality;

  /** Outside on the examination only, because an exclusion removes what an inclusion admits. */
  final ImmutableList<Examination> excluded;

  /** Outside on the examination only, because nothing includes it. */
  final ImmutableList<Examination> notIncluded;

  RuleGeometry(ScopeRule rule, ExaminationCatalogue catalogue) {
    this.rule = rule;
    BodyRegionTree tree = catalogue.regions();
    // Region containment is worked out once per region of the tree, not once per examination.
    includedRegions =
        regionsWhere(
            tree,
            region ->
                rule.includedRegions().stream()
                    .anyMatch(included -> tree.isWithin(region, included)));
    excludedRegions =
        regionsWhere(
            tree,
            region ->
                rule.excludedRegions().stream()
                    .anyMatch(excluded -> tree.isWithin(region, excluded)));
    aboveExclusions =
        regionsWhere(
            tree,
            region ->
                rule.excludedRegions().stream()
                    .anyMatch(excluded -> tree.isWithin(excluded, region)));
    ImmutableList<Examination> all = catalogue.all();
    Predicate<Examination> sameModality = examination -> examination.modality() == rule.modality();
    Predicate<Examination> contrastAllowed =
        examination -> rule.contrastAllowed() || !examination.contrast();
    insideAnyContrast = select(all, sameModality.and(this::coversExamination));
    inside = select(insideAnyContrast, contrastAllowed);
    otherModality =
        select(all, sameModality.negate().and(this::coversExamination).and(contrastAllowed));
    excluded =
        select(all, sameModality.and(this::isIncluded).and(this::isExcluded).and(contrastAllowed));
    notIncluded =
        select(all, sameModality.and(examination -> !isIncluded(examination)).and(contrastAllowed));
  }

  /** The dimensions on which a request can be just outside the rule, with this catalogue. */
  ImmutableSet<ScopeDimension> boundaries() {
    EnumSet<ScopeDimension> dimensions = EnumSet.noneOf(ScopeDimension.class);
    if (!otherModality.isEmpty()) {
      dimensions.add(ScopeDimension.MODALITY);
    }
    if (!excluded.isEmpty() || !notIncluded.isEmpty()) {
      dimensions.add(ScopeDimension.EXAMINATION);
    }
    if (!rule.contrastAllowed() && !insideAnyContrast.isEmpty()) {
      dimensions.add(ScopeDimension.CONTRAST);
    }
    if (!inside.isEmpty()) {
      if (rule.minAge().orElse(0) >= 1 || rule.maxAge().isPresent()) {
        dimensions.add(ScopeDimension.AGE);
      }
      if (rule.pregnancy() == PregnancyConstraint.EXCLUDED) {
        dimensions.add(ScopeDimension.PREGNANCY);
      }
      if (!rule.settings().isEmpty()) {
        dimensions.add(ScopeDimension.SETTING);
      }
      if (!rule.indications().isEmpty()) {
        dimensions.add(ScopeDimension.INDICATION);
      }
      if (!rule.urgencies().isEmpty() && rule.urgencies().size() < Urgency.values().length) {
        dimensions.add(ScopeDimension.URGENCY);
      }
    }
    return Sets.immutableEnumSet(dimensions);
  }

  private boolean coversExamination(Examination examination) {
    return isIncluded(examination)
        && !isExcluded(examination)
        && !aboveExclusions.contains(examination.region());
  }

  private boolean isIncluded(Examination examination) {
    return rule.includedExaminations().contains(examination.code())
        || includedRegions.contains(examination.region());
  }

  private boolean isExcluded(Examination examination) {
    return rule.excludedExaminations().contains(examination.code())
        || excludedRegions.contains(examination.region());
  }

  private static ImmutableSet<BodyRegion> regionsWhere(
      BodyRegionTree tree, Predicate<BodyRegion> predicate) {
    return tree.regions().stream().filter(predicate).collect(ImmutableSet.toImmutableSet());
  }

  private static ImmutableList<Examination> select(
      ImmutableList<Examination> examinations, Predicate<Examination> predicate) {
    return examinations.stream().filter(predicate).collect(ImmutableList.toImmutableList());
  }
}
