package org.irmer.entitlement.rules;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSortedSet;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.HashSet;
import org.irmer.entitlement.core.domain.BodyRegion;
import org.irmer.entitlement.core.domain.BodyRegionTree;
import org.irmer.entitlement.core.domain.ClinicalInformationItem;
import org.irmer.entitlement.core.domain.ClinicalInformationRequirement;
import org.irmer.entitlement.core.domain.DecisionBasis;
import org.irmer.entitlement.core.domain.Employer;
import org.irmer.entitlement.core.domain.EmployerId;
import org.irmer.entitlement.core.domain.Entitlement;
import org.irmer.entitlement.core.domain.EntitlementStatus;
import org.irmer.entitlement.core.domain.EntitlementType;
import org.irmer.entitlement.core.domain.Examination;
import org.irmer.entitlement.core.domain.GroupCriteria;
import org.irmer.entitlement.core.domain.GuidelineAdvisory;
import org.irmer.entitlement.core.domain.MatchedRule;
import org.irmer.entitlement.core.domain.Notice;
import org.irmer.entitlement.core.domain.Outcome;
import org.irmer.entitlement.core.domain.Patient;
import org.irmer.entitlement.core.domain.Person;
import org.irmer.entitlement.core.domain.PregnancyConstraint;
import org.irmer.entitlement.core.domain.ProfessionalRegistration;
import org.irmer.entitlement.core.domain.PregnancyEnquiryRule;
import org.irmer.entitlement.core.domain.PregnancyStatus;
import org.irmer.entitlement.core.domain.Reason;
import org.irmer.entitlement.core.domain.ReferralDecision;
import org.irmer.entitlement.core.domain.ReferralRequest;
import org.irmer.entitlement.core.domain.ScopeDimension;
import org.irmer.entitlement.core.domain.ScopeRule;
import org.irmer.entitlement.core.domain.SharedResponsibilityAgreement;
import org.irmer.entitlement.core.domain.SiteId;
import org.irmer.entitlement.core.domain.Sex;
import org.irmer.entitlement.core.domain.TrainingLapsePolicy;
import org.irmer.entitlement.core.domain.TrainingRecord;
import org.irmer.entitlement.core.domain.TrainingRequirement;
import org.irmer.entitlement.core.domain.TrainingType;
import org.irmer.entitlement.core.domain.Warning;
import org.irmer.entitlement.core.domain.WrittenProcedures;
import org.irmer.entitlement.core.port.out.EntitlementException;
import org.irmer.entitlement.core.port.out.DecisionData;

