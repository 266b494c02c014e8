package org.irmer.entitlement.adapter.reports.letter;

import com.google.common.collect.ImmutableList;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.irmer.entitlement.adapter.reports.letter.ScopeLetters.Grant;
import org.irmer.entitlement.adapter.reports.letter.ScopeLetters.Letter;
import org.irmer.entitlement.adapter.reports.letter.ScopeLetters.Party;
import org.irmer.entitlement.adapter.reports.letter.ScopeLetters.Problem;
import org.irmer.entitlement.adapter.reports.letter.ScopeLetters.Rule;
import org.irmer.entitlement.adapter.reports.letter.ScopeLetters.ScopeLetterException;
import org.irmer.entitlement.adapter.reports.letter.ScopeLetters.Training;
import org.irmer.entitlement.core.domain.Employer;
import org.irmer.entitlement.core.domain.EmployerId;
import org.irmer.entitlement.core.domain.Entitlement;
import org.irmer.entitlement.core.domain.EntitlementStatus;
import org.irmer.entitlement.core.domain.EntitlementType;
import org.irmer.entitlement.core.domain.Person;
import org.irmer.entitlement.core.domain.PersonId;
import org.irmer.entitlement.core.domain.ProfessionalRegistration;
import org.irmer.entitlement.core.domain.Role;
import org.irmer.entitlement.core.domain.ScopeRule;
import org.irmer.entitlement.core.domain.ScopeWording;
import org.irmer.entitlement.core.domain.TrainingRecord;
import org.irmer.entitlement.core.domain.TrainingRequirement;
import org.irmer.entitlement.core.domain.TrainingType;
import org.irmer.entitlement.core.domain.WrittenProcedures;
import org.irmer.entitlement.core.port.out.DelegationStore;
import org.irmer.entitlement.core.port.out.EmployerStore;
import org.irmer.entitlement.core.port.out.EntitlementStore;
import org.irmer.entitlement.core.port.out.PersonStore;
import org.irmer.entitlement.core.port.out.TrainingStore;

/**
 * Reads what a scope letter says from the register, as it stood at an instant, and puts it in
 * words: the register's values go in, a {@link Letter} of sentences comes out, so that the
 * template decides layout only.
 */
