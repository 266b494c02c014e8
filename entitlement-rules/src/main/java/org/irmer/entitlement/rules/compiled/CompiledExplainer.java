package org.irmer.entitlement.rules.compiled;

import static org.irmer.entitlement.rules.compiled.Program.AGE_UNKNOWN;
import static org.irmer.entitlement.rules.compiled.Program.B_ENTITLEMENT;
import static org.irmer.entitlement.rules.compiled.Program.B_EMPLOYER;
import static org.irmer.entitlement.rules.compiled.Program.B_LENGTH;
import static org.irmer.entitlement.rules.compiled.Program.B_REVIEW;
import static org.irmer.entitlement.rules.compiled.Program.B_RULES;
import static org.irmer.entitlement.rules.compiled.Program.BLOCKS;
import static org.irmer.entitlement.rules.compiled.Program.FIRST_BLOCK;

import com.google.common.collect.ImmutableSortedSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.irmer.entitlement.core.domain.ClinicalInformationItem;
import org.irmer.entitlement.core.domain.DecisionBasis;
import org.irmer.entitlement.core.domain.Entitlement;
import org.irmer.entitlement.core.domain.EntitlementType;
import org.irmer.entitlement.core.domain.GuidelineAdvisory;
import org.irmer.entitlement.core.domain.GuidelineEntry;
import org.irmer.entitlement.core.domain.LapsePolicyKind;
import org.irmer.entitlement.core.domain.Notice;
import org.irmer.entitlement.core.domain.Outcome;
import org.irmer.entitlement.core.domain.Patient;
import org.irmer.entitlement.core.domain.PregnancyStatus;
import org.irmer.entitlement.core.domain.Reason;
import org.irmer.entitlement.core.domain.ReferralDecision;
import org.irmer.entitlement.core.domain.ReferralRequest;
import org.irmer.entitlement.core.domain.ScopeDimension;
import org.irmer.entitlement.core.domain.Sex;
import org.irmer.entitlement.core.domain.TrainingType;
import org.irmer.entitlement.core.domain.Warning;
import org.irmer.entitlement.rules.Explanations;
import org.irmer.entitlement.rules.ReferenceEvaluator;
import org.jspecify.annotations.Nullable;

/**
 * Builds the full decision of a referrer request from the compiled programs: the semantics of the
 * {@link ReferenceEvaluator} (its class javadoc says how the rules of DOMAIN.md section 5 combine),
 * computed from the failed-dimension masks of {@link Program#failures} and worded by
 * {@link Explanations}, so that a refusal is explained at a small multiple of the cost of a permit.
 *
 * <p>It declines (returns null, and the reference semantics run over the snapshot instead) where
 * the answer does not come from the imaging employer's own programs: an unknown employer or
 * examination, procedures that cannot be read, and an employer that recognises other employers'
 * entitlements under shared-responsibility agreements. The differential properties hold it to the
 * reference on every decision it makes.
 */
final class CompiledExplainer {

  private static final ScopeDimension[] DIMENSIONS = ScopeDimension.values();

  private final Snapshot snapshot;
  private final ReferralRequest request;
  private final EmployerView employer;
  private final ExamView exam;
  /** Where the referrer is in the snapshot's table, or -1 when the person is unknown. */
  private final int referrer;
  private final int day;
  private final int age;
  private final long facts;

  private CompiledExplainer(Snapshot snapshot, ReferralRequest request, EmployerView employer,
      ExamView exam, int referrer, int day) {
    this.snapshot = snapshot;
    this.request = request;
    this.employer = employer;
    this.exam = exam;
    this.referrer = referrer;
    this.day = day;
    this.age = PermitPath.ageOn(request.patientOrNull(), day);
    // A birth date no age can be reckoned from refuses before any fact but the indication is read.
    this.facts = Facts.of(request, request.patientOrNull(), Math.max(age, Facts.UNKNOWN_AGE),
        contrast(), snapshot.symbols);
  }

  /**
   * The decision for a referrer request, or null where the reference semantics must answer
   * (including an instant outside the zone's table and a referrer with a date that has no packed
   * day).
   */
  static @Nullable ReferralDecision explain(Snapshot snapshot, ReferralRequest request) {
    EmployerView employer = snapshot.employers.get(request.employer());
    if (employer == null || !employer.answersAlone()) {
      return null;
    }
    ExamView exam = snapshot.exams.get(request.examination());
    if (exam == null) {
      return null;
    }
    int day = employer.days.epochDay(request.requestedAt());
    if (day == ZoneDays.UNTABLED) {
      return null;
    }
    return new CompiledExplainer(snapshot, request, employer, exam,
        snapshot.referrers.indexOf(request.referrer()), day).judge();
  }

