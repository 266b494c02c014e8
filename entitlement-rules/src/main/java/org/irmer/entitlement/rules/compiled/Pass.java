package org.irmer.entitlement.rules.compiled;

import static org.irmer.entitlement.rules.compiled.Program.B_EMPLOYER;
import static org.irmer.entitlement.rules.compiled.Program.B_LENGTH;
import static org.irmer.entitlement.rules.compiled.Program.B_REVIEW;
import static org.irmer.entitlement.rules.compiled.Program.B_RULES;
import static org.irmer.entitlement.rules.compiled.Program.BEYOND_PACKED_DAYS;
import static org.irmer.entitlement.rules.compiled.Program.BLOCKS;
import static org.irmer.entitlement.rules.compiled.Program.FIRST_BLOCK;
import static org.irmer.entitlement.rules.compiled.Program.REGISTERED;
import static org.irmer.entitlement.rules.compiled.Program.STANDING;
import static org.irmer.entitlement.rules.compiled.Program.TRAINING_BLOCKED;
import static org.irmer.entitlement.rules.compiled.Program.TRAINING_DECORATED;

import java.time.LocalDate;
import org.irmer.entitlement.core.domain.Patient;
import org.irmer.entitlement.core.domain.ReferralRequest;
import org.irmer.entitlement.rules.ReferenceEvaluator;
import org.jspecify.annotations.Nullable;

/**
 * The order of DOMAIN.md section 5 over the compiled programs, in the one place the compiled engine
 * has it, as the {@link ReferenceEvaluator}'s class javadoc combines the rules: the request's local
 * day (rule 1) and the patient's age (rule 2), a birth date that cannot be true; then the
 * candidates in canonical order (the referrer's own entitlements at the imaging employer by id, then
 * the employer's group entitlements covering them), with status first (rule 3), scope over the
 * pooled rules of those in force (rule 4), the training of the matched rules (rule 5), and the
 * required information once a rule is chosen (rule 6). The chosen rule is the first that matches
 * and whose training passes.
 *
 * <p>{@link #run} answers with the index of the referrer's prepared permit when the decision is a
 * plain permit (the chosen rule's training all current, its review not due, no information missing,
 * no guideline advice), and otherwise with how the decision ends. Without a {@link Trace} it
 * stops as soon as the outcome is known and allocates nothing: the permit path. With one, it
 * records everything the {@link CompiledExplainer} words, and decides the same. Where the answer is
 * not the programs' own ({@link #REFERENCE}: an instant outside the zone's table, a program with a
 * date beyond the packed days, an employer that does not {@linkplain EmployerView#answersAlone answer
 * alone}, other than for a plain permit that its own candidates give first) the reference semantics
 * answer. The differential properties hold this pass to the reference, decision by decision.
 */
final class Pass {

  /** {@link #run}: the reference semantics answer. */
  static final int REFERENCE = -1;
  /** {@link #run}: not entitled. */
  static final int NOT_ENTITLED = -2;
  /** {@link #run}: insufficient information. */
  static final int INSUFFICIENT_INFORMATION = -3;
  /** {@link #run}: entitled, with warnings, notices or advisories to word. */
  static final int ENTITLED_WITH_WORDS = -4;

  /** {@link #ageOn}: the patient's birth date is after the day of the request. */
  static final int BORN_AFTER_REQUEST = -2;
  /** {@link #ageOn}: the patient would be older than {@link Patient#OLDEST_PLAUSIBLE_AGE}. */
  static final int IMPLAUSIBLY_OLD = -3;

  /** {@link #candidate} flags: the candidate is in force on the day. */
  private static final int IN_FORCE = 1;
  /** {@link #candidate} flags: a rule matches, but its training blocks. */
  private static final int TRAINING_BLOCKS = 2;
  /** {@link #candidate} flags: a rule would match but for the patient's unknown age. */
  private static final int AGE_UNKNOWN_ONLY = 4;

  private Pass() {}

