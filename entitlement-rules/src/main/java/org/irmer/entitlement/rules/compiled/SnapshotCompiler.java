package org.irmer.entitlement.rules.compiled;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSortedSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
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
import org.irmer.entitlement.core.domain.MatchedRule;
import org.irmer.entitlement.core.domain.Modality;
import org.irmer.entitlement.core.domain.Person;
import org.irmer.entitlement.core.domain.PersonId;
import org.irmer.entitlement.core.domain.PregnancyConstraint;
import org.irmer.entitlement.core.domain.Role;
import org.irmer.entitlement.core.domain.ScopeDimension;
import org.irmer.entitlement.core.domain.ScopeRule;
import org.irmer.entitlement.core.domain.SharedResponsibilityAgreement;
import org.irmer.entitlement.core.domain.TrainingLapsePolicy;
import org.irmer.entitlement.core.domain.TrainingRecord;
import org.irmer.entitlement.core.domain.TrainingRequirement;
import org.irmer.entitlement.core.domain.TrainingType;
import org.irmer.entitlement.core.domain.Urgency;
import org.irmer.entitlement.core.domain.WrittenProcedures;
import org.irmer.entitlement.core.port.out.DecisionData;
import org.irmer.entitlement.rules.Explanations;
import org.jspecify.annotations.Nullable;

/**
 * Builds a {@link Snapshot} from the register's stores with bulk reads, and one referrer's slice.
 * The codes the programs compare are numbered first ({@link Symbols}); the referrers' slices,
 * which are independent of each other, are then compiled in parallel.
 */
final class SnapshotCompiler {

  private static final Comparator<Role> BY_START_THEN_ID =
      Comparator.comparing(Role::validFrom).thenComparing(Role::id);
  private static final Comparator<Entitlement> BY_ID = Comparator.comparing(Entitlement::id);

  private SnapshotCompiler() {}

  static Snapshot compile(DecisionData data) {
    BodyRegionTree tree = data.regions();
    RegionIndex regions = new RegionIndex(tree);
    ImmutableList<Examination> catalogue = data.examinations();
    Map<EmployerId, WrittenProcedures> procedures = new HashMap<>();
    ImmutableList<Employer> employerList = data.employers();
    for (Employer employer : employerList) {
      data.currentProcedures(employer.id())
          .ifPresent(found -> procedures.put(employer.id(), found));
    }
    ImmutableList<Entitlement> allEntitlements = data.allEntitlements();
    ImmutableList<TrainingRecord> allTraining = data.allTraining();
    Map<PersonId, List<Entitlement>> individual = new HashMap<>();
    Map<EmployerId, List<Entitlement>> groups = new HashMap<>();
    for (Entitlement entitlement : allEntitlements) {
      if (entitlement.subject().isGroup()) {
        groups.computeIfAbsent(entitlement.employer(), key -> new ArrayList<>()).add(entitlement);
      } else {
        individual.computeIfAbsent(entitlement.subject().person().orElseThrow(), key -> new ArrayList<>())
            .add(entitlement);
      }
    }
    Map<EmployerId, List<SharedResponsibilityAgreement>> agreements = new HashMap<>();
    for (SharedResponsibilityAgreement agreement : data.agreements()) {
      agreements.computeIfAbsent(agreement.recognisingEmployer(), key -> new ArrayList<>()).add(agreement);
    }

    Symbols.Builder numbering = Symbols.EMPTY.toBuilder();
    employerList.forEach(employer -> numbering.employer(employer.id()));
    procedures.values().forEach(written -> number(numbering, written));
    allEntitlements.forEach(entitlement -> number(numbering, entitlement));
    allTraining.forEach(record -> numbering.training(record.type()));
    ImmutableMap<IndicationCode, ImmutableMap<ExaminationCode, ImmutableList<GuidelineEntry>>> advice =
        advice(data);
    advice.keySet().forEach(numbering::indication);
    Symbols symbols = numbering.build();
    ImmutableMap<ExaminationCode, ExamView> exams = exams(catalogue, regions, advice, symbols);
    Map<EmployerId, Procedures> compiledProcedures = byEmployer(procedures);
    Context groupContext = new Context(symbols, regions, exams, compiledProcedures, ImmutableMap.of(),
        List.of());

    ImmutableMap.Builder<EmployerId, EmployerView> employerViews = ImmutableMap.builder();
    List<GroupEntitlement> allGroups = new ArrayList<>();
    ImmutableMap.Builder<EmployerId, ImmutableList<Entitlement>> groupLists = ImmutableMap.builder();
    for (Employer employer : employerList) {
      WrittenProcedures written = procedures.get(employer.id());
      List<Entitlement> employerGroups = new ArrayList<>(groups.getOrDefault(employer.id(), List.of()));
      groupLists.put(employer.id(), ImmutableList.copyOf(employerGroups));
      boolean[] enquiry = new boolean[catalogue.size()];
      for (int i = 0; written != null && i < catalogue.size(); i++) {
        enquiry[i] = written.pregnancyEnquiry().appliesToExamination(catalogue.get(i), tree);
      }
      employerGroups.sort(BY_ID);
      List<GroupEntitlement> compiledGroups = new ArrayList<>();
      for (Entitlement group : employerGroups) {
        if (isLive(group)) {
          GroupEntitlement compiled = compileGroup(group, allGroups.size(), groupContext);
          compiledGroups.add(compiled);
          allGroups.add(compiled);
        }
      }
      employerViews.put(employer.id(), new EmployerView(employer, symbols.employer(employer.id()),
          written, compiledProcedures.get(employer.id()), enquiry,
          ImmutableList.copyOf(agreements.getOrDefault(employer.id(), List.of())),
          compiledGroups.toArray(GroupEntitlement[]::new)));
    }
    ImmutableMap<EmployerId, EmployerView> employers = employerViews.build();
    Context context = new Context(symbols, regions, exams, compiledProcedures, employers, allGroups);

    Map<PersonId, List<Role>> roles = new HashMap<>();
    for (Role role : data.allRoles()) {
      roles.computeIfAbsent(role.person(), key -> new ArrayList<>()).add(role);
    }
    Map<PersonId, List<TrainingRecord>> training = new HashMap<>();
    for (TrainingRecord record : allTraining) {
      training.computeIfAbsent(record.person(), key -> new ArrayList<>()).add(record);
    }
    ImmutableList<Person> people = data.people();
    List<ReferrerSlice> slices = people.parallelStream()
        .map(person -> slice(person,
            ImmutableList.sortedCopyOf(BY_START_THEN_ID, roles.getOrDefault(person.id(), List.of())),
            ImmutableList.copyOf(individual.getOrDefault(person.id(), List.of())),
            ImmutableList.copyOf(training.getOrDefault(person.id(), List.of())),
            context))
        .toList();

    return new Snapshot(tree, regions, symbols, catalogue, exams, employers,
        groupLists.build(), advice, ReferrerTable.of(slices, slices.size()));
  }

