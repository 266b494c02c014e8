package org.irmer.entitlement.rules.compiled;

import java.time.LocalDate;
import org.irmer.entitlement.core.domain.CareSetting;
import org.irmer.entitlement.core.domain.EmployerId;
import org.irmer.entitlement.core.domain.GroupCriteria;
import org.irmer.entitlement.core.domain.IndicationCode;
import org.irmer.entitlement.core.domain.LapsePolicyKind;
import org.irmer.entitlement.core.domain.Patient;
import org.irmer.entitlement.core.domain.PregnancyStatus;
import org.irmer.entitlement.core.domain.ReferralRequest;
import org.irmer.entitlement.core.domain.Sex;
import org.jspecify.annotations.Nullable;

/**
 * The permit path: finds, without allocating, the prepared permit of the rule the reference
 * semantics would choose when the decision is a plain permit (entitled at the imaging employer's
 * own individual or group entitlement, with no warning, notice or advisory). Returns null whenever
 * the decision is anything else, and the caller then asks the explainer: so this path may only
 * ever be more cautious than the reference, never more permissive, and the differential properties
 * hold it to giving the same permits.
 */
final class PermitPath {

  private static final int UNKNOWN_AGE = Integer.MIN_VALUE;

  /** A rule's training: all current. */
  private static final int TRAINING_CLEAN = 0;
  /** A rule's training: passes, with a warning or notice to add. */
  private static final int TRAINING_DECORATED = 1;
  /** A rule's training: blocks. */
  private static final int TRAINING_BLOCKED = 2;