  /**
   * The decision on {@code request} at {@code employer} (whose procedures can be read) for
   * {@code exam}, with the referrer's program (null when the person is unknown): the index of the
   * prepared permit among the referrer's permits, or {@link #NOT_ENTITLED},
   * {@link #INSUFFICIENT_INFORMATION}, {@link #ENTITLED_WITH_WORDS} or {@link #REFERENCE}.
   * Records into {@code trace} when there is one.
   */
  static int run(EmployerView employer, ExamView exam, Symbols symbols, int @Nullable [] referrer,
      ReferralRequest request, @Nullable Trace trace) {
    int day = employer.days.epochDay(request.requestedAt());
    if (day == ZoneDays.UNTABLED) {
      return REFERENCE;
    }
    Patient patient = request.patientOrNull();
    int age = ageOn(patient, day);
    boolean contrast = request.contrast() || exam.contrast();
    long facts = Facts.of(request, patient, Math.max(age, Facts.UNKNOWN_AGE), contrast, symbols);
    if (trace != null) {
      trace.day = day;
      trace.age = age;
      trace.facts = facts;
    }
    if (age == BORN_AFTER_REQUEST) {
      return end(Trace.Ending.BIRTH_DATE_AFTER_REQUEST, employer, trace);
    }
    if (age == IMPLAUSIBLY_OLD) {
      return end(Trace.Ending.IMPLAUSIBLE_PATIENT_AGE, employer, trace);
    }
    if (referrer == null) {
      return end(Trace.Ending.NO_CANDIDATE, employer, trace);
    }
    if ((referrer[STANDING] & BEYOND_PACKED_DAYS) != 0) {
      return REFERENCE;
    }
    boolean registered = (referrer[STANDING] & REGISTERED) != 0;
    if (!registered && trace == null) {
      // Not entitled whatever the candidates: only the wording needs them.
      return end(Trace.Ending.STATUS, employer, null);
    }
    if (trace != null) {
      trace.registered = registered;
    }
    boolean anyCandidate = false;
    int flags = 0;
    int block = referrer[FIRST_BLOCK];
    for (int b = 0; b < referrer[BLOCKS]; b++, block += referrer[block + B_LENGTH]) {
      if (referrer[block + B_EMPLOYER] != employer.symbol) {
        continue;
      }
      anyCandidate = true;
      Trace.Candidate traced = trace == null ? null : trace.candidate(referrer, block, null);
      int judged = candidate(referrer, block, referrer, exam, facts, day, registered, trace, traced);
      if (judged >= 0) {
        return chosen(judged, referrer, block, 0, employer, exam, request, patient, day, age,
            contrast, facts, trace, traced);
      }
      flags |= ~judged;
    }
    for (GroupEntitlement group : employer.groups) {
      if (group.beyondPackedDays) {
        return REFERENCE;
      }
      if (!group.covers(referrer, employer.symbol, day)) {
        continue;
      }
      anyCandidate = true;
      Trace.Candidate traced = trace == null ? null : trace.candidate(group.program, 0, group);
      int judged = candidate(group.program, 0, referrer, exam, facts, day, registered, trace, traced);
      if (judged >= 0) {
        return chosen(judged, group.program, 0, Program.groupPermits(referrer, group.number),
            employer, exam, request, patient, day, age, contrast, facts, trace, traced);
      }
      flags |= ~judged;
    }
    if (trace != null) {
      trace.anyInForce = (flags & IN_FORCE) != 0;
    }
    Trace.Ending ending;
    if (!anyCandidate) {
      ending = Trace.Ending.NO_CANDIDATE;
    } else if (!registered || (flags & IN_FORCE) == 0) {
      ending = Trace.Ending.STATUS;
    } else if ((flags & TRAINING_BLOCKS) != 0) {
      ending = Trace.Ending.TRAINING_BLOCKED;
    } else if ((flags & AGE_UNKNOWN_ONLY) != 0) {
      ending = Trace.Ending.AGE_UNKNOWN;
    } else {
      ending = Trace.Ending.OUT_OF_SCOPE;
    }
    if (trace != null
        && (ending == Trace.Ending.TRAINING_BLOCKED || ending == Trace.Ending.AGE_UNKNOWN)) {
      trace.missing = employer.missing(exam, request, patient, age, contrast);
    }
    return end(ending, employer, trace);
  }

