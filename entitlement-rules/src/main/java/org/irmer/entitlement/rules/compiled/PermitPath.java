package org.irmer.entitlement.rules.compiled;

import static org.irmer.entitlement.rules.compiled.Program.B_EMPLOYER;
import static org.irmer.entitlement.rules.compiled.Program.B_LENGTH;
import static org.irmer.entitlement.rules.compiled.Program.B_REVIEW;
import static org.irmer.entitlement.rules.compiled.Program.B_RULES;
import static org.irmer.entitlement.rules.compiled.Program.BLOCKS;
import static org.irmer.entitlement.rules.compiled.Program.FIRST_BLOCK;
import static org.irmer.entitlement.rules.compiled.Program.BEYOND_PACKED_DAYS;
import static org.irmer.entitlement.rules.compiled.Program.REGISTERED;
import static org.irmer.entitlement.rules.compiled.Program.STANDING;
import static org.irmer.entitlement.rules.compiled.Program.TRAINING_BLOCKED;
import static org.irmer.entitlement.rules.compiled.Program.TRAINING_CLEAN;

import java.time.LocalDate;
import org.irmer.entitlement.core.domain.Outcome;
import org.irmer.entitlement.core.domain.Patient;
import org.irmer.entitlement.core.domain.PregnancyStatus;
import org.irmer.entitlement.core.domain.ReferralRequest;
import org.irmer.entitlement.core.domain.Sex;
import org.jspecify.annotations.Nullable;

/**
 * The fast path of a referrer check, which allocates nothing on the way to a permit. It finds the
 * rule the reference semantics would choose, in their canonical order (the referrer's own
 * entitlements at the imaging employer by id, then the employer's group entitlements covering
 * them): the first that matches the request and whose training passes. When the decision is a
 * plain permit (that rule's training current, its review not due, no required information missing,
 * no guideline advice), the answer is the permit prepared for that rule. When no rule is chosen it
 * finds the refusal's outcome by the flow of the {@link CompiledExplainer} (status, scope over the
 * pooled rules, training), and the explanation waits until it is asked for. Everything else (a
 * permit with something to add, missing information after a chosen rule at an employer with
 * agreements, what the programs cannot answer) is left to the explainer: the caller gets null. The
 * differential properties hold this path to the reference's outcomes and permits.
 */
final class PermitPath {

  /** {@link #firstPassing}: the chosen rule's permit carries a warning or notice. */
  private static final int DECORATED = -1;
  /** {@link #firstPassing}: no rule of the block matches, and none lacks only the patient's age. */
  private static final int NO_MATCH = -2;
  /** {@link #firstPassing}: no rule matches, but one would but for the patient's unknown age. */
  private static final int AGE_UNKNOWN_ONLY = -3;
  /** {@link #firstPassing}: a rule matches, but the training of every matching rule blocks. */
  private static final int TRAINING_BLOCKS = -4;

  /** {@link #ageOn}: the patient's birth date is after the day of the request. */
  static final int BORN_AFTER_REQUEST = -2;
  /** {@link #ageOn}: the patient would be older than {@link Patient#OLDEST_PLAUSIBLE_AGE}. */
  static final int IMPLAUSIBLY_OLD = -3;

  private PermitPath() {}

