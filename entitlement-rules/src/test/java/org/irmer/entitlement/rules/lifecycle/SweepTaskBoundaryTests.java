package org.irmer.entitlement.rules.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.irmer.entitlement.rules.lifecycle.SampleTrust.APPLICATION;
import static org.irmer.entitlement.rules.lifecycle.SampleTrust.ENTITLEMENT;
import static org.irmer.entitlement.rules.lifecycle.SampleTrust.NOW;
import static org.irmer.entitlement.rules.lifecycle.SampleTrust.REFERRER;
import static org.irmer.entitlement.rules.lifecycle.SampleTrust.TODAY;
import static org.irmer.entitlement.rules.lifecycle.SampleTrust.TRUST;
import static org.irmer.entitlement.rules.lifecycle.SampleTrust.accepted;
import static org.irmer.entitlement.rules.lifecycle.SampleTrust.byDelegate;
import static org.irmer.entitlement.rules.lifecycle.SampleTrust.byReferrer;
import static org.irmer.entitlement.rules.lifecycle.SampleTrust.completeApplication;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSortedMap;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.function.UnaryOperator;
import org.irmer.entitlement.core.domain.Actor;
import org.irmer.entitlement.core.domain.AuditEvent;
import org.irmer.entitlement.core.domain.Employer;
import org.irmer.entitlement.core.domain.Entitlement;
import org.irmer.entitlement.core.domain.EntitlementStatus;
import org.irmer.entitlement.core.domain.SweepReport;
import org.irmer.entitlement.core.domain.Task;
import org.irmer.entitlement.core.domain.TaskKind;
import org.irmer.entitlement.core.domain.TaskQuery;
import org.irmer.entitlement.core.domain.TrainingLapsePolicy;
import org.irmer.entitlement.core.domain.TrainingType;
import org.irmer.entitlement.core.domain.WrittenProcedures;
import org.irmer.entitlement.core.port.out.ReferralActivity;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every rule of the compliance sweep that raises a task, or suspends, on the day before, on and
 * after its date, in the employer's zone (DOMAIN.md section 5, rule 1): London, and Kiritimati at
 * UTC+14, where the local date is a day ahead of UTC's for ten hours of every day. "The day
 * before" is swept at 23:30 on it and "the day" at 00:30, local time, so a sweep reading dates in
 * UTC would get both wrong somewhere.
 */
class SweepTaskBoundaryTests {

  @ParameterizedTest
  @ValueSource(strings = {"Europe/London", "Pacific/Kiritimati"})
  void aReviewDueTaskIsRaisedFromTheReviewDateOn(String zone) {
    LocalDate due = granted(zone, UnaryOperator.identity()).entitlement().reviewDue().orElseThrow();

    assertThat(raised(zone, TaskKind.REVIEW_DUE, lastMinuteOf(due.minusDays(1), zone))).isEmpty();
    assertThat(raised(zone, TaskKind.REVIEW_DUE, firstMinutesOf(due, zone)))
        .singleElement().satisfies(task -> assertThat(task.dueOn()).isEqualTo(due));
    assertThat(raised(zone, TaskKind.REVIEW_DUE, firstMinutesOf(due.plusDays(1), zone)))
        .hasSize(1);
  }

  @ParameterizedTest
  @ValueSource(strings = {"Europe/London", "Pacific/Kiritimati"})
  void aValidityEndingTaskIsRaisedFromTheProceduresNoticeBeforeTheLastDay(String zone) {
    LocalDate validTo = granted(zone, UnaryOperator.identity()).entitlement().validTo();
    LocalDate noticeFrom = validTo.minusMonths(3);

    assertThat(raised(zone, TaskKind.VALIDITY_ENDING, lastMinuteOf(noticeFrom.minusDays(1), zone)))
        .isEmpty();
    assertThat(raised(zone, TaskKind.VALIDITY_ENDING, firstMinutesOf(noticeFrom, zone)))
        .singleElement().satisfies(task -> {
          assertThat(task.dueOn()).isEqualTo(validTo);
          assertThat(task.entitlement()).contains(ENTITLEMENT);
        });
    assertThat(raised(zone, TaskKind.VALIDITY_ENDING, lastMinuteOf(validTo, zone))).hasSize(1);
  }

