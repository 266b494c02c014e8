package org.irmer.entitlement.rules.compiled;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSortedSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.irmer.entitlement.core.domain.BodyRegion;
import org.irmer.entitlement.core.domain.BodyRegionTree;
import org.irmer.entitlement.core.domain.CareSetting;
import org.irmer.entitlement.core.domain.DecisionBasis;
import org.irmer.entitlement.core.domain.Employer;
import org.irmer.entitlement.core.domain.EmployerId;
import org.irmer.entitlement.core.domain.Entitlement;
import org.irmer.entitlement.core.domain.EntitlementStatus;
import org.irmer.entitlement.core.domain.EntitlementType;
import org.irmer.entitlement.core.domain.Examination;
import org.irmer.entitlement.core.domain.ExaminationCode;
import org.irmer.entitlement.core.domain.GuidelineEntry;
import org.irmer.entitlement.core.domain.IndicationCode;
import org.irmer.entitlement.core.domain.LapsePolicyKind;
import org.irmer.entitlement.core.domain.MatchedRule;
import org.irmer.entitlement.core.domain.Person;
import org.irmer.entitlement.core.domain.PersonId;
import org.irmer.entitlement.core.domain.PregnancyConstraint;
import org.irmer.entitlement.core.domain.Role;
import org.irmer.entitlement.core.domain.ScopeRule;
import org.irmer.entitlement.core.domain.SharedResponsibilityAgreement;
import org.irmer.entitlement.core.domain.TrainingRecord;
import org.irmer.entitlement.core.domain.TrainingRequirement;
import org.irmer.entitlement.core.domain.TrainingType;
import org.irmer.entitlement.core.domain.WrittenProcedures;
import org.irmer.entitlement.core.port.out.Register;
import org.jspecify.annotations.Nullable;

/** Builds a {@link Snapshot} from the register's stores with bulk reads, and one referrer's slice. */
final class SnapshotCompiler {

  private SnapshotCompiler() {}

  static Snapshot compile(Register register) {
    BodyRegionTree tree = register.examinations().regions();
    RegionIndex regions = new RegionIndex(tree);
    ImmutableList<Examination> catalogue = register.examinations().all();
    ImmutableMap.Builder<ExaminationCode, ExamView> examBuilder =
        ImmutableMap.builderWithExpectedSize(catalogue.size());
    for (int i = 0; i < catalogue.size(); i++) {
      Examination exam = catalogue.get(i);
      int region = regions.numberOf(exam.region());
      examBuilder.put(exam.code(), new ExamView(exam, i, exam.modality().ordinal(), region,
          region == RegionIndex.UNKNOWN ? RegionIndex.UNKNOWN : regions.last(region), exam.contrast()));
    }

    ImmutableMap<ExaminationCode, ExamView> exams = examBuilder.build();
    Map<EmployerId, WrittenProcedures> procedures = new HashMap<>();
    ImmutableList<Employer> employerList = register.employers().all();
    for (Employer employer : employerList) {
      register.employers().procedures(employer.id(), employer.proceduresVersion())
          .ifPresent(found -> procedures.put(employer.id(), found));
    }

    Map<PersonId, List<Entitlement>> individual = new HashMap<>();
    Map<EmployerId, List<Entitlement>> groups = new HashMap<>();
    for (Entitlement entitlement : register.entitlements().all()) {
      if (entitlement.subject().isGroup()) {
        groups.computeIfAbsent(entitlement.employer(), key -> new ArrayList<>()).add(entitlement);
      } else {
        individual.computeIfAbsent(entitlement.subject().person().orElseThrow(), key -> new ArrayList<>())
            .add(entitlement);
      }
    }
    Map<EmployerId, List<SharedResponsibilityAgreement>> agreements = new HashMap<>();
    for (SharedResponsibilityAgreement agreement : register.agreements().all()) {
      agreements.computeIfAbsent(agreement.recognisingEmployer(), key -> new ArrayList<>()).add(agreement);
    }

    ImmutableMap.Builder<EmployerId, EmployerView> employers = ImmutableMap.builder();
    ImmutableMap.Builder<EmployerId, ImmutableList<Entitlement>> groupLists = ImmutableMap.builder();
    for (Employer employer : employerList) {
      WrittenProcedures written = procedures.get(employer.id());
      ImmutableList<Entitlement> employerGroups = ImmutableList.copyOf(groups.getOrDefault(employer.id(), List.of()));
      groupLists.put(employer.id(), employerGroups);
      boolean[] enquiry = new boolean[catalogue.size()];
      for (int i = 0; written != null && i < catalogue.size(); i++) {
        enquiry[i] = written.pregnancyEnquiry().appliesToExamination(catalogue.get(i), tree);
      }
      employers.put(employer.id(), new EmployerView(employer, written, enquiry,
          ImmutableList.copyOf(agreements.getOrDefault(employer.id(), List.of())),
          compileAll(employerGroups, procedures, regions, exams)));
    }

    Map<PersonId, List<Role>> roles = new HashMap<>();
    for (Role role : register.people().allRoles()) {
      roles.computeIfAbsent(role.person(), key -> new ArrayList<>()).add(role);
    }
    Map<PersonId, List<TrainingRecord>> training = new HashMap<>();
    for (TrainingRecord record : register.training().all()) {
      training.computeIfAbsent(record.person(), key -> new ArrayList<>()).add(record);
    }
    Map<PersonId, ReferrerSlice> referrers = new HashMap<>();
    for (Person person : register.people().all()) {
      referrers.put(person.id(), slice(person,
          byStartThenId(roles.getOrDefault(person.id(), List.of())),
          ImmutableList.copyOf(individual.getOrDefault(person.id(), List.of())),
          ImmutableList.copyOf(training.getOrDefault(person.id(), List.of())),
          procedures, regions, exams));
    }

    return new Snapshot(register, tree, regions, catalogue, exams, employers.build(),
        groupLists.build(), advice(register), referrers);
  }

