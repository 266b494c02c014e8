package org.irmer.entitlement.core.service;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSortedSet;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.irmer.entitlement.core.domain.Actor;
import org.irmer.entitlement.core.domain.Application;
import org.irmer.entitlement.core.domain.ApplicationId;
import org.irmer.entitlement.core.domain.ApplicationStatus;
import org.irmer.entitlement.core.domain.ApplicationTimes;
import org.irmer.entitlement.core.domain.CommandContext;
import org.irmer.entitlement.core.domain.CommandResult;
import org.irmer.entitlement.core.domain.Delegation;
import org.irmer.entitlement.core.domain.Employer;
import org.irmer.entitlement.core.domain.EmployerId;
import org.irmer.entitlement.core.domain.Entitlement;
import org.irmer.entitlement.core.domain.EntitlementId;
import org.irmer.entitlement.core.domain.EntitlementStatus;
import org.irmer.entitlement.core.domain.EntitlementSubject;
import org.irmer.entitlement.core.domain.Refusal;
import org.irmer.entitlement.core.domain.RefusalCode;
import org.irmer.entitlement.core.domain.Scope;
import org.irmer.entitlement.core.domain.TrainingType;
import org.irmer.entitlement.core.domain.WrittenProcedures;
import org.irmer.entitlement.core.port.in.ManageApplications;
import org.irmer.entitlement.core.port.out.ApplicationStore;
import org.irmer.entitlement.core.port.out.ChangeNoticeStore;
import org.irmer.entitlement.core.port.out.DelegationStore;
import org.irmer.entitlement.core.port.out.EmployerStore;
import org.irmer.entitlement.core.port.out.EntitlementStore;
import org.irmer.entitlement.core.port.out.NotificationKind;
import org.irmer.entitlement.core.port.out.Notifications;
import org.irmer.entitlement.core.port.out.PersonStore;
import org.irmer.entitlement.core.port.out.RegistrationLookup;
import org.irmer.entitlement.core.port.out.TrainingStore;

/**
 * Applications for entitlement (principle 2) and the delegate's decisions on them (principle 1),
 * over the driven ports of a {@link Register}.
 *
 * <p>The applicant submits, revises and withdraws; only a current delegate of the application's
 * employer, never the applicant, reviews and decides. Each change of status tells the other party:
 * the delegates ({@code delegates:<employer>}) of what the applicant did, the applicant of what a
 * delegate did. Approval grants the entitlement with the id {@code E-<application id>}.
 */
public final class ApplicationService implements ManageApplications {

  private final ApplicationStore applications;
  private final EmployerStore employers;
  private final EntitlementStore entitlements;
  private final TrainingStore training;
  private final ChangeNoticeStore notices;
  private final CommandRunner runner;
  private final Delegates delegates;
  private final ApplicationValidation validation;
  private final Notifier notifier;
  private final PersonStore people;

  /**
   * The service over these ports; {@code work} makes each command one audited unit of work that
   * publishes the entitlements it grants on the change feed.
   */
  public ApplicationService(
      ApplicationStore applications,
      PersonStore people,
      EmployerStore employers,
      DelegationStore delegations,
      EntitlementStore entitlements,
      TrainingStore training,
      ChangeNoticeStore notices,
      RegistrationLookup registrations,
      Notifications notifications,
      UnitOfWork work) {
    this.applications = checkNotNull(applications, "applications");
    this.employers = checkNotNull(employers, "employers");
    this.entitlements = Publishing.entitlements(checkNotNull(entitlements, "entitlements"), work.changes());
    this.training = checkNotNull(training, "training");
    this.notices = checkNotNull(notices, "notices");
    this.runner = new CommandRunner(work);
    this.delegates = new Delegates(checkNotNull(delegations, "delegations"));
    this.validation = new ApplicationValidation(employers,
        checkNotNull(people, "people"),
        new Eligibility(people),
        checkNotNull(registrations, "registrations"));
    this.notifier = new Notifier(checkNotNull(notifications, "notifications"));
    this.people = people;
  }