  /** {@link #firstPermit}: the candidate has no matching rule whose training passes; try the next. */
  private static final int NO_PERMIT = -1;
  /** {@link #firstPermit}: the chosen rule needs warnings or notices, which the explainer adds. */
  private static final int DECORATED = -2;

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
    IndicationCode indication = request.indicationOrNull();
    if (indication != null && snapshot.hasAdvice(indication, request.examination())) {
      return null;
    }
    ReferrerSlice slice = snapshot.referrers.get(request.referrer());
    if (slice == null || !slice.registrationCurrent) {
      return null;
    }
    int day = employer.days.epochDay(request.requestedAt());
    Patient patient = request.patientOrNull();
    LocalDate born = patient == null ? null : patient.birthDateOrNull();
    int age = born == null || born.toEpochDay() > day
        ? UNKNOWN_AGE : ZoneDays.completedYears(born, ZoneDays.monthAndDay(day));
    boolean contrast = request.contrast() || exam.contrast();
    if (missesInformation(employer, exam, request, patient, age, contrast)) {
      return null;
    }
    EmployerId at = request.employer();
    for (CompiledEntitlement candidate : slice.individual) {
      if (candidate.employer.equals(at) && candidate.isInForce(day)) {
        int chosen = firstPermit(candidate, slice, exam, request, patient, age, contrast, day);
        if (chosen != NO_PERMIT) {
          return chosen == DECORATED ? null : candidate.rules[chosen].permit;
        }
      }
    }
    for (CompiledEntitlement candidate : employer.groups) {
      if (candidate.isInForce(day) && covers(candidate.group, slice, at, day)) {
        int chosen = firstPermit(candidate, slice, exam, request, patient, age, contrast, day);
        if (chosen != NO_PERMIT) {
          return chosen == DECORATED ? null : candidate.rules[chosen].permit;
        }
      }
    }
    return null;
  }

  /**
   * The index of the first rule of the candidate, in canonical order, that matches and whose
   * training passes; or {@link #NO_PERMIT}, or {@link #DECORATED} when that rule's permit would
   * carry a warning or notice.
   */
  private static int firstPermit(CompiledEntitlement candidate, ReferrerSlice slice, ExamView exam,
      ReferralRequest request, @Nullable Patient patient, int age, boolean contrast, int day) {
    for (int index = 0; index < candidate.rules.length; index++) {
      CompiledRule rule = candidate.rules[index];
      if (!matches(rule, exam, request, patient, age, contrast)) {
        continue;
      }
      int training = training(rule, slice, day);
      if (training == TRAINING_BLOCKED) {
        continue;
      }
      return training == TRAINING_CLEAN && day < candidate.reviewDue ? index : DECORATED;
    }
    return NO_PERMIT;
  }

  private static boolean matches(CompiledRule rule, ExamView exam, ReferralRequest request,
      @Nullable Patient patient, int age, boolean contrast) {
    if (rule.modality != exam.modality()) {
      return false;
    }
    boolean included = contains(rule.includedExaminations, exam.index())
        || within(exam.region(), rule.includedRegions);
    if (!included || contains(rule.excludedExaminations, exam.index())
        || overlaps(exam, rule.excludedRegions)) {
      return false;
    }
    if (rule.ageDependent && (age == UNKNOWN_AGE || age < rule.minAge || age > rule.maxAge)) {
      return false;
    }
    PregnancyStatus pregnancy = patient == null ? null : patient.pregnancyOrNull();
    if (rule.excludesPregnancy && pregnancy != null && pregnancy.mayBePregnant()) {
      return false;
    }
    if (rule.settings.length > 0 && !admitted(rule.settings, request)) {
      return false;
    }
    IndicationCode indication = request.indicationOrNull();
    if (!rule.indications.isEmpty() && (indication == null || !rule.indications.contains(indication))) {
      return false;
    }
    if (contrast && !rule.contrastAllowed) {
      return false;
    }
    return rule.urgencies == 0 || Masks.has(rule.urgencies, request.urgency().ordinal());
  }

  private static boolean contains(int[] values, int value) {
    for (int candidate : values) {
      if (candidate == value) {
        return true;
      }
    }
    return false;
  }

  /** Whether the region numbered {@code region} lies in one of the {@code [first, last]} intervals. */
  private static boolean within(int region, int[] intervals) {
    for (int i = 0; i < intervals.length; i += 2) {
      if (region >= intervals[i] && region <= intervals[i + 1]) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether the examination's region lies in, or contains, one of the {@code [first, last]}
   * intervals: an examination that covers an excluded region is excluded.
   */
  private static boolean overlaps(ExamView exam, int[] intervals) {
    for (int i = 0; i < intervals.length; i += 2) {
      if ((exam.region() >= intervals[i] && exam.region() <= intervals[i + 1])
          || (intervals[i] >= exam.region() && intervals[i] <= exam.regionLast())) {
        return true;
      }
    }
    return false;
  }

  private static boolean admitted(CareSetting[] permitted, ReferralRequest request) {
    CareSetting actual = request.settingOrNull();
    if (actual == null) {
      return false;
    }
    for (CareSetting setting : permitted) {
      if (setting.admits(actual)) {
        return true;
      }
    }
    return false;
  }

  private static int training(CompiledRule rule, ReferrerSlice slice, int day) {
    int result = TRAINING_CLEAN;
    for (TrainingNeed need : rule.training) {
      boolean held = false;
      int lastValidDay = Integer.MIN_VALUE;
      boolean current = false;
      for (int i = 0; i < slice.trainingTypes.length; i++) {
        if (slice.trainingTypes[i].equals(need.training()) && slice.trainingCompleted[i] <= day) {
          held = true;
          if (slice.trainingExpires[i] >= day) {
            current = true;
            break;
          }
          lastValidDay = Math.max(lastValidDay, slice.trainingExpires[i]);
        }
      }
      if (current) {
        continue;
      }
      if (need.policy() == LapsePolicyKind.NOTIFY_ONLY) {
        result = TRAINING_DECORATED;
      } else if (need.policy() == LapsePolicyKind.WARN_WITH_GRACE && held
          && (long) day <= (long) lastValidDay + need.graceDays()) {
        result = TRAINING_DECORATED;
      } else {
        return TRAINING_BLOCKED;
      }
    }
    return result;
  }

  private static boolean covers(@Nullable GroupCriteria group, ReferrerSlice slice, EmployerId employer,
      int day) {
    if (group == null) {
      return false;
    }
    if (slice.regulator == null || !group.regulators().contains(slice.regulator)) {
      return false;
    }
    if (!group.professions().isEmpty() && !group.professions().contains(slice.person.profession())) {
      return false;
    }
    return !group.requiresRoleAtEmployer() || slice.holdsRoleAt(employer, day);
  }

  /** Whether the imaging employer's procedures find required information missing (rule 6). */
  private static boolean missesInformation(EmployerView employer, ExamView exam, ReferralRequest request,
      @Nullable Patient patient, int age, boolean contrast) {
    PregnancyStatus pregnancy = patient == null ? null : patient.pregnancyOrNull();
    boolean unanswered = pregnancy == null || pregnancy == PregnancyStatus.UNKNOWN;
    if (unanswered && employer.enquiryApplies[exam.index()]
        && employer.enquirySexes.contains(patient == null ? Sex.UNKNOWN : patient.sex())
        && (age == UNKNOWN_AGE || (age >= employer.enquiryMinAge && age <= employer.enquiryMaxAge))) {
      return true;
    }
    for (int i = 0; i < employer.informationItems.length; i++) {
      int modalities = employer.informationModalities[i];
      boolean applies = (modalities == -1 || Masks.has(modalities, exam.modality()))
          && (contrast || !employer.informationContrastOnly[i]);
      if (applies && !request.clinicalInformation().contains(employer.informationItems[i])) {
        return true;
      }
    }
    return false;
  }
}
