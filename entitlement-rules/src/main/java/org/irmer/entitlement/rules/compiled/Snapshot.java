package org.irmer.entitlement.rules.compiled;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import org.irmer.entitlement.core.domain.BodyRegionTree;
import org.irmer.entitlement.core.domain.EmployerId;
import org.irmer.entitlement.core.domain.Entitlement;
import org.irmer.entitlement.core.domain.Examination;
import org.irmer.entitlement.core.domain.ExaminationCode;
import org.irmer.entitlement.core.domain.GuidelineEntry;
import org.irmer.entitlement.core.domain.IndicationCode;
import org.irmer.entitlement.core.domain.PersonId;
import org.irmer.entitlement.core.port.out.Register;
import org.irmer.entitlement.rules.ReferenceEvaluator;

/**
 * An immutable, compiled view of the register at one moment: indexed by employer, referrer and
 * examination, with region containment precomputed. Safe to share across threads; read without
 * locks. Replacing one referrer's slice copies only the table of slices (copy-on-write).
 */
final class Snapshot {

  final Register live;
  final BodyRegionTree tree;
  final RegionIndex regions;
  final Symbols symbols;
  final ImmutableList<Examination> catalogue;
  final ImmutableMap<ExaminationCode, ExamView> exams;
  final ImmutableMap<EmployerId, EmployerView> employers;
  final ImmutableMap<EmployerId, ImmutableList<Entitlement>> groupEntitlements;
  final ImmutableMap<IndicationCode, ImmutableMap<ExaminationCode, ImmutableList<GuidelineEntry>>> advice;
  final ReferrerTable referrers;
  /**
   * The reference semantics over this snapshot: the answer where the compiled programs do not hold
   * it (shared-responsibility agreements, an unknown employer or examination, clinical evaluation).
   */
  final ReferenceEvaluator reference;

  Snapshot(Register live, BodyRegionTree tree, RegionIndex regions, Symbols symbols,
      ImmutableList<Examination> catalogue,
      ImmutableMap<ExaminationCode, ExamView> exams, ImmutableMap<EmployerId, EmployerView> employers,
      ImmutableMap<EmployerId, ImmutableList<Entitlement>> groupEntitlements,
      ImmutableMap<IndicationCode, ImmutableMap<ExaminationCode, ImmutableList<GuidelineEntry>>> advice,
      ReferrerTable referrers) {
    this.live = live;
    this.tree = tree;
    this.regions = regions;
    this.symbols = symbols;
    this.catalogue = catalogue;
    this.exams = exams;
    this.employers = employers;
    this.groupEntitlements = groupEntitlements;
    this.advice = advice;
    this.referrers = referrers;
    this.reference = new ReferenceEvaluator(SnapshotPorts.view(this));
  }

  /**
   * A snapshot equal to this one but for one referrer's slice (removed when the refreshed person is
   * unknown), with the numbering that slice was compiled with.
   */
  Snapshot withReferrer(PersonId person, SnapshotCompiler.Refreshed refreshed) {
    return new Snapshot(live, tree, regions, refreshed.symbols(), catalogue, exams, employers,
        groupEntitlements, advice, referrers.with(person, refreshed.slice()));
  }
}