  @Override
  public ImmutableList<ApplicationTimes> times(EmployerId employer, Instant at) {
    checkNotNull(employer, "employer");
    checkNotNull(at, "at");
    Optional<Employer> known = employers.find(employer);
    Optional<WrittenProcedures> procedures = employers.currentProcedures(employer);
    if (known.isEmpty() || procedures.isEmpty()) {
      return ImmutableList.of();
    }
    return people.all().stream()
        .flatMap(person -> applications.forApplicant(person.id()).stream())
        .filter(application -> application.employer().equals(employer))
        .sorted(Comparator.comparing(Application::id))
        .map(application -> ApplicationTimes.of(applications.history(application.id()),
            procedures.get(), known.get().zone(), at))
        .collect(ImmutableList.toImmutableList());
  }

  @Override
  public CommandResult<Application> submit(Application application, CommandContext context) {
    checkNotNull(application, "application");
    checkNotNull(context, "context");
    return runner.run(
        Action.SUBMIT_APPLICATION,
        application.id().value(),
        context,
        () -> applications.find(application.id()),
        found -> found.map(States::of),
        found -> {
          List<Refusal> refusals = new ArrayList<>();
          if (found.isPresent()) {
            refusals.add(
                Refusal.of(
                    RefusalCode.INVALID_REQUEST,
                    "application " + application.id() + " already exists"));
          }
          if (application.status() != ApplicationStatus.SUBMITTED
              || application.decidedBy().isPresent()
              || application.entitlement().isPresent()) {
            refusals.add(
                Refusal.of(
                    RefusalCode.INVALID_REQUEST,
                    "a new application is SUBMITTED and carries no decision or entitlement"));
          }
          refusals.addAll(validation.refusals(application, context.at()));
          if (!refusals.isEmpty()) {
            return CommandOutcome.refused(refusals);
          }
          Application saved =
              applications
                  .save(
                      Application.builder().from(application).recordedAt(context.at()).build(), 0);
          tellDelegates(saved, "was submitted by " + saved.applicant() + " for review", context);
          return CommandOutcome.accepted(saved);
        });
  }

  @Override
  public CommandResult<Application> startReview(ApplicationId id, CommandContext context) {
    return decide(
        Action.START_REVIEW, id, ApplicationStatus.UNDER_REVIEW, context, "is under review");
  }

  @Override
  public CommandResult<Application> requestInformation(ApplicationId id, CommandContext context) {
    return decide(
        Action.REQUEST_INFORMATION,
        id,
        ApplicationStatus.INFO_REQUESTED,
        context,
        "needs more information: " + checkNotNull(context, "context").cause());
  }

  @Override
  public CommandResult<Application> refuse(ApplicationId id, CommandContext context) {
    return decide(
        Action.REFUSE_APPLICATION,
        id,
        ApplicationStatus.REFUSED,
        context,
        "was refused: " + checkNotNull(context, "context").cause());
  }

  @Override
  public CommandResult<Application> provideInformation(
      Application revised, CommandContext context) {
    checkNotNull(revised, "revised");
    checkNotNull(context, "context");
    return runner.run(
        Action.PROVIDE_INFORMATION,
        revised.id().value(),
        context,
        () -> applications.find(revised.id()),
        found -> found.map(States::of),
        found -> {
          if (found.isEmpty()) {
            return notFound(revised.id());
          }
          Application stored = found.get();
          List<Refusal> refusals = new ArrayList<>(byApplicant(stored, context));
          if (stored.status() != ApplicationStatus.INFO_REQUESTED) {
            refusals.add(illegalTransition(stored, ApplicationStatus.UNDER_REVIEW));
          }
          if (!revised.applicant().equals(stored.applicant())
              || !revised.employer().equals(stored.employer())
              || revised.type() != stored.type()) {
            refusals.add(
                Refusal.of(
                    RefusalCode.INVALID_REQUEST,
                    "a revision keeps the application's applicant, employer and entitlement type"));
          }
          refusals.addAll(validation.refusals(revised, context.at()));
          if (!refusals.isEmpty()) {
            return CommandOutcome.refused(refusals);
          }
          Application saved =
              applications
                  .save(
                      Application.builder()
                          .from(revised)
                          .status(ApplicationStatus.UNDER_REVIEW)
                          .note(stored.note())
                          .decidedBy(stored.decidedBy())
                          .entitlement(stored.entitlement())
                          .recordedAt(context.at())
                          .build(),
                      stored.version());
          tellDelegates(saved, "was revised with the information requested", context);
          return CommandOutcome.accepted(saved);
        });
  }