  private @Nullable ReferralDecision judge() {
    if (age == PermitPath.BORN_AFTER_REQUEST) {
      return refusal(Outcome.INSUFFICIENT_INFORMATION, List.of(Explanations.birthDateAfterRequest()));
    }
    if (age == PermitPath.IMPLAUSIBLY_OLD) {
      return refusal(Outcome.INSUFFICIENT_INFORMATION, List.of(Explanations.implausiblePatientAge()));
    }
    if (referrer >= 0
        && (snapshot.referrers.program(referrer)[Program.STANDING] & Program.BEYOND_PACKED_DAYS) != 0) {
      return null;
    }
    List<Candidate> candidates = candidates();
    if (candidates.isEmpty()) {
      return refusal(Outcome.NOT_ENTITLED,
          List.of(Explanations.notEntitledAtEmployer(request.employer(), EntitlementType.REFERRER)));
    }

    // Rule 3: status first.
    List<Reason> statusReasons = new ArrayList<>();
    List<Candidate> inForce = new ArrayList<>();
    for (Candidate candidate : candidates) {
      if (Program.inForce(candidate.code, candidate.block, day)) {
        inForce.add(candidate);
      } else {
        Explanations.statusReason(entitlementOf(candidate), LocalDate.ofEpochDay(day))
            .ifPresent(statusReasons::add);
      }
    }
    boolean registrationCurrent = referrer >= 0
        && (snapshot.referrers.program(referrer)[Program.STANDING] & Program.REGISTERED) != 0;
    if (!registrationCurrent || inForce.isEmpty()) {
      List<Reason> reasons = new ArrayList<>();
      if (!registrationCurrent) {
        reasons.add(Explanations.registrationNotCurrent());
      }
      if (inForce.isEmpty()) {
        reasons.addAll(statusReasons);
      }
      return refusal(Outcome.NOT_ENTITLED, reasons);
    }

    // Rule 4: scope, over the pooled rules of every candidate in force.
    List<Judged> judged = new ArrayList<>();
    List<Judged> matched = new ArrayList<>();
    for (Candidate candidate : inForce) {
      int[] code = candidate.code;
      for (int r = 0; r < code[candidate.block + B_RULES]; r++) {
        int rule = Program.rule(code, candidate.block, r);
        Judged result = new Judged(candidate, rule, Program.failures(code, rule, exam, facts));
        judged.add(result);
        if (result.failures == 0) {
          matched.add(result);
        }
      }
    }
    if (matched.isEmpty()) {
      return outOfScope(judged);
    }

    // Rule 5: the first matched rule whose training passes; rule 6: required information.
    List<Reason> information = requiredInformation();
    List<TrainingJudgement> blocked = new ArrayList<>();
    int fewest = Integer.MAX_VALUE;
    for (Judged rule : matched) {
      TrainingJudgement training = training(rule);
      if (training.reasons.isEmpty()) {
        return information.isEmpty()
            ? entitled(training)
            : refusal(Outcome.INSUFFICIENT_INFORMATION, information);
      }
      blocked.add(training);
      fewest = Math.min(fewest, training.reasons.size());
    }
    List<Reason> reasons = new ArrayList<>(information);
    for (TrainingJudgement training : blocked) {
      if (training.reasons.size() == fewest) {
        reasons.addAll(training.reasons);
      }
    }
    return refusal(Outcome.NOT_ENTITLED, reasons);
  }

  /**
   * The referrer's own live entitlements at the imaging employer, then the employer's group
   * entitlements whose criteria cover them, each in entitlement id order: the canonical order.
   */
  private List<Candidate> candidates() {
    List<Candidate> candidates = new ArrayList<>();
    if (referrer < 0) {
      return candidates;
    }
    int[] program = snapshot.referrers.program(referrer);
    Verdict[] permits = snapshot.referrers.permits(referrer);
    int block = program[FIRST_BLOCK];
    for (int b = 0; b < program[BLOCKS]; b++, block += program[block + B_LENGTH]) {
      if (program[block + B_EMPLOYER] == employer.symbol) {
        candidates.add(new Candidate(program, block, permits, DecisionBasis.INDIVIDUAL_ENTITLEMENT, null));
      }
    }
    for (GroupEntitlement group : employer.groups) {
      if (group.covers(snapshot.referrers.slice(referrer), request.employer(), day)) {
        candidates.add(
            new Candidate(group.program, 0, group.permits, DecisionBasis.GROUP_ENTITLEMENT, group));
      }
    }
    return candidates;
  }