/**
 * The reference decision evaluator: DOMAIN.md section 5 followed line by line, written for
 * obviousness rather than speed. It reads its {@link DecisionData} on every call.
 *
 * <p>How the rules of section 5 combine, where the page leaves it open:
 *
 * <ol>
 *   <li>An unknown employer, unreadable procedures or an unavailable store give
 *       {@code INDETERMINATE [DATA_UNAVAILABLE]}; an unknown examination code gives
 *       {@code INDETERMINATE [UNKNOWN_EXAMINATION]} (rule 1 needs the employer's zone; nothing
 *       else can be judged without the examination); an instant whose local date in that zone the
 *       calendar cannot represent (an {@link Instant} reaches further than a {@link LocalDate})
 *       gives {@code INDETERMINATE [REQUEST_DATE_OUT_OF_RANGE]}. Any other failure while evaluating
 *       gives {@code INDETERMINATE [EVALUATION_FAILED]}: no exception escapes but one for a null
 *       argument.
 *   <li>A referrer request whose patient's birth date falls after the request's local date gives
 *       {@code INSUFFICIENT_INFORMATION [BIRTH_DATE_AFTER_REQUEST]}, and one that makes the patient
 *       older than {@link Patient#OLDEST_PLAUSIBLE_AGE} gives
 *       {@code INSUFFICIENT_INFORMATION [IMPLAUSIBLE_PATIENT_AGE]}, before the register is
 *       consulted and whatever the rules' age bounds (rule 2 needs an age, and the pregnancy
 *       enquiry of rule 6 an age band, that such a date cannot give). The data cannot be true and
 *       the request could be entitled once it is corrected, so the outcome asks for information
 *       rather than refusing the referrer; either way the request does not proceed.
 *   <li>The candidates are the referrer's own entitlements of the requested type at the imaging
 *       employer, the employer's group entitlements whose criteria cover the referrer, and
 *       entitlements held at other employers that a current shared-responsibility agreement of
 *       the imaging employer recognises for the modality and site (rule 7). Superseded versions are
 *       history, never candidates. No candidate: {@code NOT_ENTITLED_AT_EMPLOYER}, plus
 *       {@code NOT_COVERED_BY_AGREEMENT} for each agreement that recognises an entitlement the
 *       referrer holds but does not cover this request.
 *   <li>Status first (rule 3): a registration that is not {@code REGISTERED}, or no candidate in
 *       force on the request's local date, refuses with the status reasons only: scope is not
 *       judged for an entitlement that does not hold (so a suspended referrer gets
 *       {@code [ENTITLEMENT_SUSPENDED]} whatever they ask for, scenario S4).
 *   <li>Scope (rule 4): the rules of every candidate in force form one pool. A rule matches when
 *       it passes every dimension; a rule whose only open question is the patient's age with no
 *       birth date makes the decision {@code INSUFFICIENT_INFORMATION [MISSING_PATIENT_BIRTH_DATE]};
 *       otherwise the failed dimensions of the rules with the fewest failures are reported.
 *   <li>Training (rule 5), judged only for matched rules: the procedures of the employer that
 *       granted the entitlement say what its modality needs, plus the rule's own required
 *       training (blocking unless the procedures give that training a policy). The first matched
 *       rule, in the order below, whose training passes is chosen; when none passes, the training
 *       reasons of the rules with the fewest are reported. Training that was never held cannot be
 *       in grace: it blocks unless the policy is {@code NOTIFY_ONLY}.
 *   <li>Required information (rule 6), judged once the request is in scope: the imaging
 *       employer's pregnancy enquiry rule and mandatory clinical information. When the age needed
 *       to place the patient in the enquiry's age band is missing, both the birth date and the
 *       pregnancy status are reported missing, as either would settle it.
 *   <li>Outcome: any training reason gives {@code NOT_ENTITLED}; otherwise any missing information
 *       gives {@code INSUFFICIENT_INFORMATION}; otherwise {@code ENTITLED}, with training warnings,
 *       {@code REVIEW_DUE} from the entitlement's review date, and notices for training lapsed
 *       under {@code NOTIFY_ONLY}.
 *   <li>Guideline advisories (rule 8) are added to every decision once the examination and the
 *       request's local date are known, whatever the outcome, and never change it.
 * </ol>
 *
 * <p>Ties are broken in one canonical order (basis: individual, group, agreement; then employer,
 * entitlement id and rule id), so loading order never matters (rule 9). Decisions for
 * {@code CLINICAL_EVALUATION} consider modality and examination only, and no agreements,
 * required information or guidelines (principle 11).
 */
public final class ReferenceEvaluator implements ReferralEvaluator {

  private static final Set<ScopeDimension> CLINICAL_EVALUATION_DIMENSIONS =
      EnumSet.of(ScopeDimension.MODALITY, ScopeDimension.EXAMINATION);

  private final DecisionData data;

  /** The evaluator over {@code data}: the live stores, or a compiled snapshot of them. */
  public ReferenceEvaluator(DecisionData data) {
    this.data = checkNotNull(data, "data");
  }

  @Override
  public ReferralDecision evaluate(ReferralRequest request, EntitlementType type) {
    checkNotNull(request, "request");
    checkNotNull(type, "type");
    try {
      return decide(request, type);
    } catch (EntitlementException unavailable) {
      return refusal(request, Outcome.INDETERMINATE,
          List.of(Explanations.storeUnavailable(unavailable.getMessage())), List.of(), Optional.empty());
    } catch (RuntimeException failure) {
      return refusal(request, Outcome.INDETERMINATE, List.of(Explanations.evaluationFailed(failure)),
          List.of(), Optional.empty());
    }
  }

