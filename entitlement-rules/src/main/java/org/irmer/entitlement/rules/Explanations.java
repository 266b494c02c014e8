package org.irmer.entitlement.rules;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.irmer.entitlement.core.domain.AgreementId;
import org.irmer.entitlement.core.domain.CareSetting;
import org.irmer.entitlement.core.domain.ClinicalInformationItem;
import org.irmer.entitlement.core.domain.EmployerId;
import org.irmer.entitlement.core.domain.Entitlement;
import org.irmer.entitlement.core.domain.EntitlementType;
import org.irmer.entitlement.core.domain.Examination;
import org.irmer.entitlement.core.domain.ExaminationCode;
import org.irmer.entitlement.core.domain.IndicationCode;
import org.irmer.entitlement.core.domain.Modality;
import org.irmer.entitlement.core.domain.Notice;
import org.irmer.entitlement.core.domain.Patient;
import org.irmer.entitlement.core.domain.Reason;
import org.irmer.entitlement.core.domain.ReasonCode;
import org.irmer.entitlement.core.domain.ScopeDimension;
import org.irmer.entitlement.core.domain.SiteId;
import org.irmer.entitlement.core.domain.TrainingType;
import org.irmer.entitlement.core.domain.Urgency;
import org.irmer.entitlement.core.domain.Warning;
import org.irmer.entitlement.core.domain.WarningCode;

/**
 * The plain-English wording of every reason, warning and notice. Every engine words its decisions
 * through this class, so equal decisions carry equal messages. Messages name codes, modalities,
 * regions and ages, never a patient identifier (STYLE.md, decisions are values).
 */
public final class Explanations {

  private static final Reason REGISTRATION_NOT_CURRENT = Reason.of(ReasonCode.REGISTRATION_NOT_CURRENT,
      "The referrer's professional registration is not current");
  private static final Reason MISSING_BIRTH_DATE = Reason.of(ReasonCode.MISSING_PATIENT_BIRTH_DATE,
      "The request gives no patient birth date, which an age-dependent check needs");
  private static final Reason BIRTH_DATE_AFTER_REQUEST = Reason.of(ReasonCode.BIRTH_DATE_AFTER_REQUEST,
      "The request gives a patient birth date after the date of the request, from which no age can"
          + " be reckoned");
  private static final Reason IMPLAUSIBLE_PATIENT_AGE = Reason.of(ReasonCode.IMPLAUSIBLE_PATIENT_AGE,
      "The request gives a patient birth date more than " + Patient.OLDEST_PLAUSIBLE_AGE
          + " years before the date of the request, which cannot be right");
  private static final Reason MISSING_PREGNANCY_STATUS = Reason.of(ReasonCode.MISSING_PREGNANCY_STATUS,
      "The procedures require a pregnancy enquiry for this examination, and the request gives no answer");
  private static final Reason OUT_OF_SCOPE_PREGNANCY = Reason.of(ReasonCode.OUT_OF_SCOPE_PREGNANCY,
      "The scope excludes patients who are or may be pregnant");
  private static final Reason OUT_OF_SCOPE_CONTRAST = Reason.of(ReasonCode.OUT_OF_SCOPE_CONTRAST,
      "The scope does not allow examinations with contrast");
  private static final Map<Urgency, Reason> OUT_OF_SCOPE_URGENCY = new EnumMap<>(Urgency.class);

  static {
    for (Urgency urgency : Urgency.values()) {
      OUT_OF_SCOPE_URGENCY.put(urgency, Reason.of(ReasonCode.OUT_OF_SCOPE_URGENCY,
          "The scope does not cover " + lower(urgency.name()) + " requests"));
    }
  }

  private Explanations() {}

  public static Reason unknownEmployer(EmployerId employer) {
    return Reason.of(ReasonCode.DATA_UNAVAILABLE,
        "The imaging employer " + employer + " is not known to the register");
  }

  public static Reason noProcedures(EmployerId employer) {
    return Reason.of(ReasonCode.DATA_UNAVAILABLE,
        "The written procedures of employer " + employer + " cannot be read");
  }

  public static Reason storeUnavailable(String what) {
    return Reason.of(ReasonCode.DATA_UNAVAILABLE, "The register could not be read: " + what);
  }

  /** The request's instant has no date in the employer's zone that the calendar can represent. */
  public static Reason requestDateOutOfRange(Instant instant, ZoneId zone) {
    return Reason.of(ReasonCode.REQUEST_DATE_OUT_OF_RANGE,
        "The instant of the request, " + instant + ", has no representable date in the imaging"
            + " employer's zone " + zone);
  }