  /**
   * No rule matches: missing information when some rule's only open question is the patient's age,
   * otherwise the failed dimensions of the rules with the fewest failures.
   */
  private ReferralDecision outOfScope(List<Judged> judged) {
    int fewest = Integer.MAX_VALUE;
    for (Judged rule : judged) {
      if (rule.failures == AGE_UNKNOWN) {
        List<Reason> reasons = new ArrayList<>(requiredInformation());
        reasons.add(Explanations.missingBirthDate());
        return refusal(Outcome.INSUFFICIENT_INFORMATION, reasons);
      }
      fewest = Math.min(fewest, rule.dimensionsFailed());
    }
    int dimensions = 0;
    for (Judged rule : judged) {
      if (rule.dimensionsFailed() == fewest) {
        dimensions |= rule.failures & ~AGE_UNKNOWN;
      }
    }
    List<Reason> reasons = new ArrayList<>(Integer.bitCount(dimensions));
    Explanations.ScopeFacts scopeFacts = null;
    for (ScopeDimension dimension : DIMENSIONS) {
      if ((dimensions & 1 << dimension.ordinal()) == 0) {
        continue;
      }
      if (dimension == ScopeDimension.MODALITY) {
        reasons.add(exam.outOfModality());
      } else if (dimension == ScopeDimension.EXAMINATION) {
        reasons.add(exam.outOfExamination());
      } else {
        if (scopeFacts == null) {
          scopeFacts = new Explanations.ScopeFacts(
              age == Facts.UNKNOWN_AGE ? OptionalInt.empty() : OptionalInt.of(age), request.setting(),
              request.indication(), request.urgency());
        }
        reasons.add(Explanations.outOfScope(dimension, exam.examination(), scopeFacts));
      }
    }
    return refusal(Outcome.NOT_ENTITLED, reasons);
  }

  /** The matched rule's training needs against the referrer's records on the day (rule 5). */
  private TrainingJudgement training(Judged rule) {
    TrainingJudgement judgement = new TrainingJudgement(rule);
    int[] code = rule.candidate.code;
    int needs = Program.trainingNeedCount(code, rule.rule);
    for (int at = Program.trainingNeeds(code, rule.rule), end = at + 3 * needs; at < end; at += 3) {
      long state = Program.trainingState(snapshot.referrers.program(referrer), code[at], day);
      if (state == Program.CURRENT) {
        continue;
      }
      TrainingType training = snapshot.symbols.trainingType(code[at]);
      Optional<LocalDate> lastValidDay = state == Program.NEVER_HELD
          ? Optional.empty() : Optional.of(LocalDate.ofEpochDay(state));
      LapsePolicyKind policy = LapsePolicyKind.values()[code[at + 1]];
      if (policy == LapsePolicyKind.NOTIFY_ONLY) {
        judgement.notices.add(Explanations.trainingLapsedNotice(training, lastValidDay));
      } else if (lastValidDay.isEmpty()) {
        judgement.reasons.add(Explanations.trainingMissing(training));
      } else if (policy == LapsePolicyKind.WARN_WITH_GRACE && day <= state + code[at + 2]) {
        judgement.warnings.add(Explanations.trainingInGrace(training, lastValidDay.get(),
            (int) (state + code[at + 2] - day)));
      } else {
        judgement.reasons.add(Explanations.trainingExpired(training, lastValidDay.get()));
      }
    }
    return judgement;
  }

  /** The imaging employer's pregnancy enquiry and mandatory clinical information (rule 6). */
  private List<Reason> requiredInformation() {
    List<Reason> reasons = new ArrayList<>();
    Patient patient = request.patientOrNull();
    PregnancyStatus pregnancy = patient == null ? null : patient.pregnancyOrNull();
    boolean unanswered = pregnancy == null || pregnancy == PregnancyStatus.UNKNOWN;
    if (unanswered && employer.enquiryApplies[exam.index()]
        && employer.enquirySexes.contains(patient == null ? Sex.UNKNOWN : patient.sex())) {
      if (age == Facts.UNKNOWN_AGE) {
        reasons.add(Explanations.missingBirthDate());
        reasons.add(Explanations.missingPregnancyStatus());
      } else if (age >= employer.enquiryMinAge && age <= employer.enquiryMaxAge) {
        reasons.add(Explanations.missingPregnancyStatus());
      }
    }
    Set<ClinicalInformationItem> missing = new HashSet<>();
    for (int i = 0; i < employer.informationItems.length; i++) {
      ClinicalInformationItem item = employer.informationItems[i];
      if (employer.informationApplies(i, exam, contrast())
          && !request.clinicalInformation().contains(item) && missing.add(item)) {
        reasons.add(Explanations.missingClinicalInformation(item, exam.examination().modality()));
      }
    }
    return reasons;
  }

