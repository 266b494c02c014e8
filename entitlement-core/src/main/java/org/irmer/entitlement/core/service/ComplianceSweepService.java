package org.irmer.entitlement.core.service;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableListMultimap;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;
import org.irmer.entitlement.core.domain.Actor;
import org.irmer.entitlement.core.domain.Application;
import org.irmer.entitlement.core.domain.ApplicationId;
import org.irmer.entitlement.core.domain.ApplicationTimes;
import org.irmer.entitlement.core.domain.AuditRecord;
import org.irmer.entitlement.core.domain.ChangeNotice;
import org.irmer.entitlement.core.domain.CommandContext;
import org.irmer.entitlement.core.domain.Employer;
import org.irmer.entitlement.core.domain.EmployerId;
import org.irmer.entitlement.core.domain.Entitlement;
import org.irmer.entitlement.core.domain.EntitlementId;
import org.irmer.entitlement.core.domain.EntitlementStatus;
import org.irmer.entitlement.core.domain.Person;
import org.irmer.entitlement.core.domain.PersonId;
import org.irmer.entitlement.core.domain.ProfessionalRegistration;
import org.irmer.entitlement.core.domain.ReferralCount;
import org.irmer.entitlement.core.domain.Refusal;
import org.irmer.entitlement.core.domain.RefusalCode;
import org.irmer.entitlement.core.domain.RegistrationChange;
import org.irmer.entitlement.core.domain.RegistrationSource;
import org.irmer.entitlement.core.domain.RegistrationStatus;
import org.irmer.entitlement.core.domain.Regulator;
import org.irmer.entitlement.core.domain.SweepReport;
import org.irmer.entitlement.core.domain.Task;
import org.irmer.entitlement.core.domain.TaskCause;
import org.irmer.entitlement.core.domain.TaskId;
import org.irmer.entitlement.core.domain.TaskKind;
import org.irmer.entitlement.core.domain.TaskQuery;
import org.irmer.entitlement.core.domain.TaskState;
import org.irmer.entitlement.core.domain.WrittenProcedures;
import org.irmer.entitlement.core.port.in.RunComplianceSweep;
import org.irmer.entitlement.core.port.out.ApplicationStore;
import org.irmer.entitlement.core.port.out.AuditRecordStore;
import org.irmer.entitlement.core.port.out.AuditTrail;
import org.irmer.entitlement.core.port.out.ChangeNoticeStore;
import org.irmer.entitlement.core.port.out.ConcurrentChangeException;
import org.irmer.entitlement.core.port.out.DelegationStore;
import org.irmer.entitlement.core.port.out.EmployerStore;
import org.irmer.entitlement.core.port.out.EntitlementStore;
import org.irmer.entitlement.core.port.out.NotificationKind;
import org.irmer.entitlement.core.port.out.Notifications;
import org.irmer.entitlement.core.port.out.PersonStore;
import org.irmer.entitlement.core.port.out.ReferralActivity;
import org.irmer.entitlement.core.port.out.RegistrationLookup;
import org.irmer.entitlement.core.port.out.TaskStore;
import org.irmer.entitlement.core.port.out.TrainingStore;

/**
 * The scheduled compliance sweep (principle 6; ARCHITECTURE.md flow 3), over the driven ports of a
 * {@link Register}, acting as the system actor {@code compliance-sweep}. The rules it applies are
 * stated on {@link RunComplianceSweep}.
 *
 * <p>Each change is its own unit of work and its own audit record, so a sweep interrupted half way
 * leaves every change it made complete, and the next run finishes the rest. A change that meets a
 * concurrent one is refused with {@code CONCURRENT_CHANGE}, audited, left out of the report, and
 * judged again by the next run.
 */
public final class ComplianceSweepService implements RunComplianceSweep {

  static final Actor SWEEP = Actor.system("compliance-sweep");

