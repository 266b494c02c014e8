package org.irmer.entitlement.core.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The times of an application against the procedures' targets (principle 2): working days are
 * Monday to Friday in the employer's zone less the days the procedures list, counted after the
 * submission day while the application waits on the employer.
 */
class ApplicationTimesTests {

  private static final ZoneId LONDON = ZoneId.of("Europe/London");
  /** A Monday. */
  private static final LocalDate MONDAY = LocalDate.of(2026, 3, 2);

  private static final WrittenProcedures PROCEDURES = WrittenProcedures.builder()
      .employer(EmployerId.of("KV1"))
      .version(1)
      .effectiveFrom(LocalDate.of(2026, 1, 1))
      .build();

  @Test
  void countsMondayToFridayAfterTheSubmissionDayWhileWaitingOnTheEmployer() {
    List<Application> history = List.of(version(ApplicationStatus.SUBMITTED, MONDAY));

    ApplicationTimes twoWeeksOn = ApplicationTimes.of(history, PROCEDURES, LONDON,
        at(MONDAY.plusDays(14)));

    assertThat(twoWeeksOn.workingDays()).isEqualTo(10);
    assertThat(twoWeeksOn.daysInAll()).isEqualTo(14);
    assertThat(twoWeeksOn.withinWorkingDaysTarget()).isTrue();
    assertThat(ApplicationTimes.of(history, PROCEDURES, LONDON, at(MONDAY.plusDays(15)))
        .withinWorkingDaysTarget()).isFalse();
    assertThat(twoWeeksOn.isOpen()).isTrue();
    assertThat(twoWeeksOn.decidedOn()).isEmpty();
  }

  @Test
  void leavesOutTheBankHolidaysTheProceduresList() {
    WrittenProcedures withHoliday = WrittenProcedures.builder().from(PROCEDURES)
        .addNonWorkingDays(MONDAY.plusDays(7)).build();
    List<Application> history = List.of(version(ApplicationStatus.SUBMITTED, MONDAY));

    assertThat(ApplicationTimes.of(history, withHoliday, LONDON, at(MONDAY.plusDays(15)))
        .workingDays()).isEqualTo(10);
  }

  @Test
  void stopsTheClockOnTheDayOfTheDecision() {
    List<Application> history = List.of(
        version(ApplicationStatus.SUBMITTED, MONDAY),
        version(ApplicationStatus.UNDER_REVIEW, MONDAY.plusDays(1)),
        version(ApplicationStatus.APPROVED, MONDAY.plusDays(3)));

    ApplicationTimes times = ApplicationTimes.of(history, PROCEDURES, LONDON,
        at(MONDAY.plusDays(60)));

    assertThat(times.decidedOn()).contains(MONDAY.plusDays(3));
    assertThat(times.workingDays()).isEqualTo(3);
    assertThat(times.daysInAll()).isEqualTo(3);
    assertThat(times.isOpen()).isFalse();
    assertThat(times.withinDaysInAllTarget()).isTrue();
  }

  @Test
  void aWithdrawnApplicationHasNoDecisionAndItsClockStops() {
    List<Application> history = List.of(
        version(ApplicationStatus.SUBMITTED, MONDAY),
        version(ApplicationStatus.WITHDRAWN, MONDAY.plusDays(40)));

    ApplicationTimes times = ApplicationTimes.of(history, PROCEDURES, LONDON,
        at(MONDAY.plusDays(90)));

    assertThat(times.decidedOn()).isEmpty();
    assertThat(times.daysInAll()).isEqualTo(40);
    assertThat(times.withinDaysInAllTarget()).isFalse();
  }

  @Test
  void readsEveryDateInTheEmployersZone() {
    ZoneId auckland = ZoneId.of("Pacific/Auckland");
    // 23:00 UTC on Sunday is Monday morning in Auckland.
    Instant sunday = MONDAY.minusDays(1).atTime(23, 0).atZone(ZoneId.of("UTC")).toInstant();
    List<Application> history = List.of(version(ApplicationStatus.SUBMITTED, sunday));

    ApplicationTimes times = ApplicationTimes.of(history, PROCEDURES, auckland,
        MONDAY.plusDays(1).atTime(9, 0).atZone(auckland).toInstant());

    assertThat(times.submittedOn()).isEqualTo(MONDAY);
    assertThat(times.workingDays()).isEqualTo(1);
  }

  @Test
  void refusesAnEmptyOrMixedHistory() {
    assertThatThrownBy(() -> ApplicationTimes.of(List.of(), PROCEDURES, LONDON, at(MONDAY)))
        .isInstanceOf(IllegalArgumentException.class);
    Application other = Application.builder().from(version(ApplicationStatus.SUBMITTED, MONDAY))
        .id(ApplicationId.of("APP-2")).build();
    assertThatThrownBy(() -> ApplicationTimes.of(
        List.of(version(ApplicationStatus.SUBMITTED, MONDAY), other), PROCEDURES, LONDON,
        at(MONDAY))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("APP-1");
  }

  private static Application version(ApplicationStatus status, LocalDate on) {
    return version(status, at(on));
  }

  private static Application version(ApplicationStatus status, Instant recordedAt) {
    return Application.builder()
        .id(ApplicationId.of("APP-1"))
        .applicant(PersonId.of("PHY-1"))
        .role(RoleId.of("ROLE-1"))
        .employer(EmployerId.of("KV1"))
        .status(status)
        .recordedAt(recordedAt)
        .build();
  }

  private static Instant at(LocalDate date) {
    return date.atTime(LocalTime.of(10, 0)).atZone(LONDON).toInstant();
  }
}