  @ParameterizedTest
  @ValueSource(strings = {"Europe/London", "Pacific/Kiritimati"})
  void lowActivityIsATaskFromTheFirstAnniversaryAndNeverASuspension(String zone) {
    LocalDate anniversary = granted(zone, UnaryOperator.identity()).entitlement().validFrom()
        .plusYears(1);

    assertThat(raised(zone, TaskKind.LOW_ACTIVITY, lastMinuteOf(anniversary.minusDays(1), zone)))
        .isEmpty();
    Granted onTheDay = granted(zone, UnaryOperator.identity());
    SweepReport report = onTheDay.trust().sweep.sweep(firstMinutesOf(anniversary, zone));
    assertThat(tasks(onTheDay, TaskKind.LOW_ACTIVITY)).singleElement().satisfies(task -> {
      assertThat(task.cause().description()).contains("made 0 requests");
      assertThat(task.dueOn()).isEqualTo(anniversary.plusDays(28));
    });
    assertThat(report.suspended()).isEmpty();
    assertThat(onTheDay.trust().entitlement(ENTITLEMENT).status())
        .isEqualTo(EntitlementStatus.ACTIVE);
    assertThat(raised(zone, TaskKind.LOW_ACTIVITY, firstMinutesOf(anniversary.plusDays(1), zone)))
        .hasSize(1);
  }

  @ParameterizedTest
  @ValueSource(strings = {"Europe/London", "Pacific/Kiritimati"})
  void lowActivityCountsTheRequestsOfTheYearInTheEmployersZoneAgainstTheMinimum(String zone) {
    ZoneId local = ZoneId.of(zone);
    Granted few = granted(zone, UnaryOperator.identity());
    LocalDate from = few.entitlement().validFrom();
    LocalDate anniversary = from.plusYears(1);
    // Five requests in the year, one the minute before it began, one the minute it ended: five is
    // not more than the minimum of five.
    requests(few, 5, from.atStartOfDay(local).toInstant().plusSeconds(60));
    requests(few, 1, from.atStartOfDay(local).toInstant().minusSeconds(60));
    requests(few, 1, anniversary.atStartOfDay(local).toInstant());
    few.trust().sweep.sweep(firstMinutesOf(anniversary, zone));
    assertThat(tasks(few, TaskKind.LOW_ACTIVITY)).singleElement()
        .satisfies(task -> assertThat(task.cause().description()).contains("made 5 requests"));

    Granted enough = granted(zone, UnaryOperator.identity());
    requests(enough, 6, anniversary.atStartOfDay(local).toInstant().minusSeconds(600));
    enough.trust().sweep.sweep(firstMinutesOf(anniversary, zone));
    assertThat(tasks(enough, TaskKind.LOW_ACTIVITY)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"Europe/London", "Pacific/Kiritimati"})
  void trainingInItsGracePeriodIsATaskDueOnItsLastDayAndSuspendsOnlyAfterIt(String zone) {
    UnaryOperator<WrittenProcedures.Builder> grace = procedures -> procedures.trainingRequirements(
        List.of(SampleTrust.irmerTraining(TrainingLapsePolicy.warnWithGrace(30))));
    LocalDate lastValid = granted(zone, grace).entitlement().validFrom().plusMonths(2);

    Granted before = grantedWithTrainingUntil(zone, grace, lastValid);
    before.trust().sweep.sweep(lastMinuteOf(lastValid, zone));
    assertThat(tasks(before, TaskKind.TRAINING_GRACE)).isEmpty();

    Granted on = grantedWithTrainingUntil(zone, grace, lastValid);
    on.trust().sweep.sweep(firstMinutesOf(lastValid.plusDays(1), zone));
    assertThat(tasks(on, TaskKind.TRAINING_GRACE)).singleElement()
        .satisfies(task -> assertThat(task.dueOn()).isEqualTo(lastValid.plusDays(30)));
    assertThat(on.trust().sweep.sweep(lastMinuteOf(lastValid.plusDays(30), zone)).suspended())
        .isEmpty();
    assertThat(on.trust().sweep.sweep(firstMinutesOf(lastValid.plusDays(31), zone)).suspended())
        .containsExactly(ENTITLEMENT);
    assertThat(tasks(on, TaskKind.TRAINING_GRACE)).hasSize(1);
  }