  private final EntitlementStore entitlements;
  private final PersonStore people;
  private final EmployerStore employers;
  private final TrainingStore training;
  private final AuditRecordStore auditRecords;
  private final AuditTrail auditTrail;
  private final CommandRunner runner;
  private final Eligibility eligibility;
  private final Notifier notifier;
  private final EntitlementChanges changes;
  private final RegistrationService registrations;
  private final ChangeNoticeStore noticeStore;
  private final ChangeNotices notices;
  private final ApplicationStore applications;
  private final TaskStore tasks;
  private final TaskRaiser raiser;
  private final ReferralActivity activity;

  /**
   * The sweep over these ports; {@code work} makes each change it makes one audited unit of work
   * that publishes it on the change feed.
   */
  public ComplianceSweepService(
      EntitlementStore entitlements,
      PersonStore people,
      EmployerStore employers,
      DelegationStore delegations,
      TrainingStore training,
      AuditRecordStore auditRecords,
      ChangeNoticeStore notices,
      ApplicationStore applications,
      TaskStore tasks,
      ReferralActivity activity,
      RegistrationLookup registrations,
      Notifications notifications,
      UnitOfWork work) {
    this.entitlements = Publishing.entitlements(checkNotNull(entitlements, "entitlements"), work.changes());
    this.people = checkNotNull(people, "people");
    this.employers = checkNotNull(employers, "employers");
    this.training = checkNotNull(training, "training");
    this.auditRecords = checkNotNull(auditRecords, "auditRecords");
    this.auditTrail = work.auditTrail();
    this.runner = new CommandRunner(work);
    this.eligibility = new Eligibility(people);
    this.notifier = new Notifier(checkNotNull(notifications, "notifications"));
    this.changes = new EntitlementChanges(this.entitlements, auditTrail, notifier);
    this.registrations =
        new RegistrationService(
            people, entitlements, employers, delegations, registrations, notifications, work);
    this.noticeStore = checkNotNull(notices, "notices");
    this.applications = checkNotNull(applications, "applications");
    this.tasks = checkNotNull(tasks, "tasks");
    this.raiser = new TaskRaiser(tasks, notifier);
    this.activity = checkNotNull(activity, "activity");
    this.notices =
        new ChangeNotices(
            notices, this.entitlements, Publishing.people(people, work.changes()), changes);
  }

  @Override
  public SweepReport sweep(Instant at) {
    checkNotNull(at, "at");
    SweepFlags flags = SweepFlags.readFrom(auditTrail);
    SweepReport.Builder report = SweepReport.builder().at(at);
    Set<EntitlementId> awaitingNotice = applyNotices(at, report);
    checkRegistrations(at, flags, report);
    ImmutableListMultimap<EmployerId, Entitlement> live =
        entitlements.all().stream()
            .filter(entitlement -> !entitlement.status().isFinal())
            .filter(entitlement -> !awaitingNotice.contains(entitlement.id()))
            .collect(
                ImmutableListMultimap.toImmutableListMultimap(
                    Entitlement::employer, entitlement -> entitlement));
    ImmutableListMultimap<EmployerId, Application> waiting = openApplications();
    for (Employer employer : employers.all()) {
      Run run =
          new Run(
              employer, at, employers.currentProcedures(employer.id()), flags, report);
      live.get(employer.id()).forEach(run::sweep);
      waiting.get(employer.id()).forEach(run::sweepApplication);
    }
    cancelSettledTasks(at);
    return report.build();
  }

  /** The latest version of every application not yet decided or withdrawn, by employer. */
  private ImmutableListMultimap<EmployerId, Application> openApplications() {
    return people.all().stream()
        .flatMap(person -> applications.forApplicant(person.id()).stream())
        .filter(application -> !application.status().isFinal())
        .collect(
            ImmutableListMultimap.toImmutableListMultimap(
                Application::employer, application -> application));
  }