  private static ImmutableMap<ExaminationCode, ExamView> exams(ImmutableList<Examination> catalogue,
      RegionIndex regions,
      ImmutableMap<IndicationCode, ImmutableMap<ExaminationCode, ImmutableList<GuidelineEntry>>> advice,
      Symbols symbols) {
    Map<ExaminationCode, Program.Writer> advised = new HashMap<>();
    advice.forEach((indication, byExam) -> byExam.keySet().forEach(code ->
        advised.computeIfAbsent(code, key -> new Program.Writer(4)).add(symbols.indication(indication))));
    Explanations.ScopeFacts none = new Explanations.ScopeFacts(OptionalInt.empty(), Optional.empty(),
        Optional.empty(), Urgency.ROUTINE);
    ImmutableMap.Builder<ExaminationCode, ExamView> exams =
        ImmutableMap.builderWithExpectedSize(catalogue.size());
    for (int i = 0; i < catalogue.size(); i++) {
      Examination exam = catalogue.get(i);
      int region = regions.numberOf(exam.region());
      Program.Writer indications = advised.get(exam.code());
      exams.put(exam.code(), new ExamView(exam, i, exam.modality().ordinal(), region,
          region == RegionIndex.UNKNOWN ? RegionIndex.UNKNOWN : regions.last(region), exam.contrast(),
          indications == null ? new int[0] : indications.toArray(),
          Explanations.outOfScope(ScopeDimension.MODALITY, exam, none),
          Explanations.outOfScope(ScopeDimension.EXAMINATION, exam, none)));
    }
    return exams.build();
  }