  /**
   * The engine failed while evaluating. Names only the kind of failure: an exception's message may
   * quote the request, patient details included.
   */
  public static Reason evaluationFailed(RuntimeException failure) {
    return Reason.of(ReasonCode.EVALUATION_FAILED,
        "The engine failed while evaluating the request (" + failure.getClass().getName()
            + "), so the request is refused");
  }

  public static Reason unknownExamination(ExaminationCode code) {
    return Reason.of(ReasonCode.UNKNOWN_EXAMINATION,
        "The examination code " + code + " is not in the catalogue");
  }

  public static Reason notEntitledAtEmployer(EmployerId employer, EntitlementType type) {
    String what = type == EntitlementType.REFERRER ? "referrer" : "clinical evaluation";
    return Reason.of(ReasonCode.NOT_ENTITLED_AT_EMPLOYER,
        "No current " + what + " entitlement at employer " + employer);
  }

  public static Reason notCoveredByAgreement(AgreementId agreement, EmployerId entitling,
      Modality modality, Optional<SiteId> site) {
    return Reason.of(ReasonCode.NOT_COVERED_BY_AGREEMENT,
        "Agreement " + agreement + " recognising entitlements of employer " + entitling
            + " does not cover " + modality.displayName()
            + site.map(s -> " at site " + s).orElse(" at an unnamed site"));
  }

  public static Reason registrationNotCurrent() {
    return REGISTRATION_NOT_CURRENT;
  }

  /** The status reason of an entitlement that is not in force on {@code date}, or empty. */
  public static Optional<Reason> statusReason(Entitlement entitlement, LocalDate date) {
    String name = "Entitlement " + entitlement.id() + " at employer " + entitlement.employer();
    return switch (entitlement.status()) {
      case PENDING_PREREQUISITES -> Optional.of(Reason.of(ReasonCode.ENTITLEMENT_NOT_YET_ACTIVE,
          name + " awaits its prerequisites"));
      case SUSPENDED -> Optional.of(Reason.of(ReasonCode.ENTITLEMENT_SUSPENDED, name + " is suspended"));
      case REVOKED -> Optional.of(Reason.of(ReasonCode.ENTITLEMENT_REVOKED, name + " was revoked"));
      case EXPIRED -> Optional.of(Reason.of(ReasonCode.ENTITLEMENT_EXPIRED, name + " has expired"));
      case ENDED, SUPERSEDED -> Optional.of(Reason.of(ReasonCode.ENTITLEMENT_ENDED, name + " has ended"));
      case ACTIVE -> {
        if (date.isBefore(entitlement.validFrom())) {
          yield Optional.of(Reason.of(ReasonCode.ENTITLEMENT_NOT_YET_ACTIVE,
              name + " starts on " + entitlement.validFrom()));
        }
        if (date.isAfter(entitlement.validTo())) {
          yield Optional.of(Reason.of(ReasonCode.ENTITLEMENT_EXPIRED,
              name + " expired at the end of " + entitlement.validTo()));
        }
        yield Optional.empty();
      }
    };
  }

  /** The reason for a failed scope dimension, worded from the request's side. */
  public static Reason outOfScope(ScopeDimension dimension, Examination examination,
      ScopeFacts facts) {
    return switch (dimension) {
      case MODALITY -> outOfScope(dimension, "The scope does not cover "
          + examination.modality().displayName() + " examinations");
      case EXAMINATION -> outOfScope(dimension, "The scope does not cover " + examination.name() + " ("
          + examination.code() + ", " + examination.region().displayName() + ")");
      case AGE -> outOfScope(dimension, facts.age().isPresent()
          ? "The scope does not cover patients aged " + facts.age().getAsInt()
          : "The scope limits the patient's age");
      case PREGNANCY -> OUT_OF_SCOPE_PREGNANCY;
      case SETTING -> outOfScope(dimension, facts.setting()
          .map(s -> "The scope does not cover requests from " + s)
          .orElse("The request does not say where it is made, and the scope is limited to certain settings"));
      case INDICATION -> outOfScope(dimension, facts.indication()
          .map(i -> "The scope does not cover the clinical indication " + i)
          .orElse("The request gives no clinical indication, and the scope is limited to certain indications"));
      case CONTRAST -> OUT_OF_SCOPE_CONTRAST;
      case URGENCY -> OUT_OF_SCOPE_URGENCY.get(facts.urgency());
    };
  }

  private static Reason outOfScope(ScopeDimension dimension, String message) {
    return Reason.of(dimension.reasonCode(), message);
  }