  @ParameterizedTest
  @ValueSource(strings = {"Europe/London", "Pacific/Kiritimati"})
  void anOverdueAuditSuspendsTheDayAfterItsGraceEnds(String zone) {
    Granted granted = granted(zone, UnaryOperator.identity());
    granted.trust().addTraining(REFERRER, TrainingType.IRMER_REFERRER, TODAY.minusYears(1),
        TODAY.plusYears(5));
    LocalDate graceEnds = granted.entitlement().validFrom().plusYears(2).plusDays(30);

    assertThat(granted.trust().sweep.sweep(lastMinuteOf(graceEnds, zone)).suspended()).isEmpty();
    assertThat(granted.trust().sweep.sweep(firstMinutesOf(graceEnds.plusDays(1), zone))
        .suspended()).containsExactly(ENTITLEMENT);
  }

  @ParameterizedTest
  @ValueSource(strings = {"Europe/London", "Pacific/Kiritimati"})
  void anApplicationWaitingPastTwentyEightDaysInAllIsATask(String zone) {
    LocalDate submitted = submitted(zone).submittedOn();

    assertThat(overdue(zone, lastMinuteOf(submitted.plusDays(28), zone), "IN_ALL")).isEmpty();
    assertThat(overdue(zone, firstMinutesOf(submitted.plusDays(29), zone), "IN_ALL")).hasSize(1);
    assertThat(overdue(zone, firstMinutesOf(submitted.plusDays(30), zone), "IN_ALL")).hasSize(1);
  }

  @ParameterizedTest
  @ValueSource(strings = {"Europe/London", "Pacific/Kiritimati"})
  void anApplicationWithoutADecisionAfterTenWorkingDaysIsATask(String zone) {
    LocalDate submitted = submitted(zone).submittedOn();
    LocalDate tenth = workingDaysAfter(submitted, 10);
    LocalDate eleventh = workingDaysAfter(submitted, 11);

    assertThat(overdue(zone, lastMinuteOf(tenth, zone), "DECISION")).isEmpty();
    for (LocalDate day = tenth.plusDays(1); day.isBefore(eleventh); day = day.plusDays(1)) {
      assertThat(overdue(zone, lastMinuteOf(day, zone), "DECISION")).as("weekend %s", day)
          .isEmpty();
    }
    assertThat(overdue(zone, firstMinutesOf(eleventh, zone), "DECISION")).singleElement()
        .satisfies(task -> assertThat(task.application()).contains(APPLICATION));
  }

  @ParameterizedTest
  @ValueSource(strings = {"Europe/London", "Pacific/Kiritimati"})
  void daysWaitingForTheApplicantsInformationDoNotCountAsWorkingDays(String zone) {
    Submitted submitted = submitted(zone);
    LocalDate tenth = workingDaysAfter(submitted.submittedOn(), 10);
    SampleTrust trust = submitted.trust();
    Instant reviewing = firstMinutesOf(submitted.submittedOn().plusDays(1), zone);
    accepted(trust.applications.startReview(APPLICATION, byDelegate(reviewing)));
    accepted(trust.applications.requestInformation(APPLICATION, byDelegate(reviewing)));
    LocalDate answered = workingDaysAfter(submitted.submittedOn(), 3);
    accepted(trust.applications.provideInformation(
        completeApplication().recordedAt(firstMinutesOf(answered, zone)).build(),
        byReferrer(firstMinutesOf(answered, zone))));

    trust.sweep.sweep(firstMinutesOf(workingDaysAfter(submitted.submittedOn(), 11), zone));

    // Day one started SUBMITTED and counts; days two and three started INFO_REQUESTED.
    assertThat(trust.register.tasks().query(TaskQuery.builder()
        .kind(TaskKind.APPLICATION_OVERDUE).build())).isEmpty();
    assertThat(trust.applications.times(TRUST, firstMinutesOf(tenth, zone)))
        .singleElement().satisfies(times -> {
          assertThat(times.workingDays()).isEqualTo(8);
          assertThat(times.withinWorkingDaysTarget()).isTrue();
        });
  }

  // --- fixtures ---

  private record Granted(SampleTrust trust, Entitlement entitlement) {}