  private ReferralDecision decide(ReferralRequest request, EntitlementType type) {
    Optional<Employer> employer = data.employer(request.employer());
    if (employer.isEmpty()) {
      return refusal(request, Outcome.INDETERMINATE,
          List.of(Explanations.unknownEmployer(request.employer())), List.of(), Optional.empty());
    }
    Optional<WrittenProcedures> procedures = data.currentProcedures(request.employer());
    if (procedures.isEmpty()) {
      return refusal(request, Outcome.INDETERMINATE,
          List.of(Explanations.noProcedures(request.employer())), List.of(), Optional.empty());
    }
    Optional<Integer> proceduresVersion = Optional.of(procedures.get().version());
    Optional<Examination> examination = data.examination(request.examination());
    if (examination.isEmpty()) {
      return refusal(request, Outcome.INDETERMINATE,
          List.of(Explanations.unknownExamination(request.examination())), List.of(), proceduresVersion);
    }
    Optional<LocalDate> date = localDate(request.requestedAt(), employer.get().zone());
    if (date.isEmpty()) {
      return refusal(request, Outcome.INDETERMINATE,
          List.of(Explanations.requestDateOutOfRange(request.requestedAt(), employer.get().zone())),
          List.of(), proceduresVersion);
    }
    Situation situation = new Situation(request, type, employer.get(), procedures.get(),
        examination.get(), data.regions(), date.get(), ageOn(request, date.get()),
        data.person(request.referrer()));
    return judge(situation);
  }

  private ReferralDecision judge(Situation s) {
    List<GuidelineAdvisory> advisories = advisories(s);
    Optional<Integer> proceduresVersion = Optional.of(s.procedures.version());
    Optional<Reason> unusableBirthDate = unusableBirthDate(s);
    if (unusableBirthDate.isPresent()) {
      return refusal(s.request, Outcome.INSUFFICIENT_INFORMATION, List.of(unusableBirthDate.get()),
          advisories, proceduresVersion);
    }
    List<Reason> uncovered = new ArrayList<>();
    List<Candidate> candidates = candidates(s, uncovered);
    if (candidates.isEmpty()) {
      List<Reason> reasons = new ArrayList<>(uncovered);
      reasons.add(Explanations.notEntitledAtEmployer(s.request.employer(), s.type));
      return refusal(s.request, Outcome.NOT_ENTITLED, reasons, advisories, proceduresVersion);
    }

    // Rule 3: status first.
    List<Reason> statusReasons = new ArrayList<>();
    List<Candidate> inForce = new ArrayList<>();
    for (Candidate candidate : candidates) {
      Optional<Reason> status = Explanations.statusReason(candidate.entitlement, s.date);
      if (status.isPresent()) {
        statusReasons.add(status.get());
      } else {
        inForce.add(candidate);
      }
    }
    boolean registrationCurrent = s.person
        .flatMap(Person::registration)
        .map(ProfessionalRegistration::isCurrent)
        .orElse(false);
    if (!registrationCurrent || inForce.isEmpty()) {
      List<Reason> reasons = new ArrayList<>(uncovered);
      if (!registrationCurrent) {
        reasons.add(Explanations.registrationNotCurrent());
      }
      if (inForce.isEmpty()) {
        reasons.addAll(statusReasons);
      }
      return refusal(s.request, Outcome.NOT_ENTITLED, reasons, advisories, proceduresVersion);
    }

    // Rule 4: scope, over the pooled rules of every candidate in force.
    List<RuleResult> results = new ArrayList<>();
    for (Candidate candidate : inForce) {
      candidate.entitlement.scope().rules().stream()
          .sorted(Comparator.comparing(ScopeRule::id))
          .forEach(rule -> results.add(judgeRule(s, candidate, rule)));
    }
    List<RuleResult> matched = results.stream().filter(RuleResult::matches).toList();
    if (matched.isEmpty()) {
      boolean onlyAgeUnknown = results.stream().anyMatch(r -> r.failed.isEmpty());
      if (onlyAgeUnknown) {
        List<Reason> reasons = new ArrayList<>(requiredInformation(s));
        reasons.add(Explanations.missingBirthDate());
        return refusal(s.request, Outcome.INSUFFICIENT_INFORMATION, reasons, advisories,
            proceduresVersion);
      }
      int fewest = results.stream().mapToInt(r -> r.failed.size()).min().orElseThrow();
      List<Reason> reasons = new ArrayList<>(uncovered);
      for (RuleResult result : results) {
        if (result.failed.size() == fewest) {
          for (ScopeDimension dimension : result.failed) {
            reasons.add(Explanations.outOfScope(dimension, s.examination, scopeFacts(s)));
          }
        }
      }
      return refusal(s.request, Outcome.NOT_ENTITLED, reasons, advisories, proceduresVersion);
    }

    // Rule 5: training gates of the matched rules.
    List<TrainingResult> training = new ArrayList<>();
    for (RuleResult result : matched) {
      training.add(judgeTraining(s, result));
    }
    Optional<TrainingResult> passing = training.stream().filter(t -> t.reasons.isEmpty()).findFirst();
    List<Reason> information = requiredInformation(s);
    if (passing.isEmpty()) {
      int fewest = training.stream().mapToInt(t -> t.reasons.size()).min().orElseThrow();
      List<Reason> reasons = new ArrayList<>(uncovered);
      training.stream().filter(t -> t.reasons.size() == fewest).forEach(t -> reasons.addAll(t.reasons));
      reasons.addAll(information);
      return refusal(s.request, Outcome.NOT_ENTITLED, reasons, advisories, proceduresVersion);
    }
    // Rule 6: required information.
    if (!information.isEmpty()) {
      return refusal(s.request, Outcome.INSUFFICIENT_INFORMATION, information, advisories,
          proceduresVersion);
    }
    return entitled(s, passing.get(), advisories);
  }

