package org.irmer.entitlement.rules.compiled;

import static com.google.common.collect.ImmutableList.toImmutableList;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.util.Comparator;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;
import org.irmer.entitlement.core.domain.BodyRegionTree;
import org.irmer.entitlement.core.domain.Employer;
import org.irmer.entitlement.core.domain.EmployerId;
import org.irmer.entitlement.core.domain.Entitlement;
import org.irmer.entitlement.core.domain.Examination;
import org.irmer.entitlement.core.domain.ExaminationCode;
import org.irmer.entitlement.core.domain.GuidelineEntry;
import org.irmer.entitlement.core.domain.IndicationCode;
import org.irmer.entitlement.core.domain.Person;
import org.irmer.entitlement.core.domain.PersonId;
import org.irmer.entitlement.core.domain.Role;
import org.irmer.entitlement.core.domain.SharedResponsibilityAgreement;
import org.irmer.entitlement.core.domain.TrainingRecord;
import org.irmer.entitlement.core.domain.WrittenProcedures;
import org.irmer.entitlement.core.port.out.DecisionData;
import org.irmer.entitlement.rules.ReferenceEvaluator;

/**
 * An immutable, compiled view of the register at one moment: indexed by employer, referrer and
 * examination, with region containment precomputed. Safe to share across threads; read without
 * locks. Replacing one referrer's slice copies only the table of slices (copy-on-write).
 *
 * <p>It is also the {@link DecisionData} it was compiled from, as it stood then, so that the
 * reference evaluator can explain decisions from exactly the data the permit path used, with no
 * store access.
 */
final class Snapshot implements DecisionData {

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

  Snapshot(BodyRegionTree tree, RegionIndex regions, Symbols symbols,
      ImmutableList<Examination> catalogue,
      ImmutableMap<ExaminationCode, ExamView> exams, ImmutableMap<EmployerId, EmployerView> employers,
      ImmutableMap<EmployerId, ImmutableList<Entitlement>> groupEntitlements,
      ImmutableMap<IndicationCode, ImmutableMap<ExaminationCode, ImmutableList<GuidelineEntry>>> advice,
      ReferrerTable referrers) {
    this.tree = tree;
    this.regions = regions;
    this.symbols = symbols;
    this.catalogue = catalogue;
    this.exams = exams;
    this.employers = employers;
    this.groupEntitlements = groupEntitlements;
    this.advice = advice;
    this.referrers = referrers;
    this.reference = new ReferenceEvaluator(this);
  }

  /**
   * A snapshot equal to this one but for one referrer's slice (removed when the refreshed person is
   * unknown), with the numbering that slice was compiled with.
   */
  Snapshot withReferrer(PersonId person, SnapshotCompiler.Refreshed refreshed) {
    return new Snapshot(tree, regions, refreshed.symbols(), catalogue, exams, employers,
        groupEntitlements, advice, referrers.with(person, refreshed.slice()));
  }

  // DecisionData: the register as this snapshot holds it.

  @Override
  public Optional<Employer> employer(EmployerId id) {
    return Optional.ofNullable(employers.get(id)).map(view -> view.employer);
  }

  @Override
  public ImmutableList<Employer> employers() {
    return employers.values().stream().map(view -> view.employer)
        .sorted(Comparator.comparing(Employer::id)).collect(toImmutableList());
  }

  @Override
  public Optional<WrittenProcedures> currentProcedures(EmployerId employer) {
    return Optional.ofNullable(employers.get(employer)).map(view -> view.procedures);
  }

  @Override
  public Optional<Person> person(PersonId id) {
    return Optional.ofNullable(referrers.get(id)).map(slice -> slice.person);
  }

  @Override
  public ImmutableList<Person> people() {
    return slices().map(slice -> slice.person).collect(toImmutableList());
  }

  @Override
  public ImmutableList<Role> roles(PersonId person) {
    return ofSlice(person, slice -> slice.roles);
  }

  @Override
  public ImmutableList<Role> allRoles() {
    return slices().flatMap(slice -> slice.roles.stream()).collect(toImmutableList());
  }

  @Override
  public ImmutableList<Entitlement> entitlements(PersonId person) {
    return ofSlice(person, slice -> slice.entitlements);
  }

  @Override
  public ImmutableList<Entitlement> groupEntitlements(EmployerId employer) {
    return groupEntitlements.getOrDefault(employer, ImmutableList.of());
  }

  @Override
  public ImmutableList<Entitlement> allEntitlements() {
    return Stream.concat(slices().flatMap(slice -> slice.entitlements.stream()),
            groupEntitlements.values().stream().flatMap(ImmutableList::stream))
        .sorted(Comparator.comparing(Entitlement::id)).collect(toImmutableList());
  }

  @Override
  public ImmutableList<TrainingRecord> training(PersonId person) {
    return ofSlice(person, slice -> slice.training);
  }

  @Override
  public ImmutableList<TrainingRecord> allTraining() {
    return slices().flatMap(slice -> slice.training.stream()).collect(toImmutableList());
  }

  @Override
  public ImmutableList<SharedResponsibilityAgreement> agreementsRecognisedBy(EmployerId employer) {
    EmployerView view = employers.get(employer);
    return view == null ? ImmutableList.of() : view.agreements;
  }

  @Override
  public ImmutableList<SharedResponsibilityAgreement> agreements() {
    return employers.values().stream().flatMap(view -> view.agreements.stream())
        .sorted(Comparator.comparing(SharedResponsibilityAgreement::id)).collect(toImmutableList());
  }

  @Override
  public Optional<Examination> examination(ExaminationCode code) {
    return Optional.ofNullable(exams.get(code)).map(ExamView::examination);
  }

  @Override
  public ImmutableList<Examination> examinations() {
    return catalogue;
  }

  @Override
  public BodyRegionTree regions() {
    return tree;
  }

  @Override
  public ImmutableList<GuidelineEntry> advice(IndicationCode indication, ExaminationCode examination) {
    ImmutableMap<ExaminationCode, ImmutableList<GuidelineEntry>> byExam = advice.get(indication);
    return byExam == null ? ImmutableList.of() : byExam.getOrDefault(examination, ImmutableList.of());
  }

  @Override
  public ImmutableList<GuidelineEntry> guidelines() {
    return advice.values().stream().flatMap(byExam -> byExam.values().stream())
        .flatMap(ImmutableList::stream).distinct()
        .sorted(Comparator.comparing(GuidelineEntry::id)).collect(toImmutableList());
  }

  /** The slices, sorted by person id, as the bulk reads list them. */
  private Stream<ReferrerSlice> slices() {
    return referrers.slices().stream().sorted(Comparator.comparing(slice -> slice.id));
  }

  private <T> ImmutableList<T> ofSlice(PersonId person, Function<ReferrerSlice, ImmutableList<T>> part) {
    ReferrerSlice slice = referrers.get(person);
    return slice == null ? ImmutableList.of() : part.apply(slice);
  }
}
