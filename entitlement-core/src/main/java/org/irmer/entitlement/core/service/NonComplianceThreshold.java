package org.irmer.entitlement.core.service;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSortedSet;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.irmer.entitlement.core.domain.Actor;
import org.irmer.entitlement.core.domain.CommandContext;
import org.irmer.entitlement.core.domain.ComplianceEvent;
import org.irmer.entitlement.core.domain.Employer;
import org.irmer.entitlement.core.domain.Entitlement;
import org.irmer.entitlement.core.domain.EntitlementStatus;
import org.irmer.entitlement.core.domain.PersonId;
import org.irmer.entitlement.core.domain.Task;
import org.irmer.entitlement.core.domain.TaskCause;
import org.irmer.entitlement.core.domain.TaskId;
import org.irmer.entitlement.core.domain.TaskKind;
import org.irmer.entitlement.core.domain.WrittenProcedures;
import org.irmer.entitlement.core.port.out.ComplianceEventStore;
import org.irmer.entitlement.core.port.out.EntitlementStore;
import org.irmer.entitlement.core.port.out.NotificationKind;

/**
 * The non-compliance counter of principle 6: the referrer's events at the employer that {@linkplain
 * ComplianceEvent#countsTowardsNonCompliance() count} (upheld, and never a {@code BLOCKED_ATTEMPT},
 * scenario S4), whose {@code occurredAt} lies in the procedures' rolling window: from the command's
 * instant minus the window (taken in the employer's zone), to the command's instant, both
 * inclusive.
 *
 * <p>Evaluated when a counting event inside the window is recorded. Whenever the count is at or
 * above the threshold, so again for every further counting event, the procedures' action is taken
 * (scenario S11):
 *
 * <ul>
 *   <li>{@code REVIEW}: a {@code SUSPENSION_REVIEW} {@link Task} for the employer's delegates, its
 *       cause the event that reached the threshold, due after the procedures' response days, and a
 *       notice naming it to the referrer and to the supervisor of each of their live entitlements
 *       there; no status changes until a delegate decides (through {@code ManageTasks});
 *   <li>{@code SUSPEND}: each of the referrer's {@code ACTIVE} entitlements at the employer is
 *       suspended at once by the system actor {@code non-compliance-threshold}.
 * </ul>
 */
final class NonComplianceThreshold {

  static final Actor RULE = Actor.system("non-compliance-threshold");

  private final ComplianceEventStore events;
  private final EntitlementStore entitlements;
  private final EntitlementChanges changes;
  private final Notifier notifier;
  private final TaskRaiser tasks;

  NonComplianceThreshold(
      ComplianceEventStore events,
      EntitlementStore entitlements,
      EntitlementChanges changes,
      Notifier notifier,
      TaskRaiser tasks) {
    this.events = events;
    this.entitlements = entitlements;
    this.changes = changes;
    this.notifier = notifier;
    this.tasks = tasks;
  }

  /** What the counter found and did, in words for the audit record, and the task it raised. */
  record Finding(String words, Optional<TaskId> raised) {

    ImmutableList<TaskId> tasksRaised() {
      return raised.stream().collect(ImmutableList.toImmutableList());
    }
  }

  /**
   * Counts after {@code recorded} was stored and acts as the procedures say; returns what it found
   * and did.
   */
  Finding evaluate(
      ComplianceEvent recorded,
      Employer employer,
      WrittenProcedures procedures,
      Action trigger,
      CommandContext context) {
    Instant windowStart =
        context.at().atZone(employer.zone()).minus(procedures.nonComplianceWindow()).toInstant();
    long count =
        events.forReferrer(recorded.referrer(), employer.id()).stream()
            .filter(
                event ->
                    event.countsTowardsNonCompliance()
                        && within(event.occurredAt(), windowStart, context.at()))
            .count();
    String finding =
        count
            + " counting events within "
            + procedures.nonComplianceWindow()
            + ", threshold "
            + procedures.nonComplianceThreshold();
    if (!recorded.countsTowardsNonCompliance()
        || !within(recorded.occurredAt(), windowStart, context.at())
        || count < procedures.nonComplianceThreshold()) {
      return new Finding(finding, Optional.empty());
    }
    String reason = "non-compliance threshold reached: " + finding;
    return switch (procedures.nonComplianceAction()) {
      case REVIEW -> raiseReview(recorded, employer, procedures, reason, finding, context);
      case SUSPEND -> new Finding(
          finding + "; " + suspend(recorded.referrer(), employer, reason, trigger, context),
          Optional.empty());
    };
  }