  private ReferralDecision entitled(Situation s, TrainingResult chosen, List<GuidelineAdvisory> advisories) {
    Entitlement entitlement = chosen.rule.candidate.entitlement;
    List<Warning> warnings = new ArrayList<>(chosen.warnings);
    entitlement.reviewDue()
        .filter(due -> !s.date.isBefore(due))
        .ifPresent(due -> warnings.add(Explanations.reviewDue(entitlement, due)));
    return ReferralDecision.builder()
        .outcome(Outcome.ENTITLED)
        .basis(chosen.rule.candidate.basis)
        .matchedRule(new MatchedRule(entitlement.id(), entitlement.version(), entitlement.employer(),
            entitlement.scope().version(), chosen.rule.rule.id()))
        .warnings(ImmutableSortedSet.copyOf(warnings))
        .notices(ImmutableSortedSet.copyOf(chosen.notices))
        .advisories(ImmutableSortedSet.copyOf(advisories))
        .request(s.request)
        .evaluatedAt(s.request.requestedAt())
        .proceduresVersion(s.procedures.version())
        .build();
  }

  private static ReferralDecision refusal(ReferralRequest request, Outcome outcome,
      List<Reason> reasons, List<GuidelineAdvisory> advisories, Optional<Integer> proceduresVersion) {
    return ReferralDecision.builder()
        .outcome(outcome)
        .reasons(ImmutableSortedSet.copyOf(reasons))
        .advisories(ImmutableSortedSet.copyOf(advisories))
        .request(request)
        .evaluatedAt(request.requestedAt())
        .proceduresVersion(proceduresVersion)
        .build();
  }

  // ---------------------------------------------------------------------------------------------
  // Candidates (rules 3 and 7)

  private List<Candidate> candidates(Situation s, List<Reason> uncovered) {
    List<Candidate> candidates = new ArrayList<>();
    if (s.person.isEmpty()) {
      return candidates;
    }
    Person person = s.person.get();
    for (Entitlement entitlement : held(person, s.request.employer(), s)) {
      DecisionBasis basis = entitlement.subject().isGroup()
          ? DecisionBasis.GROUP_ENTITLEMENT : DecisionBasis.INDIVIDUAL_ENTITLEMENT;
      candidates.add(new Candidate(entitlement, basis, s.procedures));
    }
    if (s.type == EntitlementType.REFERRER) {
      Map<Object, Candidate> recognised = new LinkedHashMap<>();
      List<SharedResponsibilityAgreement> agreements = data.agreementsRecognisedBy(s.request.employer()).stream()
          .filter(agreement -> agreement.isCurrentOn(s.date))
          .sorted(Comparator.comparing(SharedResponsibilityAgreement::id))
          .toList();
      for (SharedResponsibilityAgreement agreement : agreements) {
        List<Entitlement> elsewhere = held(person, agreement.entitlingEmployer(), s);
        if (elsewhere.isEmpty()) {
          continue;
        }
        Optional<SiteId> site = s.request.setting().flatMap(setting -> setting.site());
        if (!agreement.covers(s.examination.modality(), site)) {
          uncovered.add(Explanations.notCoveredByAgreement(agreement.id(),
              agreement.entitlingEmployer(), s.examination.modality(), site));
          continue;
        }
        WrittenProcedures entitlingProcedures = data.currentProcedures(agreement.entitlingEmployer())
            .orElseThrow(() -> new ProceduresUnavailable(agreement.entitlingEmployer()));
        for (Entitlement entitlement : elsewhere) {
          recognised.putIfAbsent(entitlement.id(), new Candidate(entitlement,
              DecisionBasis.RECOGNISED_UNDER_AGREEMENT, entitlingProcedures));
        }
      }
      candidates.addAll(recognised.values());
    }
    candidates.sort(Comparator.comparing((Candidate c) -> c.basis)
        .thenComparing(c -> c.entitlement.employer())
        .thenComparing(c -> c.entitlement.id()));
    return candidates;
  }