  /**
   * Cancels each open task whose entitlement has become final or whose application has been
   * decided or withdrawn: nothing is left for a delegate to decide on it. Each cancellation is a
   * unit of work of its own, by the sweep, refused {@code CONCURRENT_CHANGE} when a delegate
   * decided the task first.
   */
  private void cancelSettledTasks(Instant at) {
    for (Task task : tasks.query(TaskQuery.builder().state(TaskState.OPEN).build())) {
      Optional<String> settled = settled(task);
      if (settled.isEmpty()) {
        continue;
      }
      CommandContext context = new CommandContext(SWEEP, at, settled.get());
      runner.run(
          Action.CANCEL_TASK,
          task.id().value(),
          context,
          () -> tasks.find(task.id()),
          found -> found.map(States::of),
          found -> {
            stillCurrent("task", task.id().value(), task.version(), found, Task::version);
            return CommandOutcome.accepted(
                tasks.save(task.cancelled(SWEEP, at, settled.get()), task.version()));
          });
    }
  }

  private Optional<String> settled(Task task) {
    Optional<String> entitlementEnded =
        task.entitlement()
            .flatMap(entitlements::find)
            .filter(entitlement -> entitlement.status().isFinal())
            .map(entitlement -> "entitlement " + entitlement.id() + " is " + entitlement.status());
    Optional<String> applicationEnded =
        task.application()
            .flatMap(applications::find)
            .filter(application -> application.status().isFinal())
            .map(application -> "application " + application.id() + " is " + application.status());
    return entitlementEnded.or(() -> applicationEnded);
  }

  /**
   * Makes the change of every pending notice whose last day has passed in its employer's zone,
   * each in a unit of work of its own ({@link ChangeNotices#apply}). Returns the entitlements of
   * the notices that took effect but could not be applied (a concurrent change got there first):
   * they are left alone by the rest of this run, never expired instead, and the next run applies
   * their notices.
   */
  private Set<EntitlementId> applyNotices(Instant at, SweepReport.Builder report) {
    Set<EntitlementId> awaiting = new HashSet<>();
    for (ChangeNotice notice : noticeStore.pending()) {
      LocalDate date = at.atZone(Employers.zoneOf(employers, notice.employer())).toLocalDate();
      if (!notice.hasTakenEffectOn(date)) {
        continue;
      }
      CommandContext context =
          new CommandContext(
              SWEEP,
              at,
              "notice "
                  + notice.id()
                  + " of "
                  + notice.kind()
                  + " took effect on "
                  + notice.takesEffectOn());
      boolean applied =
          runner
              .run(
                  Action.APPLY_NOTICE,
                  notice.id().value(),
                  context,
                  () -> noticeStore.find(notice.id()),
                  found -> found.map(States::of),
                  found -> {
                    stillCurrent(
                        "notice",
                        notice.id().value(),
                        notice.version(),
                        found,
                        ChangeNotice::version);
                    ImmutableList<Entitlement> changed =
                        notices.apply(notice, Action.APPLY_NOTICE, context);
                    return CommandOutcome.accepted(notice)
                        .with(
                            "changed",
                            changed.stream()
                                .map(entitlement -> entitlement.id().value())
                                .toList()
                                .toString());
                  })
              .isAccepted();
      if (applied) {
        report.addNoticesApplied(notice.id());
      } else {
        notice.entitlements().forEach(limit -> awaiting.add(limit.entitlement()));
      }
    }
    return awaiting;
  }

  /**
   * Asks the regulator's register for every referrer the sweep covers (anyone with a registration
   * who holds a live individual entitlement, or whose regulator a live group entitlement names) and
   * lets the stricter status win: a stricter status on the regulator's register is recorded, a
   * stricter one on the register's record is kept and flagged to the delegates once.
   */
  private void checkRegistrations(Instant at, SweepFlags flags, SweepReport.Builder report) {
    Set<PersonId> individuals = new HashSet<>();
    Set<Regulator> groups = EnumSet.noneOf(Regulator.class);
    for (Entitlement entitlement : entitlements.all()) {
      if (!entitlement.status().isFinal()) {
        entitlement.subject().person().ifPresent(individuals::add);
        entitlement.subject().group().ifPresent(group -> groups.addAll(group.regulators()));
      }
    }
    for (Person person : people.all()) {
      Optional<ProfessionalRegistration> held = person.registration();
      if (held.isPresent()
          && (individuals.contains(person.id()) || groups.contains(held.get().regulator()))) {
        checkRegistration(person, held.get(), at, flags, report);
      }
    }
  }

