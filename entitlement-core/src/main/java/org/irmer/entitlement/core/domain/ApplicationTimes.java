package org.irmer.entitlement.core.domain;

import static com.google.common.base.Preconditions.checkArgument;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * How long an application has waited, against the targets of the employer's written procedures
 * (principle 2; {@link WrittenProcedures#applicationDecisionWorkingDays()} and {@link
 * WrittenProcedures#applicationTotalDays()}), measured on local dates in the employer's zone.
 *
 * <ul>
 *   <li>The clock starts on the day of submission (the first version) and stops on the day of the
 *       decision ({@code APPROVED} or {@code REFUSED}) or withdrawal; while the application is
 *       open it runs to the date asked about.
 *   <li>{@code workingDays}: the days after the submission day, up to and including the last day,
 *       that are working days and at whose start the application waited on the employer ({@code
 *       SUBMITTED} or {@code UNDER_REVIEW}); a day that starts {@code INFO_REQUESTED} waits on the
 *       applicant and does not count.
 *   <li>{@code daysInAll}: calendar days from the submission day to the last day.
 * </ul>
 *
 * <p>A target is met while the count is at most the target: ten working days allow a decision on
 * the tenth, not the eleventh.
 */
public record ApplicationTimes(
    ApplicationId application,
    EmployerId employer,
    ApplicationStatus status,
    LocalDate submittedOn,
    Optional<LocalDate> decidedOn,
    long workingDays,
    long daysInAll,
    int workingDaysTarget,
    int daysInAllTarget) {

  private static final Set<ApplicationStatus> WAITING_ON_EMPLOYER =
      EnumSet.of(ApplicationStatus.SUBMITTED, ApplicationStatus.UNDER_REVIEW);

  /**
   * The times of the application whose versions, oldest first, are {@code history}, as at {@code
   * at}, under {@code procedures}, in {@code zone}.
   *
   * @throws IllegalArgumentException when {@code history} is empty or mixes applications
   */
  public static ApplicationTimes of(
      List<Application> history, WrittenProcedures procedures, ZoneId zone, Instant at) {
    checkArgument(!history.isEmpty(), "an application's times need its history");
    Application first = history.get(0);
    checkArgument(history.stream().allMatch(version -> version.id().equals(first.id())),
        "the history of %s holds versions of other applications", first.id());
    Application latest = history.get(history.size() - 1);
    LocalDate submittedOn = first.recordedAt().atZone(zone).toLocalDate();
    Optional<LocalDate> endedOn = history.stream()
        .filter(version -> version.status().isFinal())
        .findFirst()
        .map(version -> version.recordedAt().atZone(zone).toLocalDate());
    LocalDate lastDay = endedOn.orElse(at.atZone(zone).toLocalDate());
    long working = 0;
    for (LocalDate day = submittedOn.plusDays(1); !day.isAfter(lastDay); day = day.plusDays(1)) {
      if (procedures.isWorkingDay(day)
          && WAITING_ON_EMPLOYER.contains(statusAtStartOf(history, day, zone))) {
        working++;
      }
    }
    Optional<LocalDate> decidedOn =
        latest.status() == ApplicationStatus.APPROVED || latest.status() == ApplicationStatus.REFUSED
            ? endedOn
            : Optional.empty();
    return new ApplicationTimes(first.id(), first.employer(), latest.status(), submittedOn,
        decidedOn, working, Math.max(0, ChronoUnit.DAYS.between(submittedOn, lastDay)),
        procedures.applicationDecisionWorkingDays(), procedures.applicationTotalDays());
  }

  private static ApplicationStatus statusAtStartOf(
      List<Application> history, LocalDate day, ZoneId zone) {
    Instant start = day.atStartOfDay(zone).toInstant();
    ApplicationStatus status = history.get(0).status();
    for (Application version : history) {
      if (version.recordedAt().isBefore(start)) {
        status = version.status();
      }
    }
    return status;
  }

  /** Whether the employer's part is within its target in working days. */
  public boolean withinWorkingDaysTarget() {
    return workingDays <= workingDaysTarget;
  }

  /** Whether the application as a whole is within its target in calendar days. */
  public boolean withinDaysInAllTarget() {
    return daysInAll <= daysInAllTarget;
  }

  /** Whether it still waits for a decision (neither decided nor withdrawn). */
  public boolean isOpen() {
    return !status.isFinal();
  }
}