  private ReferralDecision entitled(TrainingJudgement chosen) {
    Candidate candidate = chosen.rule.candidate;
    List<Warning> warnings = new ArrayList<>(chosen.warnings);
    int reviewDue = candidate.code[candidate.block + B_REVIEW];
    if (day >= reviewDue) {
      warnings.add(Explanations.reviewDue(entitlementOf(candidate), LocalDate.ofEpochDay(reviewDue)));
    }
    Verdict permit = candidate.permits[Program.permit(candidate.code, chosen.rule.rule)];
    return decision(Outcome.ENTITLED)
        .basis(candidate.basis)
        .matchedRule(permit.matchedRule().orElseThrow())
        .warnings(sortedDistinct(warnings))
        .notices(sortedDistinct(chosen.notices))
        .build();
  }

  private ReferralDecision refusal(Outcome outcome, List<Reason> reasons) {
    return decision(outcome).reasons(sortedDistinct(reasons)).build();
  }

  /**
   * A decision with what every decision carries: the outcome, the request and its instant, the
   * version of the imaging employer's procedures, and the guideline advisories for the request's
   * indication and examination (rule 8), whatever the outcome.
   */
  private ReferralDecision.Builder decision(Outcome outcome) {
    ReferralDecision.Builder decision = ReferralDecision.builder();
    decision.outcome(outcome)
        .request(request)
        .evaluatedAt(request.requestedAt())
        .proceduresVersion(employer.procedures.version());
    if (exam.advisedFor(Facts.indication(facts))) {
      ImmutableSortedSet.Builder<GuidelineAdvisory> advisories = ImmutableSortedSet.naturalOrder();
      for (GuidelineEntry entry : snapshot.advice.get(request.indicationOrNull()).get(request.examination())) {
        advisories.add(GuidelineAdvisory.from(entry));
      }
      decision.advisories(advisories.build());
    }
    return decision;
  }

  /**
   * The items in their natural order, each once (as a sorted set would keep them), sorted in
   * place: for the one or two reasons of most refusals this costs less than building a sorted set.
   */
  private static <T extends Comparable<? super T>> List<T> sortedDistinct(List<T> items) {
    if (isSortedAndDistinct(items)) {
      return items;
    }
    items.sort(null);
    int kept = 1;
    for (int i = 1; i < items.size(); i++) {
      if (items.get(i).compareTo(items.get(kept - 1)) != 0) {
        items.set(kept++, items.get(i));
      }
    }
    return items.subList(0, kept);
  }

  /** Whether the items are already as a decision holds them, as reasons built in order are. */
  private static <T extends Comparable<? super T>> boolean isSortedAndDistinct(List<T> items) {
    for (int i = 1; i < items.size(); i++) {
      if (items.get(i - 1).compareTo(items.get(i)) >= 0) {
        return false;
      }
    }
    return true;
  }

  private boolean contrast() {
    return request.contrast() || exam.contrast();
  }

  /**
   * The entitlement as the store gave it, read only to word a status reason or review warning: the
   * programs hold everything else.
   */
  private Entitlement entitlementOf(Candidate candidate) {
    return candidate.group != null
        ? candidate.group.entitlement
        : snapshot.referrers.slice(referrer).compiled[candidate.code[candidate.block + B_ENTITLEMENT]];
  }

  /**
   * An entitlement considered for the request: where its block is, what it permits with, and the
   * group entitlement it is, if it is one.
   */
  private record Candidate(int[] code, int block, Verdict[] permits, DecisionBasis basis,
      @Nullable GroupEntitlement group) {}

  /** One pooled rule, with its {@link Program#failures}. */
  private record Judged(Candidate candidate, int rule, int failures) {

    int dimensionsFailed() {
      return Integer.bitCount(failures & ~AGE_UNKNOWN);
    }
  }

  private static final class TrainingJudgement {
    final Judged rule;
    final List<Reason> reasons = new ArrayList<>();
    final List<Warning> warnings = new ArrayList<>();
    final List<Notice> notices = new ArrayList<>();

    TrainingJudgement(Judged rule) {
      this.rule = rule;
    }
  }
}