  private void checkRegistration(
      Person person,
      ProfessionalRegistration held,
      Instant at,
      SweepFlags flags,
      SweepReport.Builder report) {
    Optional<ProfessionalRegistration> entry = registrations.onRegister(held);
    RegistrationStatus regulators = RegistrationService.statusOf(entry);
    String onRegister =
        held.regulator()
            + "'s register "
            + (entry.isPresent() ? "says " + regulators : "has no entry")
            + " for "
            + held.number();
    if (regulators.isStricterThan(held.status())) {
      Instant effective =
          entry.flatMap(ProfessionalRegistration::statusSince).filter(since -> !since.isAfter(at))
              .orElse(at);
      registrations
          .recordRegistration(
              person.id(),
              regulators,
              effective,
              RegistrationSource.LOOKUP,
              new CommandContext(SWEEP, at, onRegister))
          .toOptional()
          .ifPresent(
              recorded ->
                  report.addRegistrationChanges(
                      new RegistrationChange(
                          person.id(), held.status(), regulators, RegistrationSource.LOOKUP)));
    } else if (held.status().isStricterThan(regulators)) {
      String flag = "registration " + held.status() + " kept; " + onRegister;
      report.addFlagged(person.id() + ": " + flag);
      if (flags.raiseFirstTime(person.id().value(), flag)) {
        String message =
            "The register holds "
                + held.status()
                + " for "
                + person.id()
                + "'s "
                + held.regulator()
                + " registration "
                + held.number()
                + ", stricter than the regulator: "
                + onRegister
                + ". The stricter status stands until a delegate records the regulator's.";
        runner.run(
            Action.FLAG_REGISTRATION_DISAGREEMENT,
            person.id().value(),
            new CommandContext(SWEEP, at, message),
            () -> people.find(person.id()),
            found -> found.map(States::of),
            found -> {
              stillCurrent(
                  "person", person.id().value(), person.version(), found, Person::version);
              registrations
                  .employersOf(person.id(), at)
                  .forEach(
                      employer ->
                          notifier.delegates(
                              employer,
                              NotificationKind.REGISTRATION,
                              person.id().value(),
                              message,
                              at));
              return CommandOutcome.accepted(person).with(SweepFlags.DETAIL, flag);
            });
      }
    }
  }

  /** One employer's part of a sweep: its zone's date, its current procedures. */
  private final class Run {

    private final Employer employer;
    private final Instant at;
    private final LocalDate date;
    private final Optional<WrittenProcedures> procedures;
    private final SweepFlags flags;
    private final SweepReport.Builder report;

    Run(
        Employer employer,
        Instant at,
        Optional<WrittenProcedures> procedures,
        SweepFlags flags,
        SweepReport.Builder report) {
      this.employer = employer;
      this.at = at;
      this.date = at.atZone(employer.zone()).toLocalDate();
      this.procedures = procedures;
      this.flags = flags;
      this.report = report;
    }

    void sweep(Entitlement entitlement) {
      if (date.isAfter(entitlement.validTo())) {
        change(
                entitlement,
                EntitlementStatus.EXPIRED,
                Action.EXPIRE_ENTITLEMENT,
                "validity ended on " + entitlement.validTo())
            .ifPresent(expired -> report.addExpired(expired.id()));
        return;
      }
      Optional<Entitlement> current = Optional.of(entitlement);
      Optional<PersonId> referrer = entitlement.subject().person();
      if (entitlement.status() == EntitlementStatus.ACTIVE
          && referrer.isPresent()
          && procedures.isPresent()) {
        current = sweepActive(entitlement, referrer.get(), procedures.get());
      }
      current.ifPresent(this::raiseReviewDue);
      if (procedures.isPresent() && referrer.isPresent()) {
        current.ifPresent(live -> raiseValidityEnding(live, referrer.get(), procedures.get()));
        current
            .filter(live -> live.status() == EntitlementStatus.ACTIVE)
            .ifPresent(live -> raiseLowActivity(live, referrer.get(), procedures.get()));
      }
    }