  /**
   * One person read afresh from the stores: their slice (null when the person is unknown) and the
   * numbering extended with any new codes it names.
   */
  static Refreshed slice(DecisionData data, Snapshot current, PersonId id) {
    Optional<Person> person = data.person(id);
    if (person.isEmpty()) {
      return new Refreshed(null, current.symbols);
    }
    ImmutableList<Entitlement> entitlements = data.entitlements(id);
    ImmutableList<TrainingRecord> training = data.training(id);
    Symbols.Builder numbering = current.symbols.toBuilder();
    entitlements.forEach(entitlement -> number(numbering, entitlement));
    training.forEach(record -> numbering.training(record.type()));
    Map<EmployerId, Procedures> procedures = new HashMap<>();
    List<GroupEntitlement> groups = new ArrayList<>();
    current.employers.forEach((employerId, view) -> {
      if (view.compiledProcedures != null) {
        procedures.put(employerId, view.compiledProcedures);
      }
      groups.addAll(List.of(view.groups));
    });
    Context context = new Context(numbering.build(), current.regions, current.exams, procedures,
        current.employers, groups);
    ReferrerSlice slice = slice(person.get(),
        ImmutableList.sortedCopyOf(BY_START_THEN_ID, data.roles(id)), entitlements, training,
        context);
    return new Refreshed(slice, context.symbols);
  }

  /** A refreshed slice, and the numbering it was compiled with. */
  record Refreshed(@Nullable ReferrerSlice slice, Symbols symbols) {}

  private static ReferrerSlice slice(Person person, ImmutableList<Role> roles,
      ImmutableList<Entitlement> entitlements, ImmutableList<TrainingRecord> training, Context context) {
    List<Entitlement> live = new ArrayList<>();
    for (Entitlement entitlement : entitlements) {
      if (isLive(entitlement)) {
        live.add(entitlement);
      }
    }
    live.sort(BY_ID);
    Program.Writer program = new Program.Writer();
    for (int i = 0; i < Program.ID; i++) {
      program.add(0);
    }
    String id = person.id().value();
    program.set(Program.ID_LENGTH, id.length());
    for (int i = 0; i < id.length(); i++) {
      program.add(id.charAt(i));
    }
    // The training and coverage sections come before the blocks, in the lines the table's probe
    // has just read: a check reads them whatever rule it matches.
    program.set(Program.TRAINING_SECTION, program.position());
    program.add(training.size());
    for (TrainingRecord record : training) {
      program.add(context.symbols.training(record.type()));
      program.addDay(record.completed());
      addDayOrNever(program, record.expires());
    }
    program.set(Program.COVERAGE_SECTION, program.position());
    program.add(person.registration().map(r -> r.regulator().ordinal() + 1).orElse(0));
    program.add(person.profession().ordinal());
    program.add(roles.size());
    for (Role role : roles) {
      program.add(context.symbols.employer(role.employer()));
      program.addDay(role.validFrom());
      addDayOrNever(program, role.validTo());
    }
    List<GroupEntitlement> admitting = new ArrayList<>();
    for (GroupEntitlement group : context.groups) {
      if (group.admits(person)) {
        admitting.add(group);
      }
    }
    program.add(admitting.size());
    int groupPermits = program.position();
    for (GroupEntitlement group : admitting) {
      program.add(group.number);
      program.add(0);
    }
    program.set(Program.BLOCKS, live.size());
    program.set(Program.FIRST_BLOCK, program.position());
    List<Prepared> permits = new ArrayList<>();
    for (int i = 0; i < live.size(); i++) {
      Entitlement entitlement = live.get(i);
      List<MatchedRule> matched = new ArrayList<>();
      block(program, entitlement, i, context, matched, permits.size());
      Procedures procedures = context.procedures.get(entitlement.employer());
      for (MatchedRule rule : matched) {
        permits.add(new Prepared(DecisionBasis.INDIVIDUAL_ENTITLEMENT, rule, procedures.version()));
      }
    }
    for (int g = 0; g < admitting.size(); g++) {
      GroupEntitlement group = admitting.get(g);
      program.set(groupPermits + 2 * g + 1, permits.size());
      for (MatchedRule rule : group.matched) {
        permits.add(new Prepared(DecisionBasis.GROUP_ENTITLEMENT, rule, group.proceduresVersion));
      }
    }
    boolean registered = person.registration().map(r -> r.isCurrent()).orElse(false);
    program.set(Program.STANDING, (registered ? Program.REGISTERED : 0)
        | (program.beyondPackedDays() ? Program.BEYOND_PACKED_DAYS : 0));
    int[] code = program.toArray();
    Verdict[] prepared = new Verdict[permits.size()];
    PermitOrigin origin = new PermitOrigin(code, prepared, context.employers, context.exams,
        context.symbols);
    for (int i = 0; i < prepared.length; i++) {
      Prepared permit = permits.get(i);
      prepared[i] = Verdict.permit(permit.basis(), permit.matched(), permit.proceduresVersion(), origin);
    }
    return new ReferrerSlice(person, roles, entitlements, training, code,
        live.toArray(Entitlement[]::new), prepared);
  }