  private record Submitted(SampleTrust trust, LocalDate submittedOn) {}

  /** A fresh trust in {@code zone} under {@code procedures}, the referrer's entitlement active. */
  private static Granted granted(String zone, UnaryOperator<WrittenProcedures.Builder> procedures) {
    SampleTrust trust = inZone(zone, procedures);
    return new Granted(trust, trust.activeEntitlement());
  }

  private static Granted grantedWithTrainingUntil(String zone,
      UnaryOperator<WrittenProcedures.Builder> procedures, LocalDate lastValid) {
    SampleTrust trust = inZone(zone, procedures);
    trust.addTraining(REFERRER, TrainingType.IRMER_REFERRER, TODAY.minusYears(1), lastValid);
    trust.applicationUnderReview();
    Entitlement active = accepted(trust.applications.approve(APPLICATION, byDelegate(NOW)));
    assertThat(active.status()).isEqualTo(EntitlementStatus.ACTIVE);
    return new Granted(trust, active);
  }

  private static Submitted submitted(String zone) {
    SampleTrust trust = inZone(zone, UnaryOperator.identity());
    accepted(trust.applications.submit(completeApplication().build(), byReferrer(NOW)));
    return new Submitted(trust, NOW.atZone(ZoneId.of(zone)).toLocalDate());
  }

  private static SampleTrust inZone(String zone, UnaryOperator<WrittenProcedures.Builder> adjust) {
    SampleTrust trust = new SampleTrust(adjust);
    Employer employer = trust.register.employers().find(TRUST).orElseThrow();
    trust.register.employers().save(
        Employer.builder().from(employer).zone(ZoneId.of(zone)).build(), employer.version());
    return trust;
  }

  /** The tasks of {@code kind} after a fresh trust's first sweep at {@code at}. */
  private static ImmutableList<Task> raised(String zone, TaskKind kind, Instant at) {
    Granted granted = granted(zone, UnaryOperator.identity());
    granted.trust().addTraining(REFERRER, TrainingType.IRMER_REFERRER, TODAY.minusYears(1),
        TODAY.plusYears(5));
    SweepReport report = granted.trust().sweep.sweep(at);
    ImmutableList<Task> tasks = tasks(granted, kind);
    assertThat(report.tasksRaised()).containsAll(tasks.stream().map(Task::id).toList());
    return tasks;
  }

  private static ImmutableList<Task> overdue(String zone, Instant at, String target) {
    Submitted submitted = submitted(zone);
    submitted.trust().sweep.sweep(at);
    return submitted.trust().register.tasks()
        .query(TaskQuery.builder().kind(TaskKind.APPLICATION_OVERDUE).build()).stream()
        .filter(task -> task.cause().key().endsWith("/" + target))
        .collect(ImmutableList.toImmutableList());
  }

  private static ImmutableList<Task> tasks(Granted granted, TaskKind kind) {
    return granted.trust().register.tasks().query(TaskQuery.builder().kind(kind).build());
  }

  /** Records {@code count} referral decisions by the referrer at the trust, at {@code at}. */
  private static void requests(Granted granted, int count, Instant at) {
    for (int i = 0; i < count; i++) {
      granted.trust().register.auditTrail().append(AuditEvent.builder()
          .action(ReferralActivity.CHECK_REFERRAL)
          .actor(Actor.person(REFERRER))
          .at(at)
          .subject("ORD-" + at + "-" + i)
          .result("ENTITLED")
          .details(ImmutableSortedMap.of("employer", TRUST.value(), "examination", "XWRIR"))
          .build());
    }
  }

  /** The {@code n}th Monday-to-Friday after {@code from}. */
  private static LocalDate workingDaysAfter(LocalDate from, int n) {
    LocalDate day = from;
    int counted = 0;
    while (counted < n) {
      day = day.plusDays(1);
      if (day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY) {
        counted++;
      }
    }
    return day;
  }

  private static Instant lastMinuteOf(LocalDate date, String zone) {
    return date.atTime(LocalTime.of(23, 30)).atZone(ZoneId.of(zone)).toInstant();
  }

  private static Instant firstMinutesOf(LocalDate date, String zone) {
    return date.atTime(LocalTime.of(0, 30)).atZone(ZoneId.of(zone)).toInstant();
  }
}