    /**
     * Raises an {@code APPLICATION_OVERDUE} task for each target of the procedures that an open
     * application has passed ({@link ApplicationTimes}), once per application and target, due the
     * procedures' response days later.
     */
    void sweepApplication(Application application) {
      if (procedures.isEmpty()) {
        return;
      }
      WrittenProcedures written = procedures.get();
      ApplicationTimes times =
          ApplicationTimes.of(applications.history(application.id()), written, employer.zone(), at);
      if (!times.withinWorkingDaysTarget()) {
        raiseOverdue(application, written, "DECISION",
            times.workingDays() + " working days without a decision, past the target of "
                + times.workingDaysTarget());
      }
      if (!times.withinDaysInAllTarget()) {
        raiseOverdue(application, written, "IN_ALL",
            times.daysInAll() + " days since submission on " + times.submittedOn()
                + ", past the target of " + times.daysInAllTarget() + " days in all");
      }
    }

    private void raiseOverdue(
        Application application, WrittenProcedures written, String target, String finding) {
      raise(
          new TaskRaiser.Draft(
              TaskKind.APPLICATION_OVERDUE,
              TaskCause.of(
                  "APPLICATION_OVERDUE/" + application.id() + "/" + target,
                  "Application " + application.id() + " of " + application.applicant() + " at "
                      + employer.id() + ": " + finding),
              application.applicant(),
              employer.id(),
              Optional.empty(),
              Optional.of(application.id()),
              date.plusDays(written.taskResponseDays())),
          application.version(),
          Optional.empty());
    }

    /**
     * Raises a {@code VALIDITY_ENDING} task once the date is within the procedures' notice before
     * the entitlement's last day, due on that day.
     */
    private void raiseValidityEnding(
        Entitlement entitlement, PersonId referrer, WrittenProcedures written) {
      LocalDate from = entitlement.validTo().minus(written.validityEndingNotice());
      if (date.isBefore(from)) {
        return;
      }
      raise(
          new TaskRaiser.Draft(
              TaskKind.VALIDITY_ENDING,
              TaskCause.of(
                  "VALIDITY_ENDING/" + entitlement.id() + "/" + entitlement.validTo(),
                  "Entitlement " + entitlement.id() + " of " + referrer + " at " + employer.id()
                      + " is valid until " + entitlement.validTo()
                      + "; continuing after it takes a new application"),
              referrer,
              employer.id(),
              Optional.of(entitlement.id()),
              Optional.empty(),
              entitlement.validTo()),
          entitlement.version(),
          Optional.of(referrer));
    }

    /**
     * Raises a {@code LOW_ACTIVITY} task (principle 6; never a suspension) when, in the latest
     * completed year of the entitlement (from {@code validFrom} and each anniversary after it, in
     * the employer's zone), the referrer made no more requests at the employer than the
     * procedures' minimum, which they must exceed. Once per entitlement and year, due the
     * procedures' response days later: each entitlement is decided on by itself, and a successor
     * after a change of scope, whose predecessor's open tasks the sweep cancels, gets its own. A
     * year that began before the day the register first held the entitlement (in the employer's
     * zone) is not judged: its requests were made before the register recorded any, so their count
     * would be a count of nothing, not low activity (an employer moving its register here judges
     * that year from its old records). The year after is.
     */
    private void raiseLowActivity(
        Entitlement entitlement, PersonId referrer, WrittenProcedures written) {
      int years = Period.between(entitlement.validFrom(), date).getYears();
      if (years < 1) {
        return;
      }
      LocalDate yearFrom = entitlement.validFrom().plusYears(years - 1L);
      LocalDate yearTo = entitlement.validFrom().plusYears(years);
      if (firstHeldOn(entitlement).isAfter(yearFrom)) {
        return;
      }
      ReferralCount count =
          activity.requests(
              referrer,
              employer.id(),
              yearFrom.atStartOfDay(employer.zone()).toInstant(),
              yearTo.atStartOfDay(employer.zone()).toInstant());
      if (count.requests() > written.minimumRequestsPerYear()) {
        return;
      }
      raise(
          new TaskRaiser.Draft(
              TaskKind.LOW_ACTIVITY,
              TaskCause.of(
                  "LOW_ACTIVITY/" + entitlement.id() + "/" + yearFrom,
                  referrer + " made " + count.requests() + " requests at " + employer.id()
                      + " from " + yearFrom + " to " + yearTo.minusDays(1)
                      + ", not more than the procedures' minimum of "
                      + written.minimumRequestsPerYear() + " a year"),
              referrer,
              employer.id(),
              Optional.of(entitlement.id()),
              Optional.empty(),
              date.plusDays(written.taskResponseDays())),
          entitlement.version(),
          Optional.empty());
    }

