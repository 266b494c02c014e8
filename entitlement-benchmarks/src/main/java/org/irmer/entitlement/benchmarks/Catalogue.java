package org.irmer.entitlement.benchmarks;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableListMultimap;
import com.google.common.collect.ImmutableMap;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.irmer.entitlement.core.domain.BodyRegion;
import org.irmer.entitlement.core.domain.BodyRegionTree;
import org.irmer.entitlement.core.domain.Examination;
import org.irmer.entitlement.core.domain.ExaminationCode;
import org.irmer.entitlement.core.domain.Modality;
import org.irmer.entitlement.core.domain.ScopeRule;

/**
 * The generated examination catalogue with the indexes the generators need: examinations by modality
 * and by region, regions below a region, and the examinations a scope rule covers.
 */
final class Catalogue {

  private final ImmutableList<Examination> exams;
  private final BodyRegionTree tree;
  private final Map<Modality, ImmutableList<Examination>> byModality = new EnumMap<>(Modality.class);
  private final ImmutableListMultimap<BodyRegion, BodyRegion> regionsWithin;
  private final ImmutableMap<ExaminationCode, Examination> byCode;
  private final Map<Modality, ImmutableListMultimap<BodyRegion, Examination>> byModalityAndRegion =
      new EnumMap<>(Modality.class);

  Catalogue(ImmutableList<Examination> exams, BodyRegionTree tree) {
    this.exams = exams;
    this.tree = tree;
    for (Modality modality : Modality.values()) {
      byModality.put(modality, exams.stream().filter(exam -> exam.modality() == modality)
          .collect(ImmutableList.toImmutableList()));
      byModalityAndRegion.put(modality, byModality.get(modality).stream()
          .collect(ImmutableListMultimap.toImmutableListMultimap(Examination::region, exam -> exam)));
    }
    ImmutableListMultimap.Builder<BodyRegion, BodyRegion> within = ImmutableListMultimap.builder();
    for (BodyRegion ancestor : tree.regions()) {
      for (BodyRegion region : tree.regions()) {
        if (tree.isWithin(region, ancestor)) {
          within.put(ancestor, region);
        }
      }
    }
    regionsWithin = within.build();
    byCode = exams.stream().collect(ImmutableMap.toImmutableMap(Examination::code, exam -> exam));
  }

  ImmutableList<Examination> all() {
    return exams;
  }

  Examination find(ExaminationCode code) {
    return byCode.get(code);
  }

  /** Every examination of the modality; never empty for the generated catalogue's modalities. */
  ImmutableList<Examination> byModality(Modality modality) {
    ImmutableList<Examination> found = byModality.get(modality);
    if (found.isEmpty()) {
      throw new IllegalStateException("the catalogue has no " + modality + " examination");
    }
    return found;
  }

  /** A region other than the root, uniformly. */
  BodyRegion someRegion(SplittableRandom random) {
    ImmutableList<BodyRegion> regions = tree.regions();
    return regions.get(1 + random.nextInt(regions.size() - 1));
  }

  /** The regions strictly below {@code region}. */
  List<BodyRegion> strictlyBelow(BodyRegion region) {
    return regionsWithin.get(region).stream().filter(r -> !r.equals(region)).toList();
  }

  /** The examinations of the modality whose region lies within {@code region}. */
  List<Examination> within(Modality modality, BodyRegion region) {
    List<Examination> found = new ArrayList<>();
    for (BodyRegion below : regionsWithin.get(region)) {
      found.addAll(byModalityAndRegion.get(modality).get(below));
    }
    return found;
  }

  /**
   * The examinations {@code rule} covers on the modality and examination dimensions, leaving out
   * those with contrast when the rule does not allow it: any of them, with matching patient, setting
   * and urgency, is in scope.
   */
  List<Examination> coveredBy(ScopeRule rule) {
    Set<Examination> covered = new LinkedHashSet<>();
    for (BodyRegion region : rule.includedRegions()) {
      for (BodyRegion below : regionsWithin.get(region)) {
        covered.addAll(byModalityAndRegion.get(rule.modality()).get(below));
      }
    }
    for (ExaminationCode code : rule.includedExaminations()) {
      covered.add(byCode.get(code));
    }
    covered.removeIf(exam -> exam.modality() != rule.modality()
        || rule.excludedExaminations().contains(exam.code())
        || rule.excludedRegions().stream().anyMatch(region -> tree.overlaps(exam.region(), region))
        || (exam.contrast() && !rule.contrastAllowed()));
    return new ArrayList<>(covered);
  }
}
