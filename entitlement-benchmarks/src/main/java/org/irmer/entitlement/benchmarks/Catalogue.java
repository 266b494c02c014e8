package org.irmer.entitlement.benchmarks;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableListMultimap;
import com.google.common.collect.ImmutableMap;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.irmer.entitlement.core.domain.BodyRegion;
import org.irmer.entitlement.core.domain.BodyRegionTree;
import org.irmer.entitlement.core.domain.Examination;
import org.irmer.entitlement.core.domain.ExaminationCode;
import org.irmer.entitlement.core.domain.Modality;
import org.irmer.entitlement.core.domain.ScopeRule;

/**
 * The generated examination catalogue with the indexes the generators need: examinations by
 * modality and by the regions they lie within, regions below a region, and whether a scope rule
 * covers an examination.
 */
final class Catalogue {

  private static final int TRIES = 20;

  private final ImmutableList<Examination> exams;
  private final BodyRegionTree tree;
  private final ImmutableMap<ExaminationCode, Examination> byCode;
  private final Map<Modality, ImmutableList<Examination>> byModality =
      new EnumMap<>(Modality.class);

  /** For each modality, the examinations lying within each region (the region or below it). */
  private final Map<Modality, ImmutableListMultimap<BodyRegion, Examination>> withinRegion =
      new EnumMap<>(Modality.class);

  private final ImmutableListMultimap<BodyRegion, BodyRegion> regionsWithin;

  Catalogue(ImmutableList<Examination> exams, BodyRegionTree tree) {
    this.exams = exams;
    this.tree = tree;
    this.byCode =
        exams.stream().collect(ImmutableMap.toImmutableMap(Examination::code, exam -> exam));
    ImmutableListMultimap.Builder<BodyRegion, BodyRegion> within = ImmutableListMultimap.builder();
    for (BodyRegion ancestor : tree.regions()) {
      for (BodyRegion region : tree.regions()) {
        if (tree.isWithin(region, ancestor)) {
          within.put(ancestor, region);
        }
      }
    }
    this.regionsWithin = within.build();
    for (Modality modality : Modality.values()) {
      ImmutableList<Examination> ofModality =
          exams.stream()
              .filter(exam -> exam.modality() == modality)
              .collect(ImmutableList.toImmutableList());
      byModality.put(modality, ofModality);
      ImmutableListMultimap.Builder<BodyRegion, Examination> index =
          ImmutableListMultimap.builder();
      for (Examination exam : ofModality) {
        for (BodyRegion region : tree.regions()) {
          if (tree.isWithin(exam.region(), region)) {
            index.put(region, exam);
          }
        }
      }
      withinRegion.put(modality, index.build());
    }
  }

  ImmutableList<Examination> all() {
    return exams;
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
    // The tree lists parents before children, so a region comes first among those within it.
    List<BodyRegion> within = regionsWithin.get(region);
    return within.subList(1, within.size());
  }

  /** The examinations of the modality whose region lies within {@code region}. */
  List<Examination> within(Modality modality, BodyRegion region) {
    return withinRegion.get(modality).get(region);
  }

  /**
   * Whether {@code rule} covers {@code exam} on the modality and examination dimensions (the
   * reference semantics: an excluded region rules out the examinations within it and those that
   * cover it), and on contrast when the examination always involves contrast.
   */
  boolean covers(ScopeRule rule, Examination exam) {
    if (exam.modality() != rule.modality() || (exam.contrast() && !rule.contrastAllowed())) {
      return false;
    }
    boolean included =
        rule.includedExaminations().contains(exam.code())
            || rule.includedRegions().stream()
                .anyMatch(region -> tree.isWithin(exam.region(), region));
    return included
        && !rule.excludedExaminations().contains(exam.code())
        && rule.excludedRegions().stream()
            .noneMatch(region -> tree.overlaps(exam.region(), region));
  }

  /**
   * An examination {@code rule} covers, drawn through one of its inclusions; empty if none is
   * found.
   */
  Optional<Examination> someCoveredBy(ScopeRule rule, SplittableRandom random) {
    List<BodyRegion> regions = rule.includedRegions().asList();
    List<ExaminationCode> codes = rule.includedExaminations().asList();
    for (int attempt = 0; attempt < TRIES; attempt++) {
      int pick = random.nextInt(regions.size() + codes.size());
      Examination exam;
      if (pick < regions.size()) {
        List<Examination> candidates = within(rule.modality(), regions.get(pick));
        if (candidates.isEmpty()) {
          continue;
        }
        exam = candidates.get(random.nextInt(candidates.size()));
      } else {
        exam = byCode.get(codes.get(pick - regions.size()));
      }
      if (covers(rule, exam)) {
        return Optional.of(exam);
      }
    }
    return Optional.empty();
  }
}