  @Override
  public CommandResult<Entitlement> approve(ApplicationId id, CommandContext context) {
    checkNotNull(id, "id");
    checkNotNull(context, "context");
    return onApplication(
        Action.APPROVE_APPLICATION,
        id,
        context,
        application -> {
          Review review = review(application, ApplicationStatus.APPROVED, context);
          List<Refusal> refusals = new ArrayList<>(review.refusals());
          refusals.addAll(validation.refusals(application, context.at()));
          ChangeNotices.pendingForRole(notices, application.role())
              .map(
                  notice ->
                      Refusal.of(
                          RefusalCode.ROLE_NOT_VALID,
                          "role "
                              + application.role()
                              + " ends on "
                              + notice.lastDay()
                              + " under notice "
                              + notice.id()))
              .ifPresent(refusals::add);
          if (!refusals.isEmpty()) {
            return CommandOutcome.refused(refusals);
          }
          Entitlement granted = grant(application, review, context);
          Application approved =
              applications
                  .save(
                      decided(application, ApplicationStatus.APPROVED, context)
                          .entitlement(granted.id())
                          .build(),
                      application.version());
          tellApplicant(
              approved,
              "was approved: entitlement "
                  + granted.id()
                  + " is "
                  + granted.status()
                  + " from "
                  + granted.validFrom()
                  + " to "
                  + granted.validTo(),
              context);
          return CommandOutcome.accepted(granted)
              .with("entitlement", granted.id().value())
              .with("entitlementState", States.of(granted));
        });
  }

  @Override
  public CommandResult<Application> withdraw(ApplicationId id, CommandContext context) {
    checkNotNull(id, "id");
    checkNotNull(context, "context");
    return onApplication(
        Action.WITHDRAW_APPLICATION,
        id,
        context,
        application -> {
          List<Refusal> refusals = new ArrayList<>(byApplicant(application, context));
          transitionRefusal(application, ApplicationStatus.WITHDRAWN).ifPresent(refusals::add);
          if (!refusals.isEmpty()) {
            return CommandOutcome.refused(refusals);
          }
          Application withdrawn =
              applications
                  .save(
                      Application.builder()
                          .from(application)
                          .status(ApplicationStatus.WITHDRAWN)
                          .recordedAt(context.at())
                          .build(),
                      application.version());
          tellDelegates(withdrawn, "was withdrawn by the applicant", context);
          return CommandOutcome.accepted(withdrawn);
        });
  }

  /** A delegate's decision that moves the application to {@code target} and tells the applicant. */
  private CommandResult<Application> decide(
      Action action,
      ApplicationId id,
      ApplicationStatus target,
      CommandContext context,
      String toApplicant) {
    checkNotNull(id, "id");
    checkNotNull(context, "context");
    return onApplication(
        action,
        id,
        context,
        application -> {
          Review review = review(application, target, context);
          if (!review.refusals().isEmpty()) {
            return CommandOutcome.refused(review.refusals());
          }
          Application.Builder next =
              target == ApplicationStatus.UNDER_REVIEW
                  ? Application.builder().from(application).status(target).recordedAt(context.at())
                  : decided(application, target, context);
          Application saved = applications.save(next.build(), application.version());
          tellApplicant(saved, toApplicant, context);
          return CommandOutcome.accepted(saved);
        });
  }

  /**
   * Who reviews: the delegation under which the actor acts for the application's employer on the
   * command's local date, and every reason they may not move it to {@code target}.
   */
  private Review review(Application application, ApplicationStatus target, CommandContext context) {
    LocalDate date = context.dateIn(Employers.zoneOf(employers, application.employer()));
    Optional<Delegation> delegation = delegates.of(context.actor(), application.employer(), date);
    List<Refusal> refusals = new ArrayList<>();
    if (delegation.isEmpty()) {
      refusals.add(Delegates.notADelegate(context.actor(), application.employer(), date));
    }
    if (isApplicant(context.actor(), application)) {
      refusals.add(
          Refusal.of(
              RefusalCode.OWN_APPLICATION,
              context.actor() + " may not decide their own application " + application.id()));
    }
    transitionRefusal(application, target).ifPresent(refusals::add);
    return new Review(delegation, date, refusals);
  }