  /** The person's entitlements of the requested type at {@code employer}: own and group, not superseded. */
  private List<Entitlement> held(Person person, EmployerId employer, Situation s) {
    List<Entitlement> held = new ArrayList<>();
    for (Entitlement entitlement : data.entitlements(person.id())) {
      if (entitlement.employer().equals(employer) && isLive(entitlement, s.type)) {
        held.add(entitlement);
      }
    }
    for (Entitlement entitlement : data.groupEntitlements(employer)) {
      if (isLive(entitlement, s.type)
          && covers(entitlement.subject().group().orElseThrow(), person, employer, s.date)) {
        held.add(entitlement);
      }
    }
    return held;
  }

  private static boolean isLive(Entitlement entitlement, EntitlementType type) {
    return entitlement.type() == type && entitlement.status() != EntitlementStatus.SUPERSEDED;
  }

  private boolean covers(GroupCriteria group, Person person, EmployerId employer, LocalDate date) {
    if (person.registration().isEmpty()
        || !group.regulators().contains(person.registration().get().regulator())) {
      return false;
    }
    if (!group.professions().isEmpty() && !group.professions().contains(person.profession())) {
      return false;
    }
    return !group.requiresRoleAtEmployer()
        || data.roles(person.id()).stream()
            .anyMatch(role -> role.employer().equals(employer) && role.isHeldOn(date));
  }

  // ---------------------------------------------------------------------------------------------
  // Scope (rules 2 and 4)

  private RuleResult judgeRule(Situation s, Candidate candidate, ScopeRule rule) {
    Set<ScopeDimension> failed = EnumSet.noneOf(ScopeDimension.class);
    boolean ageUnknown = false;
    for (ScopeDimension dimension : ScopeDimension.values()) {
      if (s.type == EntitlementType.CLINICAL_EVALUATION
          && !CLINICAL_EVALUATION_DIMENSIONS.contains(dimension)) {
        continue;
      }
      if (dimension == ScopeDimension.AGE && rule.isAgeDependent() && s.ageInYears().isEmpty()) {
        ageUnknown = true;
      } else if (!passes(s, rule, dimension)) {
        failed.add(dimension);
      }
    }
    return new RuleResult(candidate, rule, failed, ageUnknown);
  }

  private static boolean passes(Situation s, ScopeRule rule, ScopeDimension dimension) {
    Examination exam = s.examination;
    ReferralRequest request = s.request;
    return switch (dimension) {
      case MODALITY -> exam.modality() == rule.modality();
      case EXAMINATION -> isIncluded(rule, exam, s.tree) && !isExcluded(rule, exam, s.tree);
      case AGE -> !rule.isAgeDependent() || withinAge(rule, s.ageInYears().orElseThrow());
      case PREGNANCY -> rule.pregnancy() == PregnancyConstraint.ALLOWED
          || !s.pregnancy().map(PregnancyStatus::mayBePregnant).orElse(false);
      case SETTING -> rule.settings().isEmpty() || request.setting()
          .map(actual -> rule.settings().stream().anyMatch(permitted -> permitted.admits(actual)))
          .orElse(false);
      case INDICATION -> rule.indications().isEmpty()
          || request.indication().map(rule.indications()::contains).orElse(false);
      case CONTRAST -> rule.contrastAllowed() || !s.contrast();
      case URGENCY -> rule.urgencies().isEmpty() || rule.urgencies().contains(request.urgency());
    };
  }