    /** The day, in the employer's zone, the register recorded the first version of {@code entitlement}. */
    private LocalDate firstHeldOn(Entitlement entitlement) {
      Instant first = entitlements.history(entitlement.id()).stream()
          .map(Entitlement::recordedAt)
          .min(Comparator.naturalOrder())
          .orElse(entitlement.recordedAt());
      return LocalDate.ofInstant(first, employer.zone());
    }

    /**
     * Raises the task of {@code draft} in a unit of work of its own, audited as {@code raise-task}
     * with the task as subject, unless its cause was raised before; tells {@code alsoTell} too,
     * naming the task. The sweep decided on the entitlement or application the draft names as it
     * read it: when that record changed in between, the raise is refused {@code
     * CONCURRENT_CHANGE} and the next run judges it again; a cause raised concurrently in
     * between is refused {@code DUPLICATE_ID}.
     */
    private void raise(
        TaskRaiser.Draft draft, long decidedOnVersion, Optional<PersonId> alsoTell) {
      if (raiser.raisedBefore(draft.cause().key())) {
        return;
      }
      TaskId id = raiser.nextId(employer.id());
      runner
          .run(
              Action.RAISE_TASK,
              id.value(),
              new CommandContext(SWEEP, at, draft.cause().description()),
              () -> tasks.find(id).map(States::of),
              () -> {
                stillCurrentConcern(draft, decidedOnVersion);
                return raiser
                      .raise(id, draft, at)
                      .map(
                          task -> {
                            alsoTell.ifPresent(
                                person ->
                                    notifier.person(
                                        person,
                                        TaskRaiser.notificationKind(task.kind()),
                                        task.id().value(),
                                        "Task " + task.id() + " for the delegates of "
                                            + employer.id() + ": " + draft.cause().description(),
                                        at));
                            return CommandOutcome.accepted(task)
                                .with("cause", draft.cause().key())
                                .raising(List.of(task.id()));
                          })
                      .orElseGet(
                          () ->
                              CommandOutcome.refused(
                                  RefusalCode.DUPLICATE_ID,
                                  "a task for " + draft.cause().key() + " was raised meanwhile"));
              })
          .toOptional()
          .ifPresent(task -> report.addTasksRaised(task.id()));
    }

    /**
     * Suspends an active individual entitlement that may no longer be used, or flags the lapsed
     * training that does not stop it; empty when a concurrent change got there first.
     */
    private Optional<Entitlement> sweepActive(
        Entitlement entitlement, PersonId referrer, WrittenProcedures written) {
      RequiredTraining.Assessment assessment =
          RequiredTraining.assess(
              entitlement.scope(), written, training.forPerson(referrer), date);
      List<String> causes = new ArrayList<>();
      eligibility.refusals(entitlement, date).stream().map(Refusal::message).forEach(causes::add);
      if (assessment.everyRuleBlocked()) {
        causes.add(
            "required training lapsed: "
                + assessment.lapses().stream()
                    .filter(TrainingStanding::blocks)
                    .map(TrainingStanding::describe)
                    .toList());
      }
      auditOverdue(entitlement, referrer, written).ifPresent(causes::add);
      if (causes.isEmpty()) {
        assessment.lapses().forEach(lapse -> judgeTrainingLapse(entitlement, referrer, lapse));
        return Optional.of(entitlement);
      }
      Optional<Entitlement> suspended =
          change(
              entitlement,
              EntitlementStatus.SUSPENDED,
              Action.SUSPEND_ENTITLEMENT,
              String.join("; ", causes));
      suspended.ifPresent(done -> report.addSuspended(done.id()));
      return suspended;
    }