  public static Reason missingBirthDate() {
    return MISSING_BIRTH_DATE;
  }

  public static Reason birthDateAfterRequest() {
    return BIRTH_DATE_AFTER_REQUEST;
  }

  public static Reason implausiblePatientAge() {
    return IMPLAUSIBLE_PATIENT_AGE;
  }

  public static Reason missingPregnancyStatus() {
    return MISSING_PREGNANCY_STATUS;
  }

  public static Reason missingClinicalInformation(ClinicalInformationItem item, Modality modality) {
    return Reason.of(ReasonCode.MISSING_CLINICAL_INFORMATION,
        "The procedures require " + item.displayName() + " for " + modality.displayName()
            + " requests, and the request does not give it");
  }

  public static Reason trainingMissing(TrainingType training) {
    return Reason.of(ReasonCode.TRAINING_MISSING,
        "The referrer has no record of required " + training + " training");
  }

  public static Reason trainingExpired(TrainingType training, LocalDate lastValidDay) {
    return Reason.of(ReasonCode.TRAINING_EXPIRED,
        "Required " + training + " training expired at the end of " + lastValidDay);
  }

  public static Warning trainingInGrace(TrainingType training, LocalDate lastValidDay, int daysLeft) {
    return new Warning(WarningCode.TRAINING_EXPIRED_IN_GRACE,
        "Required " + training + " training expired at the end of " + lastValidDay + "; "
            + daysLeft + " days of grace left",
        java.util.OptionalInt.of(daysLeft));
  }

  public static Warning reviewDue(Entitlement entitlement, LocalDate due) {
    return new Warning(WarningCode.REVIEW_DUE,
        "Entitlement " + entitlement.id() + " was due for review on " + due,
        java.util.OptionalInt.empty());
  }

  public static Notice trainingLapsedNotice(TrainingType training, Optional<LocalDate> lastValidDay) {
    return new Notice(training, lastValidDay
        .map(day -> "Required " + training + " training expired at the end of " + day)
        .orElse("The referrer has no record of required " + training + " training"));
  }

  /**
   * The warning on a decision made on a snapshot that could not be confirmed current: how long the
   * register has been out of reach ({@code age}, since {@code confirmedAt}, when the snapshot was
   * last confirmed current) and which snapshot the decision rests on.
   */
  public static Warning snapshotStale(Duration age, Instant confirmedAt) {
    return new Warning(WarningCode.SNAPSHOT_STALE,
        "The register could not be reached for " + inWords(age) + "; decided on the snapshot of "
            + confirmedAt.truncatedTo(ChronoUnit.SECONDS),
        java.util.OptionalInt.empty());
  }

  /**
   * Why no decision was made on a snapshot older than the staleness {@code limit}: the register
   * has been out of reach for {@code age}, since {@code confirmedAt}.
   */
  public static Reason snapshotTooStale(Duration age, Instant confirmedAt, Duration limit) {
    return Reason.of(ReasonCode.DATA_UNAVAILABLE,
        "The register could not be reached for " + inWords(age) + ", longer than the "
            + inWords(limit) + " a decision may rest on the last snapshot (of "
            + confirmedAt.truncatedTo(ChronoUnit.SECONDS) + "), so none was made");
  }

  /**
   * A duration in its two largest units, rounded down: {@code 3 min 12 s}, {@code 1 h 5 min},
   * {@code 2 d 3 h}, {@code 45 s}; under a second is {@code 0 s}.
   */
  public static String inWords(Duration duration) {
    long seconds = Math.max(0, duration.getSeconds());
    long[] amounts = {seconds / 86_400, seconds / 3_600 % 24, seconds / 60 % 60, seconds % 60};
    String[] units = {"d", "h", "min", "s"};
    int largest = 0;
    while (largest < units.length - 1 && amounts[largest] == 0) {
      largest++;
    }
    StringBuilder words = new StringBuilder().append(amounts[largest]).append(' ').append(units[largest]);
    if (largest < units.length - 1 && amounts[largest + 1] != 0) {
      words.append(' ').append(amounts[largest + 1]).append(' ').append(units[largest + 1]);
    }
    return words.toString();
  }

  private static String lower(String constant) {
    return constant.toLowerCase(Locale.ROOT).replace('_', ' ');
  }

  /** The facts about a request that the out-of-scope wording quotes. */
  public record ScopeFacts(java.util.OptionalInt age, Optional<CareSetting> setting,
      Optional<IndicationCode> indication, Urgency urgency) {}
}
