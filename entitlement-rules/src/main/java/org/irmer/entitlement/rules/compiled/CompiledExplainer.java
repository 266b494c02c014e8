package org.irmer.entitlement.rules.compiled;

import static com.google.common.base.Verify.verify;
import static com.google.common.base.Verify.verifyNotNull;
import static org.irmer.entitlement.rules.compiled.Program.B_ENTITLEMENT;
import static org.irmer.entitlement.rules.compiled.Program.B_REVIEW;

import com.google.common.collect.ImmutableSortedSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.irmer.entitlement.core.domain.ClinicalInformationItem;
import org.irmer.entitlement.core.domain.DecisionBasis;
import org.irmer.entitlement.core.domain.Entitlement;
import org.irmer.entitlement.core.domain.EntitlementType;
import org.irmer.entitlement.core.domain.GuidelineAdvisory;
import org.irmer.entitlement.core.domain.GuidelineEntry;
import org.irmer.entitlement.core.domain.MatchedRule;
import org.irmer.entitlement.core.domain.Notice;
import org.irmer.entitlement.core.domain.Outcome;
import org.irmer.entitlement.core.domain.Reason;
import org.irmer.entitlement.core.domain.ReferralDecision;
import org.irmer.entitlement.core.domain.ReferralRequest;
import org.irmer.entitlement.core.domain.ScopeDimension;
import org.irmer.entitlement.core.domain.TrainingType;
import org.irmer.entitlement.core.domain.Warning;
import org.irmer.entitlement.rules.Explanations;
import org.jspecify.annotations.Nullable;

/**
 * Words the decision that a {@link Pass} recorded in a {@link Trace}: it reads the trace's ending,
 * candidates, failed dimensions, blocked and chosen rules and missing information, and the records
 * the snapshot keeps beside the programs (entitlements for status and review, guideline entries),
 * and says them through {@link Explanations}, so that equal decisions carry equal messages in both
 * engines. It decides nothing: which reasons apply, and the outcome, are the pass's.
 */
final class CompiledExplainer {

  private static final ScopeDimension[] DIMENSIONS = ScopeDimension.values();

  private final Snapshot snapshot;
  private final ReferralRequest request;
  private final EmployerView employer;
  private final ExamView exam;
  private final @Nullable ReferrerSlice slice;
  private final Trace trace;

  private CompiledExplainer(Snapshot snapshot, ReferralRequest request, EmployerView employer,
      ExamView exam, @Nullable ReferrerSlice slice, Trace trace) {
    this.snapshot = snapshot;
    this.request = request;
    this.employer = employer;
    this.exam = exam;
    this.slice = slice;
    this.trace = trace;
  }

  /**
   * The decision on a referrer request that the pass answers from {@code snapshot}'s programs (any
   * answer but {@link Pass#REFERENCE}): the pass is run again, recording, and its trace worded.
   */
  static ReferralDecision explain(Snapshot snapshot, ReferralRequest request) {
    EmployerView employer = verifyNotNull(snapshot.employers.get(request.employer()));
    ExamView exam = verifyNotNull(snapshot.exams.get(request.examination()));
    int found = snapshot.referrers.indexOf(request.referrer());
    Trace trace = new Trace();
    int answer = Pass.run(employer, exam, snapshot.symbols,
        found < 0 ? null : snapshot.referrers.program(found), request, trace);
    verify(answer != Pass.REFERENCE, "the programs answer %s", request);
    return new CompiledExplainer(snapshot, request, employer, exam,
        found < 0 ? null : snapshot.referrers.slice(found), trace).word();
  }

  private ReferralDecision word() {
    return switch (trace.ending) {
      case BIRTH_DATE_AFTER_REQUEST ->
          refusal(Outcome.INSUFFICIENT_INFORMATION, List.of(Explanations.birthDateAfterRequest()));
      case IMPLAUSIBLE_PATIENT_AGE ->
          refusal(Outcome.INSUFFICIENT_INFORMATION, List.of(Explanations.implausiblePatientAge()));
      case NO_CANDIDATE -> refusal(Outcome.NOT_ENTITLED,
          List.of(Explanations.notEntitledAtEmployer(request.employer(), EntitlementType.REFERRER)));
      case STATUS -> refusal(Outcome.NOT_ENTITLED, status());
      case OUT_OF_SCOPE -> refusal(Outcome.NOT_ENTITLED, outOfScope());
      case AGE_UNKNOWN -> {
        List<Reason> reasons = information();
        reasons.add(Explanations.missingBirthDate());
        yield refusal(Outcome.INSUFFICIENT_INFORMATION, reasons);
      }
      case TRAINING_BLOCKED -> {
        List<Reason> reasons = information();
        for (Trace.Rule rule : trace.blocked) {
          training(rule, reasons, null, null);
        }
        yield refusal(Outcome.NOT_ENTITLED, reasons);
      }
      case INFORMATION_MISSING -> refusal(Outcome.INSUFFICIENT_INFORMATION, information());
      case ENTITLED -> entitled(verifyNotNull(trace.chosen));
    };
  }

  /** The registration, and when no candidate is in force the status of each (rule 3). */
  private List<Reason> status() {
    List<Reason> reasons = new ArrayList<>();
    if (!trace.registered) {
      reasons.add(Explanations.registrationNotCurrent());
    }
    if (!trace.anyInForce) {
      LocalDate date = LocalDate.ofEpochDay(trace.day);
      for (Trace.Candidate candidate : trace.candidates) {
        Explanations.statusReason(entitlementOf(candidate), date).ifPresent(reasons::add);
      }
    }
    return reasons;
  }