    /**
     * The audit of practice is overdue (principle 10) when the latest audit's next due date, or
     * {@code validFrom} plus the audit interval before any audit, plus the grace days, is before
     * the date.
     */
    private Optional<String> auditOverdue(
        Entitlement entitlement, PersonId referrer, WrittenProcedures written) {
      ImmutableList<AuditRecord> audits =
          auditRecords.forReferrer(referrer, entitlement.employer());
      LocalDate due =
          audits.isEmpty()
              ? entitlement.validFrom().plus(written.auditInterval())
              : audits.get(audits.size() - 1).nextDue();
      LocalDate graceEnds = due.plusDays(written.auditGraceDays());
      return graceEnds.isBefore(date)
          ? Optional.of(
              "audit of practice overdue: due on " + due + ", grace ended on " + graceEnds)
          : Optional.empty();
    }

    /**
     * Training in its grace period raises a {@code TRAINING_GRACE} task (scenario S5), due on the
     * grace period's last day, and tells the referrer; any other lapse that does not stop the
     * entitlement (one refusing only some rules, or under {@code NOTIFY_ONLY}) is flagged.
     */
    private void judgeTrainingLapse(
        Entitlement entitlement, PersonId referrer, TrainingStanding lapse) {
      if (lapse.standing() != TrainingStanding.Standing.IN_GRACE) {
        flagTrainingLapse(entitlement, referrer, lapse);
        return;
      }
      LocalDate graceEnds = lapse.lastValidDay().orElseThrow().plusDays(lapse.policy().graceDays());
      raise(
          new TaskRaiser.Draft(
              TaskKind.TRAINING_GRACE,
              TaskCause.of(
                  "TRAINING_GRACE/" + entitlement.id() + "/" + lapse.lapseKey(),
                  "Training required by entitlement " + entitlement.id() + " of " + referrer
                      + " at " + employer.id() + ": " + lapse.describe()),
              referrer,
              employer.id(),
              Optional.of(entitlement.id()),
              Optional.empty(),
              graceEnds),
          entitlement.version(),
          Optional.of(referrer));
    }

    private void flagTrainingLapse(
        Entitlement entitlement, PersonId referrer, TrainingStanding lapse) {
      flag(
          entitlement,
          Action.FLAG_TRAINING_LAPSED,
          NotificationKind.TRAINING_LAPSED,
          lapse.lapseKey() + ": " + lapse.standing(),
          "Training required by entitlement "
              + entitlement.id()
              + " of "
              + referrer
              + " at "
              + employer.id()
              + ": "
              + lapse.describe(),
          Optional.of(referrer));
    }

    /**
     * A live entitlement whose review date has come raises a {@code REVIEW_DUE} task, due on that
     * date, once per entitlement and date; a group entitlement, which no one referrer holds, is
     * flagged to the delegates instead.
     */
    private void raiseReviewDue(Entitlement entitlement) {
      Optional<LocalDate> due = entitlement.reviewDue().filter(review -> !date.isBefore(review));
      Optional<PersonId> referrer = entitlement.subject().person();
      if (due.isEmpty()) {
        return;
      }
      if (referrer.isEmpty()) {
        flagGroupReviewDue(entitlement);
        return;
      }
      raise(
          new TaskRaiser.Draft(
              TaskKind.REVIEW_DUE,
              TaskCause.of(
                  "REVIEW_DUE/" + entitlement.id() + "/" + due.get(),
                  "The review of entitlement " + entitlement.id() + " of " + referrer.get()
                      + " at " + employer.id() + " is due on " + due.get()),
              referrer.get(),
              employer.id(),
              Optional.of(entitlement.id()),
              Optional.empty(),
              due.get()),
          entitlement.version(),
          Optional.empty());
    }