  /** The slice of one person read afresh from the stores; null when the person is unknown. */
  static @Nullable ReferrerSlice slice(Register register, Snapshot current, PersonId id) {
    Optional<Person> person = register.people().find(id);
    if (person.isEmpty()) {
      return null;
    }
    Map<EmployerId, WrittenProcedures> procedures = new HashMap<>();
    current.employers.forEach((employerId, view) -> {
      if (view.procedures != null) {
        procedures.put(employerId, view.procedures);
      }
    });
    return slice(person.get(), byStartThenId(register.people().roles(id)),
        register.entitlements().forPerson(id), register.training().forPerson(id), procedures,
        current.regions, current.exams);
  }

  private static ReferrerSlice slice(Person person, ImmutableList<Role> roles,
      ImmutableList<Entitlement> entitlements, ImmutableList<TrainingRecord> training,
      Map<EmployerId, WrittenProcedures> procedures, RegionIndex regions,
      Map<ExaminationCode, ExamView> exams) {
    return new ReferrerSlice(person, roles, entitlements, training,
        compileAll(entitlements, procedures, regions, exams));
  }

  private static ImmutableList<Role> byStartThenId(List<Role> roles) {
    return roles.stream()
        .sorted(Comparator.comparing(Role::validFrom).thenComparing(Role::id))
        .collect(ImmutableList.toImmutableList());
  }

  /** Compiles the live referrer entitlements among {@code entitlements}, keeping their order. */
  private static CompiledEntitlement[] compileAll(List<Entitlement> entitlements,
      Map<EmployerId, WrittenProcedures> procedures, RegionIndex regions,
      Map<ExaminationCode, ExamView> exams) {
    List<CompiledEntitlement> compiled = new ArrayList<>();
    for (Entitlement entitlement : entitlements) {
      if (entitlement.type() == EntitlementType.REFERRER
          && entitlement.status() != EntitlementStatus.SUPERSEDED) {
        compiled.add(compile(entitlement, procedures.get(entitlement.employer()), regions, exams));
      }
    }
    return compiled.toArray(CompiledEntitlement[]::new);
  }

