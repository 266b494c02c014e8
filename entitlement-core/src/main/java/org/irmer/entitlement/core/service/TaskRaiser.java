package org.irmer.entitlement.core.service;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.irmer.entitlement.core.domain.ApplicationId;
import org.irmer.entitlement.core.domain.EmployerId;
import org.irmer.entitlement.core.domain.EntitlementId;
import org.irmer.entitlement.core.domain.PersonId;
import org.irmer.entitlement.core.domain.Task;
import org.irmer.entitlement.core.domain.TaskCause;
import org.irmer.entitlement.core.domain.TaskId;
import org.irmer.entitlement.core.domain.TaskKind;
import org.irmer.entitlement.core.port.out.NotificationKind;
import org.irmer.entitlement.core.port.out.TaskStore;

/**
 * Raises a task for an employer's delegates inside the calling command's unit of work, once per
 * cause ({@link TaskStore#raise}), and tells the delegates, the notification naming the task as its
 * subject. A task's id is {@code T-<employer>-<n>}, {@code n} one more than the tasks raised at the
 * employer so far; two units racing for one id make the later one {@code DUPLICATE_ID}, and the
 * next attempt takes the next number.
 */
final class TaskRaiser {

  private final TaskStore tasks;
  private final Notifier notifier;

  TaskRaiser(TaskStore tasks, Notifier notifier) {
    this.tasks = tasks;
    this.notifier = notifier;
  }

  /** What a new task is about; the raiser gives it its id and raises it. */
  record Draft(
      TaskKind kind,
      TaskCause cause,
      PersonId referrer,
      EmployerId employer,
      Optional<EntitlementId> entitlement,
      Optional<ApplicationId> application,
      LocalDate dueOn) {}

  /** Whether a task was raised for {@code causeKey} already, in any state. */
  boolean raisedBefore(String causeKey) {
    return tasks.forCause(causeKey).isPresent();
  }

  /** The id the next task at {@code employer} gets. */
  TaskId nextId(EmployerId employer) {
    return TaskId.of("T-" + employer.value() + "-" + (tasks.countAt(employer) + 1));
  }

  /**
   * Raises {@code draft} as task {@code id} at {@code at} and notifies the delegates; empty, with
   * nothing written or sent, when its cause was raised before.
   */
  Optional<Task> raise(TaskId id, Draft draft, Instant at) {
    Task task = Task.builder()
        .id(id)
        .kind(draft.kind())
        .cause(draft.cause())
        .referrer(draft.referrer())
        .employer(draft.employer())
        .entitlement(draft.entitlement())
        .application(draft.application())
        .dueOn(draft.dueOn())
        .createdAt(at)
        .build();
    Optional<Task> raised = tasks.raise(task);
    raised.ifPresent(stored -> notifier.delegates(draft.employer(), notificationKind(draft.kind()),
        stored.id().value(), "Task " + stored.id() + " (" + stored.kind() + ", due on "
            + stored.dueOn() + "): " + draft.cause().description(), at));
    return raised;
  }

  /** Raises {@code draft} under the employer's next id; see {@link #raise(TaskId, Draft, Instant)}. */
  Optional<Task> raise(Draft draft, Instant at) {
    return raise(nextId(draft.employer()), draft, at);
  }

  /** The kind of the notifications that tell people of a task of {@code kind}. */
  static NotificationKind notificationKind(TaskKind kind) {
    return switch (kind) {
      case SUSPENSION_REVIEW -> NotificationKind.SUSPENSION_REVIEW;
      case LOW_ACTIVITY -> NotificationKind.LOW_ACTIVITY;
      case TRAINING_GRACE -> NotificationKind.TRAINING_LAPSED;
      case REVIEW_DUE, VALIDITY_ENDING -> NotificationKind.REVIEW_DUE;
      case APPLICATION_OVERDUE -> NotificationKind.APPLICATION;
    };
  }
}