  private static boolean isIncluded(ScopeRule rule, Examination exam, BodyRegionTree tree) {
    if (rule.includedExaminations().contains(exam.code())) {
      return true;
    }
    for (BodyRegion region : rule.includedRegions()) {
      if (tree.isWithin(exam.region(), region)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Exclusions beat inclusions (DOMAIN.md section 4), and an examination that covers an excluded
   * region is excluded too: a whole-leg film irradiates an excluded knee.
   */
  private static boolean isExcluded(ScopeRule rule, Examination exam, BodyRegionTree tree) {
    if (rule.excludedExaminations().contains(exam.code())) {
      return true;
    }
    for (BodyRegion region : rule.excludedRegions()) {
      if (tree.overlaps(exam.region(), region)) {
        return true;
      }
    }
    return false;
  }

  private static boolean withinAge(ScopeRule rule, int age) {
    return rule.minAge().map(min -> age >= min).orElse(true)
        && rule.maxAge().map(max -> age <= max).orElse(true);
  }

  private static Explanations.ScopeFacts scopeFacts(Situation s) {
    return new Explanations.ScopeFacts(s.ageInYears(), s.request.setting(), s.request.indication(),
        s.request.urgency());
  }

  // ---------------------------------------------------------------------------------------------
  // Training (rule 5)

  private TrainingResult judgeTraining(Situation s, RuleResult matched) {
    Map<TrainingType, TrainingLapsePolicy> required = new LinkedHashMap<>();
    for (TrainingRequirement requirement : matched.candidate.procedures.trainingFor(s.examination.modality())) {
      required.putIfAbsent(requirement.training(), requirement.lapsePolicy());
    }
    for (TrainingType training : ImmutableSortedSet.copyOf(matched.rule.requiredTraining())) {
      required.putIfAbsent(training, TrainingLapsePolicy.BLOCK);
    }
    List<TrainingRecord> records = s.person.isEmpty()
        ? List.of() : data.training(s.person.get().id());
    TrainingResult result = new TrainingResult(matched);
    required.forEach((training, policy) -> judgeOneTraining(s, training, policy, records, result));
    return result;
  }

  private static void judgeOneTraining(Situation s, TrainingType training, TrainingLapsePolicy policy,
      List<TrainingRecord> records, TrainingResult result) {
    List<TrainingRecord> held = records.stream()
        .filter(record -> record.type().equals(training) && !record.completed().isAfter(s.date))
        .toList();
    if (held.stream().anyMatch(record -> record.isCurrentOn(s.date))) {
      return;
    }
    Optional<LocalDate> lastValidDay = held.stream()
        .map(record -> record.expires().orElseThrow())
        .max(Comparator.naturalOrder());
    switch (policy.kind()) {
      case NOTIFY_ONLY -> result.notices.add(Explanations.trainingLapsedNotice(training, lastValidDay));
      case BLOCK -> result.reasons.add(lastValidDay
          .map(day -> Explanations.trainingExpired(training, day))
          .orElseGet(() -> Explanations.trainingMissing(training)));
      case WARN_WITH_GRACE -> {
        if (lastValidDay.isEmpty()) {
          result.reasons.add(Explanations.trainingMissing(training));
        } else {
          // In epoch days: the last day of grace may lie beyond LocalDate.MAX.
          long graceEnds = lastValidDay.get().toEpochDay() + policy.graceDays();
          long today = s.date.toEpochDay();
          if (today > graceEnds) {
            result.reasons.add(Explanations.trainingExpired(training, lastValidDay.get()));
          } else {
            int daysLeft = (int) (graceEnds - today);
            result.warnings.add(Explanations.trainingInGrace(training, lastValidDay.get(), daysLeft));
          }
        }
      }
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Required information (rule 6) and guidelines (rule 8)

  private static List<Reason> requiredInformation(Situation s) {
    List<Reason> reasons = new ArrayList<>();
    if (s.type != EntitlementType.REFERRER) {
      return reasons;
    }
    PregnancyEnquiryRule enquiry = s.procedures.pregnancyEnquiry();
    boolean unanswered = s.pregnancy().map(status -> status == PregnancyStatus.UNKNOWN).orElse(true);
    if (unanswered && enquiry.appliesToExamination(s.examination, s.tree)
        && enquiry.appliesToSex(s.sex())) {
      OptionalInt age = s.ageInYears();
      if (age.isEmpty()) {
        reasons.add(Explanations.missingBirthDate());
        reasons.add(Explanations.missingPregnancyStatus());
      } else if (enquiry.appliesToAge(age.getAsInt())) {
        reasons.add(Explanations.missingPregnancyStatus());
      }
    }
    Set<ClinicalInformationItem> seen = new HashSet<>();
    for (ClinicalInformationRequirement requirement : s.procedures.clinicalInformation()) {
      if (requirement.appliesTo(s.examination.modality(), s.contrast())
          && !s.request.clinicalInformation().contains(requirement.item())
          && seen.add(requirement.item())) {
        reasons.add(Explanations.missingClinicalInformation(requirement.item(), s.examination.modality()));
      }
    }
    return reasons;
  }

  private List<GuidelineAdvisory> advisories(Situation s) {
    if (s.type != EntitlementType.REFERRER || s.request.indication().isEmpty()) {
      return List.of();
    }
    return data.advice(s.request.indication().get(), s.examination.code()).stream()
        .map(GuidelineAdvisory::from)
        .toList();
  }

  // ---------------------------------------------------------------------------------------------

  /**
   * The local date of {@code instant} in {@code zone} (rule 1); empty when the calendar cannot
   * represent it (the range of {@link Instant} is wider than that of {@link LocalDate}).
   */
  private static Optional<LocalDate> localDate(Instant instant, ZoneId zone) {
    try {
      return Optional.of(instant.atZone(zone).toLocalDate());
    } catch (DateTimeException unrepresentable) {
      return Optional.empty();
    }
  }

  /**
   * Completed years on the local date of the request (rule 2); empty when the request gives no
   * birth date, or one after that date, which no age can be reckoned from.
   */
  private static OptionalInt ageOn(ReferralRequest request, LocalDate date) {
    return request.patient().flatMap(Patient::birthDate).filter(born -> !born.isAfter(date))
        .map(born -> OptionalInt.of(Patient.ageOn(born, date))).orElse(OptionalInt.empty());
  }

  /**
   * A referrer request's birth date that no age can be reckoned from, whatever the scope's age
   * bounds: one after the request's local date, or one giving an age beyond
   * {@link Patient#OLDEST_PLAUSIBLE_AGE}. Clinical evaluation judges no patient data.
   */
  private static Optional<Reason> unusableBirthDate(Situation s) {
    Optional<LocalDate> born = s.request.patient().flatMap(Patient::birthDate);
    if (s.type != EntitlementType.REFERRER || born.isEmpty()) {
      return Optional.empty();
    }
    if (born.get().isAfter(s.date)) {
      return Optional.of(Explanations.birthDateAfterRequest());
    }
    return s.ageInYears().getAsInt() > Patient.OLDEST_PLAUSIBLE_AGE
        ? Optional.of(Explanations.implausiblePatientAge()) : Optional.empty();
  }

  /** Everything fixed about one evaluation; {@code ageInYears} as {@link #ageOn} gives it. */
  private record Situation(ReferralRequest request, EntitlementType type, Employer employer,
      WrittenProcedures procedures, Examination examination, BodyRegionTree tree, LocalDate date,
      OptionalInt ageInYears, Optional<Person> person) {

    Optional<PregnancyStatus> pregnancy() {
      return request.patient().flatMap(Patient::pregnancy);
    }

    Sex sex() {
      return request.patient().map(Patient::sex).orElse(Sex.UNKNOWN);
    }

    boolean contrast() {
      return request.contrast() || examination.contrast();
    }
  }

  private record Candidate(Entitlement entitlement, DecisionBasis basis, WrittenProcedures procedures) {}

  private record RuleResult(Candidate candidate, ScopeRule rule, Set<ScopeDimension> failed,
      boolean ageUnknown) {

    boolean matches() {
      return failed.isEmpty() && !ageUnknown;
    }
  }

  private static final class TrainingResult {
    final RuleResult rule;
    final List<Reason> reasons = new ArrayList<>();
    final List<Warning> warnings = new ArrayList<>();
    final List<Notice> notices = new ArrayList<>();

    TrainingResult(RuleResult rule) {
      this.rule = rule;
    }
  }

  /** The procedures of an employer whose entitlement an agreement recognises cannot be read. */
  private static final class ProceduresUnavailable extends EntitlementException {
    ProceduresUnavailable(EmployerId employer) {
      super("the written procedures of employer " + employer);
    }
  }
}