  /** What a prepared permit will name. */
  private record Prepared(DecisionBasis basis, MatchedRule matched, int proceduresVersion) {}

  private static GroupEntitlement compileGroup(Entitlement group, int number, Context context) {
    Program.Writer program = new Program.Writer();
    List<MatchedRule> matched = new ArrayList<>();
    block(program, group, 0, context, matched, 0);
    Procedures procedures = context.procedures.get(group.employer());
    return new GroupEntitlement(group, number, program.toArray(),
        matched.toArray(MatchedRule[]::new), procedures == null ? 0 : procedures.version(),
        program.beyondPackedDays());
  }

  private static boolean isLive(Entitlement entitlement) {
    return entitlement.type() == EntitlementType.REFERRER
        && entitlement.status() != EntitlementStatus.SUPERSEDED;
  }

  /**
   * Writes one entitlement's block. Its rules are compiled only when the procedures of its
   * employer can be read: a request at an employer without procedures is never judged on scope.
   */
  private static void block(Program.Writer program, Entitlement entitlement, int index, Context context,
      List<MatchedRule> matched, int firstPermit) {
    int start = program.position();
    program.add(0);
    program.add(context.symbols.employer(entitlement.employer()));
    if (entitlement.status() == EntitlementStatus.ACTIVE) {
      program.addDay(entitlement.validFrom());
    } else {
      program.add(Program.NEVER);
    }
    program.addDay(entitlement.validTo());
    addDayOrNever(program, entitlement.reviewDue());
    program.add(index);
    Procedures procedures = context.procedures.get(entitlement.employer());
    List<ScopeRule> rules = procedures == null ? List.of()
        : ImmutableList.sortedCopyOf(Comparator.comparing(ScopeRule::id), entitlement.scope().rules());
    program.add(rules.size());
    int ruleIndex = program.position();
    rules.forEach(rule -> program.add(0));
    for (int r = 0; r < rules.size(); r++) {
      ScopeRule rule = rules.get(r);
      int offset = program.position() - start;
      if (offset > 0xFFFFFF) {
        throw new IllegalStateException("entitlement " + entitlement.id() + " is too large to compile");
      }
      program.set(ruleIndex + r, rule.modality().ordinal() << 24 | offset);
      rule(program, rule, firstPermit + matched.size(), procedures.training().get(rule.modality()),
          context);
      matched.add(new MatchedRule(entitlement.id(), entitlement.version(), entitlement.employer(),
          entitlement.scope().version(), rule.id()));
    }
    program.set(start + Program.B_LENGTH, program.position() - start);
  }

  private static void addDayOrNever(Program.Writer program, Optional<LocalDate> date) {
    if (date.isPresent()) {
      program.addDay(date.get());
    } else {
      program.add(Program.NEVER);
    }
  }

  private static void rule(Program.Writer program, ScopeRule rule, int permit,
      List<TrainingRequirement> modalityTraining, Context context) {
    int[] includedExams = indices(rule.includedExaminations(), context.exams);
    int[] excludedExams = indices(rule.excludedExaminations(), context.exams);
    int[] includedRegions = intervals(rule.includedRegions(), context.regions);
    int[] excludedRegions = intervals(rule.excludedRegions(), context.regions);
    Map<TrainingType, TrainingLapsePolicy> needs = trainingNeeds(rule, modalityTraining);
    int flags = (rule.isAgeDependent() ? Program.AGE_DEPENDENT : 0)
        | (rule.pregnancy() == PregnancyConstraint.EXCLUDED ? Program.EXCLUDES_PREGNANCY : 0)
        | (rule.contrastAllowed() ? Program.CONTRAST_ALLOWED : 0);
    program.add(rule.modality().ordinal() | flags << 8 | Masks.of(rule.urgencies()) << 16);
    // Bounds beyond a half-word compare alike with every age the facts carry (at most
    // Patient.OLDEST_PLAUSIBLE_AGE), so holding them as the largest half-word changes no answer.
    program.addHalves(Math.min(rule.minAge().orElse(0), Program.MAX_HALF),
        Math.min(rule.maxAge().orElse(Program.MAX_HALF), Program.MAX_HALF), "years of age");
    program.addHalves(includedExams.length, excludedExams.length, "examinations");
    program.addHalves(includedRegions.length / 2, excludedRegions.length / 2, "regions");
    program.addHalves(rule.settings().size(), rule.indications().size(), "settings or indications");
    program.addHalves(needs.size(), permit, "training needs or scope rules");
    program.addAll(includedExams);
    program.addAll(excludedExams);
    program.addAll(includedRegions);
    program.addAll(excludedRegions);
    for (CareSetting setting : rule.settings()) {
      program.add(context.symbols.settingKind(setting.kind()));
      program.add(setting.site().map(context.symbols::site).orElse(Symbols.ABSENT));
    }
    for (IndicationCode indication : rule.indications()) {
      program.add(context.symbols.indication(indication));
    }
    needs.forEach((type, policy) -> {
      program.add(context.symbols.training(type));
      program.add(policy.kind().ordinal());
      program.add(policy.graceDays());
    });
  }