final class LetterAssembly {

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.UK);

  private final EmployerStore employers;
  private final PersonStore people;
  private final DelegationStore delegations;
  private final EntitlementStore entitlements;
  private final TrainingStore training;

  LetterAssembly(EmployerStore employers, PersonStore people, DelegationStore delegations,
      EntitlementStore entitlements, TrainingStore training) {
    this.employers = employers;
    this.people = people;
    this.delegations = delegations;
    this.entitlements = entitlements;
    this.training = training;
  }

  Letter letter(PersonId referrer, EmployerId employerId, Instant at) {
    Person person = people.find(referrer).orElseThrow(() -> new ScopeLetterException(
        Problem.UNKNOWN_REFERRER, "the register has no person " + referrer.value()));
    Employer employer = employers.find(employerId).orElseThrow(() -> new ScopeLetterException(
        Problem.UNKNOWN_EMPLOYER, "the register has no employer " + employerId.value()));
    LocalDate date = at.atZone(employer.zone()).toLocalDate();
    List<Entitlement> live = entitlements.forPersonAsOf(referrer, at).stream()
        .filter(e -> e.employer().equals(employerId) && !e.status().isFinal()).toList();
    List<TrainingRecord> records = training.forPerson(referrer);
    ImmutableList<Grant> referral = live.stream().filter(e -> e.type() == EntitlementType.REFERRER)
        .map(e -> grant(e, records, date)).collect(ImmutableList.toImmutableList());
    ImmutableList<Grant> evaluation = live.stream()
        .filter(e -> e.type() == EntitlementType.CLINICAL_EVALUATION)
        .map(e -> grant(e, records, date)).collect(ImmutableList.toImmutableList());
    boolean registered = person.registration().map(ProfessionalRegistration::isCurrent).orElse(false);
    boolean inForce = live.stream().anyMatch(e -> e.type() == EntitlementType.REFERRER
        && e.status() == EntitlementStatus.ACTIVE && e.isWithinValidity(date));
    return new Letter(day(date), employer.name(), employerId.value(), party(person),
        registration(person), registered && inForce,
        standing(person, employer, registered, inForce, !referral.isEmpty()), referral, evaluation,
        evaluationStatement(evaluation));
  }

  /** The one employer where the referrer holds a non-final entitlement or a role at {@code at}. */
  EmployerId onlyEmployerOf(PersonId referrer, Instant at) {
    if (people.find(referrer).isEmpty()) {
      throw new ScopeLetterException(Problem.UNKNOWN_REFERRER,
          "the register has no person " + referrer.value());
    }
    Set<EmployerId> candidates = new TreeSet<>();
    entitlements.forPersonAsOf(referrer, at).stream().filter(e -> !e.status().isFinal())
        .forEach(e -> candidates.add(e.employer()));
    for (Role role : people.roles(referrer)) {
      employers.find(role.employer())
          .filter(found -> role.isHeldOn(at.atZone(found.zone()).toLocalDate()))
          .ifPresent(found -> candidates.add(found.id()));
    }
    if (candidates.size() == 1) {
      return candidates.iterator().next();
    }
    throw new ScopeLetterException(Problem.EMPLOYER_NEEDED, candidates.isEmpty()
        ? referrer.value() + " holds no entitlement and no role at any employer: name the employer"
        : referrer.value() + " holds entitlements or roles at " + ScopeWording.and(
            candidates.stream().map(EmployerId::value).toList()) + ": name one of them");
  }

  private Grant grant(Entitlement entitlement, List<TrainingRecord> records, LocalDate date) {
    WrittenProcedures procedures = employers.procedures(entitlement.employer(),
        entitlement.proceduresVersion()).orElseThrow(() -> new ScopeLetterException(
            Problem.PROCEDURES_MISSING, "entitlement " + entitlement.id().value()
                + " was granted under version " + entitlement.proceduresVersion()
                + " of the written procedures of " + entitlement.employer().value()
                + ", which the register does not hold"));
    ImmutableList<Rule> rules = entitlement.scope().rules().stream()
        .map(rule -> new Rule(rule.id(), ScopeWording.sentence(ScopeWording.rule(rule))))
        .collect(ImmutableList.toImmutableList());
    String delegation = delegations.find(entitlement.grantedUnder())
        .map(found -> found.id().value() + ", delegated by " + found.delegatedBy())
        .orElse(entitlement.grantedUnder().value() + " (not on the register)");
    return new Grant(entitlement.id().value(), entitlement.version(), status(entitlement, date),
        entitlement.statusReason(), day(entitlement.validFrom()) + " to " + day(entitlement.validTo()),
        entitlement.reviewDue().map(LetterAssembly::day), named(entitlement.grantedBy()), delegation,
        "version " + procedures.version() + ", in force from " + day(procedures.effectiveFrom()),
        rules, training(entitlement, procedures, records, date),
        entitlement.supervisor().map(this::named), entitlement.clinicalLead().map(this::named),
        entitlement.accountableManager().map(this::named));
  }

  /**
   * The training an entitlement needs (principle 4): what the written procedures require for each
   * rule's modality, then what each rule requires beyond them, each once, with the referrer's best
   * record: one that counts on {@code date}, the longest-lasting first; else the latest.
   */
  private static ImmutableList<Training> training(Entitlement entitlement,
      WrittenProcedures procedures, List<TrainingRecord> records, LocalDate date) {
    Map<TrainingType, List<String>> requiredBy = new LinkedHashMap<>();
    for (ScopeRule rule : entitlement.scope().rules()) {
      for (TrainingRequirement requirement : procedures.trainingFor(rule.modality())) {
        add(requiredBy, requirement.training(), "the written procedures, for "
            + ScopeWording.modality(rule.modality()));
      }
      rule.requiredTraining().forEach(type -> add(requiredBy, type, "rule " + rule.id()));
    }
    ImmutableList.Builder<Training> lines = ImmutableList.builder();
    requiredBy.forEach((type, reasons) -> {
      Optional<TrainingRecord> best = best(type, records, date);
      boolean current = best.map(found -> found.isCurrentOn(date)).orElse(false);
      lines.add(new Training(capitalised(ScopeWording.training(type)) + " training", ScopeWording.and(reasons),
          best.map(found -> record(found, current, date)).orElse(
              "no record: to be completed and evidenced before you refer under this scope"),
          current));
    });
    return lines.build();
  }

  private static void add(Map<TrainingType, List<String>> requiredBy, TrainingType type,
      String reason) {
    List<String> reasons = requiredBy.computeIfAbsent(type, unused -> new ArrayList<>());
    if (!reasons.contains(reason)) {
      reasons.add(reason);
    }
  }

  private static Optional<TrainingRecord> best(TrainingType type, List<TrainingRecord> records,
      LocalDate date) {
    List<TrainingRecord> ofType = records.stream().filter(r -> r.type().equals(type)).toList();
    Comparator<TrainingRecord> lasting = Comparator.comparing(
        (TrainingRecord r) -> r.expires().orElse(LocalDate.MAX)).thenComparing(TrainingRecord::completed);
    Optional<TrainingRecord> counting = ofType.stream().filter(r -> r.isCurrentOn(date)).max(lasting);
    return counting.isPresent() ? counting
        : ofType.stream().max(Comparator.comparing(TrainingRecord::completed));
  }

  private static String record(TrainingRecord record, boolean current, LocalDate date) {
    String line = "completed " + day(record.completed()) + record.expires()
        .map(end -> ", valid until " + day(end)).orElse(", does not expire");
    if (current) {
      return line;
    }
    return line + (date.isBefore(record.completed()) ? ": not yet completed on " + day(date)
        : ": expired, to be renewed before you refer under this scope");
  }

  private static String status(Entitlement entitlement, LocalDate date) {
    return switch (entitlement.status()) {
      case ACTIVE -> date.isBefore(entitlement.validFrom())
          ? "Granted, in force from " + day(entitlement.validFrom())
          : date.isAfter(entitlement.validTo())
              ? "Not in force: its validity ended on " + day(entitlement.validTo())
              : "In force";
      case SUSPENDED -> "Suspended: you must not act under this entitlement until it is reinstated";
      case PENDING_PREREQUISITES ->
          "Granted, not yet in force: the required training must be evidenced first";
      case REVOKED, EXPIRED, ENDED, SUPERSEDED -> throw new IllegalStateException(
          "a final entitlement is not on a letter: " + entitlement.id().value());
    };
  }

  private static String standing(Person person, Employer employer, boolean registered,
      boolean inForce, boolean hasReferral) {
    if (!registered) {
      return "You may not refer patients for medical exposures at " + employer.name() + ": "
          + person.registration().map(r -> "your " + r.regulator() + " registration is "
              + r.status().name().toLowerCase(Locale.ROOT).replace('_', ' '))
          .orElse("you hold no statutory professional registration")
          + ", and only a registered health care professional can be entitled as a referrer.";
    }
    if (inForce) {
      return "You are entitled by " + employer.name() + " to refer patients for medical exposures"
          + " within the scope set out below, and within it only.";
    }
    if (hasReferral) {
      return "You may not refer patients for medical exposures at " + employer.name()
          + " at present: your entitlement is not in force, as its status below says.";
    }
    return "You hold no entitlement to refer patients for medical exposures at " + employer.name()
        + ": you may not refer there.";
  }

  private static String evaluationStatement(List<Grant> evaluation) {
    String refuse = "Entitlement to refer does not entitle you to clinically evaluate the"
        + " examinations you refer (principle 11 of the 2025 guidance)";
    if (evaluation.isEmpty()) {
      return refuse + ". You are not entitled to clinically evaluate at this employer.";
    }
    return refuse + "; you are separately entitled to clinically evaluate under "
        + ScopeWording.and(evaluation.stream().map(Grant::id).toList())
        + ", within the scope set out for it below.";
  }

  private Party party(Person person) {
    return new Party(person.displayName(), person.id().value(),
        ScopeWording.profession(person.profession()));
  }

  private String named(PersonId id) {
    return people.find(id).map(found -> party(found).line())
        .orElse(id.value() + " (not on the register)");
  }

  private static String registration(Person person) {
    return person.registration().map(r -> r.regulator() + " " + r.number() + ", "
        + r.status().name().toLowerCase(Locale.ROOT).replace('_', ' '))
        .orElse("none: only a registered health care professional can be entitled");
  }

  private static String capitalised(String words) {
    return words.substring(0, 1).toUpperCase(Locale.ROOT) + words.substring(1);
  }

  private static String day(LocalDate date) {
    return DAY.format(date);
  }
}