  /** The dimensions failed by the pooled rules that failed the fewest (rule 4). */
  private List<Reason> outOfScope() {
    List<Reason> reasons = new ArrayList<>(Integer.bitCount(trace.dimensions));
    Explanations.ScopeFacts scopeFacts = null;
    for (ScopeDimension dimension : DIMENSIONS) {
      if ((trace.dimensions & 1 << dimension.ordinal()) == 0) {
        continue;
      }
      if (dimension == ScopeDimension.MODALITY) {
        reasons.add(exam.outOfModality());
      } else if (dimension == ScopeDimension.EXAMINATION) {
        reasons.add(exam.outOfExamination());
      } else {
        if (scopeFacts == null) {
          scopeFacts = new Explanations.ScopeFacts(
              trace.age == Facts.UNKNOWN_AGE ? OptionalInt.empty() : OptionalInt.of(trace.age),
              request.setting(), request.indication(), request.urgency());
        }
        reasons.add(Explanations.outOfScope(dimension, exam.examination(), scopeFacts));
      }
    }
    return reasons;
  }

  /** The information the procedures find missing (rule 6), as the trace's bits say. */
  private List<Reason> information() {
    List<Reason> reasons = new ArrayList<>();
    if ((trace.missing & EmployerView.MISSING_BIRTH_DATE) != 0) {
      reasons.add(Explanations.missingBirthDate());
    }
    if ((trace.missing & EmployerView.MISSING_PREGNANCY_STATUS) != 0) {
      reasons.add(Explanations.missingPregnancyStatus());
    }
    for (int i = 0; i < employer.informationItems.length; i++) {
      ClinicalInformationItem item = employer.missingItem(trace.missing, i);
      if (item != null) {
        reasons.add(Explanations.missingClinicalInformation(item, exam.examination().modality()));
      }
    }
    return reasons;
  }

  /**
   * Words the training needs of a rule that are not held (rule 5), each as its {@link Program#lapse}
   * says: blocking ones as reasons, the others as warnings and notices when those are asked for.
   */
  private void training(Trace.Rule rule, List<Reason> reasons, @Nullable List<Warning> warnings,
      @Nullable List<Notice> notices) {
    int[] code = rule.candidate().code();
    int[] referrer = verifyNotNull(slice).program;
    int needs = Program.trainingNeedCount(code, rule.rule());
    for (int at = Program.trainingNeeds(code, rule.rule()), end = at + 3 * needs; at < end; at += 3) {
      long state = Program.trainingState(referrer, code[at], trace.day);
      int lapse = Program.lapse(code, at, state, trace.day);
      if (lapse == Program.HELD) {
        continue;
      }
      TrainingType training = snapshot.symbols.trainingType(code[at]);
      Optional<LocalDate> lastValidDay = state == Program.NEVER_HELD
          ? Optional.empty() : Optional.of(LocalDate.ofEpochDay(state));
      switch (lapse) {
        case Program.NOTIFIED -> {
          if (notices != null) {
            notices.add(Explanations.trainingLapsedNotice(training, lastValidDay));
          }
        }
        case Program.IN_GRACE -> {
          if (warnings != null) {
            warnings.add(Explanations.trainingInGrace(training, lastValidDay.orElseThrow(),
                (int) (state + code[at + 2] - trace.day)));
          }
        }
        case Program.MISSING -> reasons.add(Explanations.trainingMissing(training));
        default -> reasons.add(Explanations.trainingExpired(training, lastValidDay.orElseThrow()));
      }
    }
  }

  private ReferralDecision entitled(Trace.Rule chosen) {
    Trace.Candidate candidate = chosen.candidate();
    List<Warning> warnings = new ArrayList<>();
    List<Notice> notices = new ArrayList<>();
    List<Reason> none = new ArrayList<>();
    training(chosen, none, warnings, notices);
    verify(none.isEmpty(), "a chosen rule's training passes");
    Entitlement entitlement = entitlementOf(candidate);
    if (candidate.code()[candidate.block() + B_REVIEW] <= trace.day) {
      warnings.add(Explanations.reviewDue(entitlement, entitlement.reviewDue().orElseThrow()));
    }
    return decision(Outcome.ENTITLED)
        .basis(candidate.group() != null
            ? DecisionBasis.GROUP_ENTITLEMENT : DecisionBasis.INDIVIDUAL_ENTITLEMENT)
        .matchedRule(matchedRule(chosen))
        .warnings(sortedDistinct(warnings))
        .notices(sortedDistinct(notices))
        .build();
  }

  /** The rule as its prepared permit names it. */
  private MatchedRule matchedRule(Trace.Rule chosen) {
    Trace.Candidate candidate = chosen.candidate();
    int permit = Program.permit(candidate.code(), chosen.rule());
    GroupEntitlement group = candidate.group();
    return group != null
        ? group.matched[permit]
        : verifyNotNull(slice).permits[permit].matchedRule().orElseThrow();
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
        .proceduresVersion(verifyNotNull(employer.procedures).version());
    if (exam.advisedFor(Facts.indication(trace.facts))) {
      ImmutableSortedSet.Builder<GuidelineAdvisory> advisories = ImmutableSortedSet.naturalOrder();
      for (GuidelineEntry entry : snapshot.advice.get(request.indication().orElseThrow()).get(request.examination())) {
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

  /**
   * The entitlement as the store gave it, read only to word a status reason or review warning: the
   * programs hold everything else.
   */
  private Entitlement entitlementOf(Trace.Candidate candidate) {
    GroupEntitlement group = candidate.group();
    return group != null
        ? group.entitlement
        : verifyNotNull(slice).compiled[candidate.code()[candidate.block() + B_ENTITLEMENT]];
  }
}