  private Entitlement grant(Application application, Review review, CommandContext context) {
    WrittenProcedures procedures =
        employers.currentProcedures(application.employer()).orElseThrow();
    Scope scope = application.proposedScope().orElseThrow();
    ImmutableSortedSet<TrainingType> awaiting =
        RequiredTraining.notCurrent(
            scope,
            procedures,
            training.forPerson(application.applicant()),
            review.date());
    String granted = "granted on approval of application " + application.id();
    return entitlements
        .save(
            Grants.granted(
                    EntitlementId.of("E-" + application.id()),
                    scope,
                    procedures,
                    review.delegation().orElseThrow(),
                    review.date(),
                    context)
                .type(application.type())
                .subject(EntitlementSubject.individual(application.applicant()))
                .role(application.role())
                .status(
                    awaiting.isEmpty()
                        ? EntitlementStatus.ACTIVE
                        : EntitlementStatus.PENDING_PREREQUISITES)
                .statusReason(
                    awaiting.isEmpty() ? granted : granted + "; awaiting training " + awaiting)
                .application(application.id())
                .supervisor(application.supervisor())
                .clinicalLead(application.clinicalLead())
                .accountableManager(application.accountableManager())
                .build(),
            0);
  }

  /** The application moved to {@code target} by the acting delegate, with their note. */
  private static Application.Builder decided(
      Application application, ApplicationStatus target, CommandContext context) {
    return Application.builder()
        .from(application)
        .status(target)
        .note(context.cause())
        .decidedBy(context.actor().personId())
        .recordedAt(context.at());
  }

  private static List<Refusal> byApplicant(Application application, CommandContext context) {
    return isApplicant(context.actor(), application)
        ? List.of()
        : List.of(
            Refusal.of(
                RefusalCode.NOT_THE_APPLICANT,
                "only the applicant "
                    + application.applicant()
                    + " may withdraw or revise application "
                    + application.id()));
  }

  private static boolean isApplicant(Actor actor, Application application) {
    return actor.personId().map(application.applicant()::equals).orElse(false);
  }

  private static Optional<Refusal> transitionRefusal(
      Application application, ApplicationStatus target) {
    return application.status().canMoveTo(target)
        ? Optional.empty()
        : Optional.of(illegalTransition(application, target));
  }

  private static Refusal illegalTransition(Application application, ApplicationStatus target) {
    return Refusal.of(
        RefusalCode.ILLEGAL_TRANSITION,
        "application "
            + application.id()
            + " is "
            + application.status()
            + " and cannot move to "
            + target);
  }

  /** Runs a command on a stored application; refused {@code NOT_FOUND} when there is none. */
  private <T> CommandResult<T> onApplication(
      Action action,
      ApplicationId id,
      CommandContext context,
      Function<Application, CommandOutcome<T>> body) {
    return runner.run(
        action,
        id.value(),
        context,
        () -> applications.find(id),
        found -> found.map(States::of),
        found -> found.map(body).orElseGet(() -> notFound(id)));
  }

  private static <T> CommandOutcome<T> notFound(ApplicationId id) {
    return CommandOutcome.refused(RefusalCode.NOT_FOUND, "application " + id + " is not known");
  }

  private void tellApplicant(Application application, String what, CommandContext context) {
    notifier.person(
        application.applicant(),
        NotificationKind.APPLICATION,
        application.id().value(),
        "Your application " + application.id() + " " + what,
        context.at());
  }

  private void tellDelegates(Application application, String what, CommandContext context) {
    notifier.delegates(
        application.employer(),
        NotificationKind.APPLICATION,
        application.id().value(),
        "Application " + application.id() + " " + what,
        context.at());
  }

  /** The acting delegate's standing on an application, on the command's local date. */
  private record Review(Optional<Delegation> delegation, LocalDate date, List<Refusal> refusals) {}
}