  /**
   * The verdict for a referrer request: a prepared permit, a refusal that knows its outcome, or
   * null when the decision must be explained at once.
   */
  static @Nullable Verdict check(Snapshot snapshot, ReferralRequest request) {
    EmployerView employer = snapshot.employers.get(request.employer());
    if (employer == null || employer.procedures == null) {
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
    Patient patient = request.patientOrNull();
    int age = ageOn(patient, day);
    if (age == BORN_AFTER_REQUEST || age == IMPLAUSIBLY_OLD) {
      return refusal(Outcome.INSUFFICIENT_INFORMATION, employer, request, snapshot);
    }
    ReferrerTable referrers = snapshot.referrers;
    int found = referrers.indexOf(request.referrer());
    if (found < 0) {
      return refusal(Outcome.NOT_ENTITLED, employer, request, snapshot);
    }
    int[] referrer = referrers.program(found);
    Verdict[] permits = referrers.permits(found);
    if ((referrer[STANDING] & BEYOND_PACKED_DAYS) != 0) {
      return null;
    }
    if ((referrer[STANDING] & REGISTERED) == 0) {
      return refusal(Outcome.NOT_ENTITLED, employer, request, snapshot);
    }
    boolean contrast = request.contrast() || exam.contrast();
    long facts = Facts.of(request, patient, age, contrast, snapshot.symbols);
    boolean trainingBlocks = false;
    boolean ageUnknownOnly = false;
    int block = referrer[FIRST_BLOCK];
    for (int b = 0; b < referrer[BLOCKS]; b++, block += referrer[block + B_LENGTH]) {
      if (referrer[block + B_EMPLOYER] == employer.symbol && Program.inForce(referrer, block, day)) {
        int rule = firstPassing(referrer, block, referrer, exam, facts, day);
        if (rule >= 0 || rule == DECORATED) {
          return chosen(rule, permits, referrer, employer, exam, request, patient, age, contrast, facts,
              snapshot);
        }
        trainingBlocks |= rule == TRAINING_BLOCKS;
        ageUnknownOnly |= rule == AGE_UNKNOWN_ONLY;
      }
    }
    for (GroupEntitlement group : employer.groups) {
      if (Program.inForce(group.program, 0, day)
          && group.covers(referrers.slice(found), request.employer(), day)) {
        int rule = firstPassing(group.program, 0, referrer, exam, facts, day);
        if (rule >= 0 || rule == DECORATED) {
          return chosen(rule, group.permits, group.program, employer, exam, request, patient, age,
              contrast, facts, snapshot);
        }
        trainingBlocks |= rule == TRAINING_BLOCKS;
        ageUnknownOnly |= rule == AGE_UNKNOWN_ONLY;
      }
    }
    // No rule is chosen. Without a candidate in force, or with a matching rule whose training
    // blocks, the status or training refuses; otherwise the scope does, unless a rule lacks only
    // the patient's age.
    Outcome outcome = ageUnknownOnly && !trainingBlocks
        ? Outcome.INSUFFICIENT_INFORMATION : Outcome.NOT_ENTITLED;
    return refusal(outcome, employer, request, snapshot);
  }

  /**
   * The verdict once a rule is chosen: its prepared permit when nothing is to be added; a refusal
   * when required information is missing (rule 6); otherwise null, for the explainer.
   */
  private static @Nullable Verdict chosen(int rule, Verdict[] permits, int[] code, EmployerView employer,
      ExamView exam, ReferralRequest request, @Nullable Patient patient, int age, boolean contrast,
      long facts, Snapshot snapshot) {
    if (missesInformation(employer, exam, request, patient, age, contrast)) {
      return refusal(Outcome.INSUFFICIENT_INFORMATION, employer, request, snapshot);
    }
    if (rule == DECORATED || exam.advisedFor(Facts.indication(facts))) {
      return null;
    }
    return permits[Program.permit(code, rule)];
  }

  /**
   * A refusal whose explanation the compiled explainer gives later; null (explain now) at an
   * employer that recognises others' entitlements, where the reference semantics answer.
   */
  private static @Nullable Verdict refusal(Outcome outcome, EmployerView employer,
      ReferralRequest request, Snapshot snapshot) {
    return employer.answersAlone() ? Verdict.refusal(outcome, request, snapshot) : null;
  }

  /**
   * Where in {@code code} the first rule of the block, in canonical order, starts that matches and
   * whose training passes when its training is all current and its review not due; otherwise
   * {@link #DECORATED} when that rule's permit would carry a warning or notice, or what the block's
   * rules say about a refusal: {@link #TRAINING_BLOCKS}, {@link #AGE_UNKNOWN_ONLY} or
   * {@link #NO_MATCH}. Only rules of the examination's modality can match, or lack only the age.
   */
  private static int firstPassing(int[] code, int block, int[] referrer, ExamView exam, long facts,
      int day) {
    boolean trainingBlocks = false;
    boolean ageUnknownOnly = false;
    for (int r = 0; r < code[block + B_RULES]; r++) {
      if (Program.modality(code, block, r) != exam.modality()) {
        continue;
      }
      int rule = Program.rule(code, block, r);
      int failures = Program.failures(code, rule, exam, facts);
      if (failures == Program.AGE_UNKNOWN) {
        ageUnknownOnly = true;
      }
      if (failures != 0) {
        continue;
      }
      int training = Program.training(code, rule, referrer, day);
      if (training == TRAINING_BLOCKED) {
        trainingBlocks = true;
        continue;
      }
      return training == TRAINING_CLEAN && day < code[block + B_REVIEW] ? rule : DECORATED;
    }
    return trainingBlocks ? TRAINING_BLOCKS : ageUnknownOnly ? AGE_UNKNOWN_ONLY : NO_MATCH;
  }

  /**
   * The patient's age in completed years on the epoch day (rule 2); {@link Facts#UNKNOWN_AGE}
   * when there is no birth date, {@link #BORN_AFTER_REQUEST} when it falls after that day, and
   * {@link #IMPLAUSIBLY_OLD} when it gives an age beyond {@link Patient#OLDEST_PLAUSIBLE_AGE}.
   */
  static int ageOn(@Nullable Patient patient, int day) {
    LocalDate born = patient == null ? null : patient.birthDateOrNull();
    if (born == null) {
      return Facts.UNKNOWN_AGE;
    }
    if (born.toEpochDay() > day) {
      return BORN_AFTER_REQUEST;
    }
    int age = ZoneDays.completedYears(born, ZoneDays.monthAndDay(day));
    return age > Patient.OLDEST_PLAUSIBLE_AGE ? IMPLAUSIBLY_OLD : age;
  }

  /** Whether the imaging employer's procedures find required information missing (rule 6). */
  private static boolean missesInformation(EmployerView employer, ExamView exam, ReferralRequest request,
      @Nullable Patient patient, int age, boolean contrast) {
    PregnancyStatus pregnancy = patient == null ? null : patient.pregnancyOrNull();
    boolean unanswered = pregnancy == null || pregnancy == PregnancyStatus.UNKNOWN;
    if (unanswered && employer.enquiryApplies[exam.index()]
        && employer.enquirySexes.contains(patient == null ? Sex.UNKNOWN : patient.sex())
        && (age == Facts.UNKNOWN_AGE || (age >= employer.enquiryMinAge && age <= employer.enquiryMaxAge))) {
      return true;
    }
    for (int i = 0; i < employer.informationItems.length; i++) {
      if (employer.informationApplies(i, exam, contrast)
          && !request.clinicalInformation().contains(employer.informationItems[i])) {
        return true;
      }
    }
    return false;
  }
}