  private static CompiledEntitlement compile(Entitlement entitlement,
      @Nullable WrittenProcedures procedures, RegionIndex regions,
      Map<ExaminationCode, ExamView> exams) {
    if (procedures == null) {
      return new CompiledEntitlement(entitlement, new CompiledRule[0]);
    }
    DecisionBasis basis = entitlement.subject().isGroup()
        ? DecisionBasis.GROUP_ENTITLEMENT : DecisionBasis.INDIVIDUAL_ENTITLEMENT;
    List<ScopeRule> rules = entitlement.scope().rules().stream()
        .sorted(Comparator.comparing(ScopeRule::id))
        .toList();
    CompiledRule[] compiled = new CompiledRule[rules.size()];
    for (int i = 0; i < rules.size(); i++) {
      ScopeRule rule = rules.get(i);
      MatchedRule matched = new MatchedRule(entitlement.id(), entitlement.version(),
          entitlement.employer(), entitlement.scope().version(), rule.id());
      compiled[i] = new CompiledRule(
          rule.modality().ordinal(),
          indices(rule.includedExaminations(), exams),
          indices(rule.excludedExaminations(), exams),
          numbers(rule.includedRegions(), regions),
          numbers(rule.excludedRegions(), regions),
          rule.isAgeDependent(),
          rule.minAge().orElse(CompiledRule.NO_MIN_AGE),
          rule.maxAge().orElse(CompiledRule.NO_MAX_AGE),
          rule.pregnancy() == PregnancyConstraint.EXCLUDED,
          rule.settings().toArray(CareSetting[]::new),
          rule.indications(),
          rule.contrastAllowed(),
          Masks.of(rule.urgencies()),
          trainingNeeds(rule, procedures),
          Verdict.permit(basis, matched, procedures.version()));
    }
    return new CompiledEntitlement(entitlement, compiled);
  }

  /**
   * The regions as flattened {@code [first, last]} pre-order intervals, leaving out regions the
   * tree does not hold (they contain nothing).
   */
  private static int[] numbers(Collection<BodyRegion> regionSet, RegionIndex regions) {
    int[] intervals = new int[2 * regionSet.size()];
    int size = 0;
    for (BodyRegion region : regionSet) {
      int number = regions.numberOf(region);
      if (number != RegionIndex.UNKNOWN) {
        intervals[size++] = number;
        intervals[size++] = regions.last(number);
      }
    }
    return size == intervals.length ? intervals : Arrays.copyOf(intervals, size);
  }

  /** The catalogue indices of the codes, leaving out codes the catalogue does not hold. */
  private static int[] indices(Collection<ExaminationCode> codes, Map<ExaminationCode, ExamView> exams) {
    int[] indices = new int[codes.size()];
    int size = 0;
    for (ExaminationCode code : codes) {
      ExamView exam = exams.get(code);
      if (exam != null) {
        indices[size++] = exam.index();
      }
    }
    return size == indices.length ? indices : Arrays.copyOf(indices, size);
  }

  /**
   * What the procedures require for the rule's modality, then the rule's own training (blocking
   * unless the procedures already gave that training a policy), as the reference evaluator does.
   */
  private static TrainingNeed[] trainingNeeds(ScopeRule rule, WrittenProcedures procedures) {
    Map<TrainingType, TrainingNeed> needs = new LinkedHashMap<>();
    for (TrainingRequirement requirement : procedures.trainingFor(rule.modality())) {
      needs.putIfAbsent(requirement.training(), new TrainingNeed(requirement.training(),
          requirement.lapsePolicy().kind(), requirement.lapsePolicy().graceDays()));
    }
    for (TrainingType training : ImmutableSortedSet.copyOf(rule.requiredTraining())) {
      needs.putIfAbsent(training, new TrainingNeed(training, LapsePolicyKind.BLOCK, 0));
    }
    return needs.values().toArray(TrainingNeed[]::new);
  }

  private static ImmutableMap<IndicationCode, ImmutableMap<ExaminationCode, ImmutableList<GuidelineEntry>>>
      advice(Register register) {
    Map<IndicationCode, Map<ExaminationCode, ImmutableList.Builder<GuidelineEntry>>> grouped = new HashMap<>();
    for (GuidelineEntry entry : register.guidelines().all()) {
      grouped.computeIfAbsent(entry.indication(), key -> new HashMap<>())
          .computeIfAbsent(entry.examination(), key -> ImmutableList.builder())
          .add(entry);
    }
    ImmutableMap.Builder<IndicationCode, ImmutableMap<ExaminationCode, ImmutableList<GuidelineEntry>>> advice =
        ImmutableMap.builder();
    grouped.forEach((indication, byExam) -> {
      ImmutableMap.Builder<ExaminationCode, ImmutableList<GuidelineEntry>> entries = ImmutableMap.builder();
      byExam.forEach((exam, list) -> entries.put(exam, list.build()));
      advice.put(indication, entries.build());
    });
    return advice.build();
  }
}