  /**
   * Raises a suspension review for the delegates, its cause the event that reached the threshold
   * (so recording it again raises nothing twice), due after the procedures' response days, and
   * tells the referrer and their supervisors, naming the task.
   */
  private Finding raiseReview(
      ComplianceEvent recorded,
      Employer employer,
      WrittenProcedures procedures,
      String reason,
      String finding,
      CommandContext context) {
    PersonId referrer = recorded.referrer();
    TaskCause cause = TaskCause.of(
        "SUSPENSION_REVIEW/" + employer.id() + "/" + referrer + "/" + recorded.id(),
        "Review " + referrer + " for suspension at " + employer.id() + ": " + reason);
    LocalDate today = context.at().atZone(employer.zone()).toLocalDate();
    Optional<Task> raised = tasks.raise(new TaskRaiser.Draft(TaskKind.SUSPENSION_REVIEW, cause,
        referrer, employer.id(), Optional.empty(), Optional.empty(),
        today.plusDays(procedures.taskResponseDays())), context.at());
    if (raised.isEmpty()) {
      return new Finding(finding + "; suspension review raised before for " + recorded.id(),
          Optional.empty());
    }
    String subject = raised.get().id().value();
    notifier.person(
        referrer,
        NotificationKind.SUSPENSION_REVIEW,
        subject,
        "Your entitlement at " + employer.id() + " will be reviewed by a delegate: " + reason,
        context.at());
    for (PersonId supervisor : supervisors(referrer, employer)) {
      notifier.person(
          supervisor,
          NotificationKind.SUSPENSION_REVIEW,
          subject,
          "The entitlement of "
              + referrer
              + ", whom you supervise, will be reviewed at "
              + employer.id()
              + ": "
              + reason,
          context.at());
    }
    return new Finding(finding + "; suspension review raised: task " + subject,
        Optional.of(raised.get().id()));
  }

  private String suspend(
      PersonId referrer, Employer employer, String reason, Action trigger, CommandContext context) {
    List<Entitlement> suspended =
        live(referrer, employer).stream()
            .filter(entitlement -> entitlement.status() == EntitlementStatus.ACTIVE)
            .map(
                entitlement ->
                    changes.consequence(
                        entitlement,
                        EntitlementStatus.SUSPENDED,
                        reason,
                        Action.SUSPEND_ENTITLEMENT,
                        RULE,
                        trigger,
                        context))
            .toList();
    return "suspended " + suspended.stream().map(Entitlement::id).toList();
  }

  private ImmutableSortedSet<PersonId> supervisors(PersonId referrer, Employer employer) {
    return live(referrer, employer).stream()
        .flatMap(entitlement -> entitlement.supervisor().stream())
        .collect(ImmutableSortedSet.toImmutableSortedSet(PersonId::compareTo));
  }

  private ImmutableList<Entitlement> live(PersonId referrer, Employer employer) {
    return entitlements.forPerson(referrer).stream()
        .filter(
            entitlement ->
                entitlement.employer().equals(employer.id()) && !entitlement.status().isFinal())
        .collect(ImmutableList.toImmutableList());
  }

  private static boolean within(Instant instant, Instant from, Instant to) {
    return !instant.isBefore(from) && !instant.isAfter(to);
  }
}