  /**
   * What the procedures require for the rule's modality, then the rule's own training (blocking
   * unless the procedures already gave that training a policy), as the reference evaluator does.
   */
  private static Map<TrainingType, TrainingLapsePolicy> trainingNeeds(ScopeRule rule,
      List<TrainingRequirement> modalityTraining) {
    Map<TrainingType, TrainingLapsePolicy> needs = new LinkedHashMap<>();
    for (TrainingRequirement requirement : modalityTraining) {
      needs.putIfAbsent(requirement.training(), requirement.lapsePolicy());
    }
    for (TrainingType training : ImmutableSortedSet.copyOf(rule.requiredTraining())) {
      needs.putIfAbsent(training, TrainingLapsePolicy.BLOCK);
    }
    return needs;
  }

  /** Each employer's procedures, with their training requirements by modality, read once. */
  private static Map<EmployerId, Procedures> byEmployer(Map<EmployerId, WrittenProcedures> procedures) {
    Map<EmployerId, Procedures> byEmployer = new HashMap<>();
    procedures.forEach((employer, written) -> {
      Map<Modality, List<TrainingRequirement>> training = new EnumMap<>(Modality.class);
      for (Modality modality : Modality.values()) {
        training.put(modality, written.trainingFor(modality));
      }
      byEmployer.put(employer, new Procedures(written.version(), training));
    });
    return byEmployer;
  }

  /** An employer's current procedures as the blocks need them, read once per compilation. */
  record Procedures(int version, Map<Modality, List<TrainingRequirement>> training) {}

  /**
   * What compiling a block needs, and a slice besides: the employers and every live group
   * entitlement (empty while the groups themselves are compiled).
   */
  private record Context(Symbols symbols, RegionIndex regions, ImmutableMap<ExaminationCode, ExamView> exams,
      Map<EmployerId, Procedures> procedures, ImmutableMap<EmployerId, EmployerView> employers,
      List<GroupEntitlement> groups) {}

  private static void number(Symbols.Builder numbering, WrittenProcedures procedures) {
    for (TrainingRequirement requirement : procedures.trainingRequirements()) {
      numbering.training(requirement.training());
    }
  }

  private static void number(Symbols.Builder numbering, Entitlement entitlement) {
    numbering.employer(entitlement.employer());
    for (ScopeRule rule : entitlement.scope().rules()) {
      for (CareSetting setting : rule.settings()) {
        numbering.settingKind(setting.kind());
        setting.site().ifPresent(numbering::site);
      }
      rule.indications().forEach(numbering::indication);
      rule.requiredTraining().forEach(numbering::training);
    }
  }

  /**
   * The regions as flattened {@code [first, last]} pre-order intervals, leaving out regions the
   * tree does not hold (they contain nothing).
   */
  private static int[] intervals(Iterable<BodyRegion> regionSet, RegionIndex regions) {
    Program.Writer found = new Program.Writer(8);
    for (BodyRegion region : regionSet) {
      int number = regions.numberOf(region);
      if (number != RegionIndex.UNKNOWN) {
        found.add(number);
        found.add(regions.last(number));
      }
    }
    return found.toArray();
  }

  /** The catalogue indices of the codes, leaving out codes the catalogue does not hold. */
  private static int[] indices(Iterable<ExaminationCode> codes, Map<ExaminationCode, ExamView> exams) {
    Program.Writer found = new Program.Writer(8);
    for (ExaminationCode code : codes) {
      ExamView exam = exams.get(code);
      if (exam != null) {
        found.add(exam.index());
      }
    }
    return found.toArray();
  }

  private static ImmutableMap<IndicationCode, ImmutableMap<ExaminationCode, ImmutableList<GuidelineEntry>>>
      advice(DecisionData data) {
    Map<IndicationCode, Map<ExaminationCode, ImmutableList.Builder<GuidelineEntry>>> grouped =
        new HashMap<>();
    for (GuidelineEntry entry : data.guidelines()) {
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