    private void flagGroupReviewDue(Entitlement entitlement) {
      entitlement
          .reviewDue()
          .filter(due -> !date.isBefore(due))
          .ifPresent(
              due ->
                  flag(
                      entitlement,
                      Action.FLAG_REVIEW_DUE,
                      NotificationKind.REVIEW_DUE,
                      "review due on " + due,
                      "The review of entitlement "
                          + entitlement.id()
                          + " ("
                          + entitlement.subject()
                          + ") at "
                          + employer.id()
                          + " is due since "
                          + due,
                      Optional.empty()));
    }

    /**
     * Reports the flag and, the first time it is seen, tells the delegates and {@code alsoTell} and
     * records it, in one unit of work.
     */
    private void flag(
        Entitlement entitlement,
        Action action,
        NotificationKind kind,
        String flag,
        String message,
        Optional<PersonId> alsoTell) {
      report.addFlagged(entitlement.id() + ": " + flag);
      if (!flags.raiseFirstTime(entitlement.id().value(), flag)) {
        return;
      }
      String subject = entitlement.id().value();
      runner.run(
          action,
          subject,
          new CommandContext(SWEEP, at, message),
          read(entitlement),
          found -> found.map(States::of),
          found -> {
            stillCurrent(entitlement, found);
            notifier.delegates(employer.id(), kind, subject, message, at);
            alsoTell.ifPresent(person -> notifier.person(person, kind, subject, message, at));
            return CommandOutcome.accepted(entitlement).with(SweepFlags.DETAIL, flag);
          });
    }

    private Optional<Entitlement> change(
        Entitlement entitlement, EntitlementStatus target, Action action, String reason) {
      CommandContext context = new CommandContext(SWEEP, at, reason);
      return runner
          .run(
              action,
              entitlement.id().value(),
              context,
              read(entitlement),
              found -> found.map(States::of),
              found -> {
                stillCurrent(entitlement, found);
                return CommandOutcome.accepted(changes.move(entitlement, target, reason, context));
              })
          .toOptional();
    }

    private void stillCurrentConcern(TaskRaiser.Draft draft, long decided) {
      if (draft.entitlement().isPresent()) {
        EntitlementId id = draft.entitlement().get();
        ComplianceSweepService.stillCurrent(
            "entitlement", id.value(), decided, entitlements.find(id), Entitlement::version);
      }
      if (draft.application().isPresent()) {
        ApplicationId id = draft.application().get();
        ComplianceSweepService.stillCurrent(
            "application", id.value(), decided, applications.find(id), Application::version);
      }
    }

    private Supplier<Optional<Entitlement>> read(Entitlement entitlement) {
      return () -> entitlements.find(entitlement.id());
    }

    private static void stillCurrent(Entitlement decided, Optional<Entitlement> found) {
      ComplianceSweepService.stillCurrent(
          "entitlement", decided.id().value(), decided.version(), found, Entitlement::version);
    }
  }

  /**
   * Lets a change or flag the sweep decided on a record's version {@code decided} go ahead only
   * if the unit of work's read of the record, whose state its audit record names as the state
   * before, {@code found}, is that version still: the sweep reads the register before each unit,
   * and a change committed in between would otherwise leave a record naming a state the sweep
   * did not act on (principle 1). A later version is refused {@code CONCURRENT_CHANGE}, and the
   * next run judges the record again.
   *
   * @throws ConcurrentChangeException when {@code found} is not version {@code decided}
   */
  private static <R> void stillCurrent(
      String kind, String id, long decided, Optional<R> found, ToLongFunction<R> version) {
    long current = found.map(version::applyAsLong).orElse(0L);
    if (current != decided) {
      throw new ConcurrentChangeException(kind + " " + id, decided, current);
    }
  }
}