  /**
   * One candidate's block: status first (rule 3), then scope over its rules (rule 4) and the
   * training of those that match (rule 5). Returns the offset of the first rule that matches and
   * whose training passes, shifted left once with the low bit set when that training carries a
   * warning or notice; otherwise the complement of its flags ({@link #IN_FORCE},
   * {@link #TRAINING_BLOCKS}, {@link #AGE_UNKNOWN_ONLY}). Without a trace only rules of the
   * examination's modality are read, as only they can match or lack only the age.
   */
  private static int candidate(int[] code, int block, int[] referrer, ExamView exam, long facts,
      int day, boolean registered, @Nullable Trace trace, Trace.@Nullable Candidate traced) {
    if (!Program.inForce(code, block, day)) {
      return ~0;
    }
    if (!registered) {
      return ~IN_FORCE;
    }
    int flags = IN_FORCE;
    for (int r = 0; r < code[block + B_RULES]; r++) {
      if (trace == null && Program.modality(code, block, r) != exam.modality()) {
        continue;
      }
      int rule = Program.rule(code, block, r);
      int failures = Program.failures(code, rule, exam, facts);
      if (failures != 0) {
        if (failures == Program.AGE_UNKNOWN) {
          flags |= AGE_UNKNOWN_ONLY;
        }
        if (trace != null) {
          trace.failed(failures);
        }
        continue;
      }
      int training = Program.training(code, rule, referrer, day);
      if (training == TRAINING_BLOCKED) {
        flags |= TRAINING_BLOCKS;
        if (trace != null) {
          trace.blocked(traced, rule, Program.blockingNeeds(code, rule, referrer, day));
        }
        continue;
      }
      return rule << 1 | (training == TRAINING_DECORATED ? 1 : 0);
    }
    return ~flags;
  }

  /**
   * A rule is chosen: missing information refuses (rule 6); a permit with nothing to add is the
   * one prepared for the rule, at {@code permits} plus its {@link Program#permit}; any other is
   * worded.
   */
  private static int chosen(int judged, int[] code, int block, int permits, EmployerView employer,
      ExamView exam, ReferralRequest request, @Nullable Patient patient, int day, int age,
      boolean contrast, long facts, @Nullable Trace trace, Trace.@Nullable Candidate traced) {
    int rule = judged >>> 1;
    long missing = employer.missing(exam, request, patient, age, contrast);
    if (trace != null) {
      trace.chosen = new Trace.Rule(traced, rule);
      trace.missing = missing;
    }
    if (missing != 0) {
      return end(Trace.Ending.INFORMATION_MISSING, employer, trace);
    }
    if ((judged & 1) != 0 || code[block + B_REVIEW] <= day || exam.advisedFor(Facts.indication(facts))) {
      return end(Trace.Ending.ENTITLED, employer, trace);
    }
    if (trace != null) {
      trace.ending = Trace.Ending.ENTITLED;
    }
    return permits + Program.permit(code, rule);
  }

  /**
   * The answer for a pass that ends otherwise than with a plain permit: at an employer whose
   * programs do not hold every answer, the reference semantics'.
   */
  private static int end(Trace.Ending ending, EmployerView employer, @Nullable Trace trace) {
    if (trace != null) {
      trace.ending = ending;
    }
    if (!employer.answersAlone()) {
      return REFERENCE;
    }
    return switch (ending) {
      case ENTITLED -> ENTITLED_WITH_WORDS;
      case BIRTH_DATE_AFTER_REQUEST, IMPLAUSIBLE_PATIENT_AGE, AGE_UNKNOWN, INFORMATION_MISSING ->
          INSUFFICIENT_INFORMATION;
      case NO_CANDIDATE, STATUS, OUT_OF_SCOPE, TRAINING_BLOCKED -> NOT_ENTITLED;
    };
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
}
