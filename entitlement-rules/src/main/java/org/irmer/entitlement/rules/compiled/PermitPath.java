package org.irmer.entitlement.rules.compiled;

import static org.irmer.entitlement.rules.compiled.Program.B_EMPLOYER;
import static org.irmer.entitlement.rules.compiled.Program.B_LENGTH;
import static org.irmer.entitlement.rules.compiled.Program.B_REVIEW;
import static org.irmer.entitlement.rules.compiled.Program.B_RULES;
import static org.irmer.entitlement.rules.compiled.Program.BLOCKS;
import static org.irmer.entitlement.rules.compiled.Program.FIRST_BLOCK;
import static org.irmer.entitlement.rules.compiled.Program.REGISTRATION_CURRENT;
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
 * The permit path: finds, without allocating, the prepared permit of the rule the reference
 * semantics would choose when the decision is a plain permit (entitled at the imaging employer's
 * own individual or group entitlement, with no warning, notice or advisory). Returns null whenever
 * the decision is anything else: so this path may only ever be more cautious than the reference,
 * never more permissive, and the differential properties hold it to giving the same permits. For
 * those other decisions, {@link #outcome} says which outcome it is, again without allocating, and
 * the explanation waits until it is asked for.
 */
final class PermitPath {

  /** {@link #firstPermit}: no rule of the block matches with training that passes. */
  private static final int NO_PERMIT = -1;
  /** {@link #firstPermit}: the chosen rule's permit needs a warning or notice, which the explainer adds. */
  private static final int DECORATED = -2;

  /** {@link #scope}: a candidate was in force. */
  private static final int IN_FORCE = 1;
  /** {@link #scope}: some rule matched. */
  private static final int MATCHED = 2;
  /** {@link #scope}: some matched rule's training passes. */
  private static final int TRAINED = 4;
  /** {@link #scope}: some rule's only open question is the patient's age. */
  private static final int ONLY_AGE_UNKNOWN = 8;

  private PermitPath() {}

  static @Nullable Verdict permit(Snapshot snapshot, ReferralRequest request) {
    EmployerView employer = snapshot.employers.get(request.employer());
    if (employer == null || employer.procedures == null) {
      return null;
    }
    ExamView exam = snapshot.exams.get(request.examination());
    if (exam == null) {
      return null;
    }
    ReferrerTable referrers = snapshot.referrers;
    int found = referrers.indexOf(request.referrer());
    if (found < 0) {
      return null;
    }
    int[] referrer = referrers.program(found);
    Verdict[] permits = referrers.permits(found);
    if (referrer[REGISTRATION_CURRENT] == 0) {
      return null;
    }
    int day = employer.days.epochDay(request.requestedAt());
    Patient patient = request.patientOrNull();
    int age = ageOn(patient, day);
    boolean contrast = request.contrast() || exam.contrast();
    if (age > Facts.MAX_AGE || missesInformation(employer, exam, request, patient, age, contrast)) {
      return null;
    }
    long facts = Facts.of(request, patient, age, contrast, snapshot.symbols);
    if (exam.advisedFor(Facts.indication(facts))) {
      return null;
    }
    int block = referrer[FIRST_BLOCK];
    for (int b = 0; b < referrer[BLOCKS]; b++, block += referrer[block + B_LENGTH]) {
      if (referrer[block + B_EMPLOYER] == employer.symbol && Program.inForce(referrer, block, day)) {
        int rule = firstPermit(referrer, block, referrer, exam, facts, day);
        if (rule != NO_PERMIT) {
          return rule == DECORATED ? null : permits[Program.permit(referrer, rule)];
        }
      }
    }
    for (GroupEntitlement group : employer.groups) {
      if (Program.inForce(group.program, 0, day)
          && group.covers(referrers.slice(found), request.employer(), day)) {
        int rule = firstPermit(group.program, 0, referrer, exam, facts, day);
        if (rule != NO_PERMIT) {
          return rule == DECORATED ? null : group.permits[Program.permit(group.program, rule)];
        }
      }
    }
    return null;
  }

  /**
   * The outcome of a request that {@link #permit} found no plain permit for, decided without
   * allocating and without wording anything: the flow of the {@link CompiledExplainer} (status,
   * then scope over the pooled rules, then training, then required information), reduced to what
   * decides the outcome. {@code ENTITLED} means a permit with something to add. Null where the
   * explainer declines: the caller then asks for the whole decision at once.
   */
  static @Nullable Outcome outcome(Snapshot snapshot, ReferralRequest request) {
    EmployerView employer = snapshot.employers.get(request.employer());
    if (employer == null || !employer.answersAlone()) {
      return null;
    }
    ExamView exam = snapshot.exams.get(request.examination());
    if (exam == null) {
      return null;
    }
    int day = employer.days.epochDay(request.requestedAt());
    Patient patient = request.patientOrNull();
    int age = ageOn(patient, day);
    if (age > Facts.MAX_AGE) {
      return null;
    }
    ReferrerTable referrers = snapshot.referrers;
    int found = referrers.indexOf(request.referrer());
    if (found < 0) {
      return Outcome.NOT_ENTITLED;
    }
    int[] referrer = referrers.program(found);
    boolean contrast = request.contrast() || exam.contrast();
    long facts = Facts.of(request, patient, age, contrast, snapshot.symbols);
    int candidates = 0;
    int scope = 0;
    int block = referrer[FIRST_BLOCK];
    for (int b = 0; b < referrer[BLOCKS]; b++, block += referrer[block + B_LENGTH]) {
      if (referrer[block + B_EMPLOYER] == employer.symbol) {
        candidates++;
        if (Program.inForce(referrer, block, day)) {
          scope |= scope(referrer, block, referrer, exam, facts, day);
        }
      }
    }
    for (GroupEntitlement group : employer.groups) {
      if (group.covers(referrers.slice(found), request.employer(), day)) {
        candidates++;
        if (Program.inForce(group.program, 0, day)) {
          scope |= scope(group.program, 0, referrer, exam, facts, day);
        }
      }
    }
    if (candidates == 0 || referrer[REGISTRATION_CURRENT] == 0 || (scope & IN_FORCE) == 0) {
      return Outcome.NOT_ENTITLED;
    }
    if ((scope & MATCHED) == 0) {
      return (scope & ONLY_AGE_UNKNOWN) != 0 ? Outcome.INSUFFICIENT_INFORMATION : Outcome.NOT_ENTITLED;
    }
    if ((scope & TRAINED) == 0) {
      return Outcome.NOT_ENTITLED;
    }
    return missesInformation(employer, exam, request, patient, age, contrast)
        ? Outcome.INSUFFICIENT_INFORMATION : Outcome.ENTITLED;
  }

  /** What the rules of an in-force block say about the request, as {@link #outcome} combines it. */
  private static int scope(int[] code, int block, int[] referrer, ExamView exam, long facts, int day) {
    int found = IN_FORCE;
    for (int r = 0; r < code[block + B_RULES]; r++) {
      int rule = Program.rule(code, block, r);
      int failures = Program.failures(code, rule, exam, facts);
      if (failures == 0) {
        found |= MATCHED;
        if (Program.training(code, rule, referrer, day) != TRAINING_BLOCKED) {
          found |= TRAINED;
        }
      } else if (failures == Program.AGE_UNKNOWN) {
        found |= ONLY_AGE_UNKNOWN;
      }
    }
    return found;
  }

  /**
   * Where in {@code code} the first rule of the block, in canonical order, starts that matches and
   * whose training passes; or {@link #NO_PERMIT}, or {@link #DECORATED} when that rule's permit
   * would carry a warning or notice.
   */
  private static int firstPermit(int[] code, int block, int[] referrer, ExamView exam, long facts, int day) {
    for (int r = 0; r < code[block + B_RULES]; r++) {
      if (Program.modality(code, block, r) != exam.modality()) {
        continue;
      }
      int rule = Program.rule(code, block, r);
      if (Program.failures(code, rule, exam, facts) != 0) {
        continue;
      }
      int training = Program.training(code, rule, referrer, day);
      if (training == TRAINING_BLOCKED) {
        continue;
      }
      return training == TRAINING_CLEAN && day < code[block + B_REVIEW] ? rule : DECORATED;
    }
    return NO_PERMIT;
  }

  /**
   * The patient's age in completed years on the epoch day (rule 2), or {@link Facts#UNKNOWN_AGE}
   * when there is no birth date or it falls after that day.
   */
  static int ageOn(@Nullable Patient patient, int day) {
    LocalDate born = patient == null ? null : patient.birthDateOrNull();
    return born == null || born.toEpochDay() > day
        ? Facts.UNKNOWN_AGE : ZoneDays.completedYears(born, ZoneDays.monthAndDay(day));
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
