package org.irmer.entitlement.core.port.in;

import com.google.common.collect.ImmutableList;
import java.util.Optional;
import org.irmer.entitlement.core.domain.CommandContext;
import org.irmer.entitlement.core.domain.CommandResult;
import org.irmer.entitlement.core.domain.Task;
import org.irmer.entitlement.core.domain.TaskDecision;
import org.irmer.entitlement.core.domain.TaskId;
import org.irmer.entitlement.core.domain.TaskQuery;

/**
 * The delegates' work (principles 1 and 6 of the 2025 joint guidance): the tasks the compliance
 * sweep and the lifecycle raise, listed, opened and decided.
 *
 * <p>Deciding a task runs the lifecycle command its {@link TaskDecision} calls for, through {@link
 * ManageEntitlements} or {@link ManageApplications} with the delegate's context, and saves the
 * task {@code DECIDED}, in one unit of work: either both happen or neither. Every attempt, accepted
 * or refused, appends one {@code decide-task} audit record (subject the task, actor, causes, state
 * before and after, the decision in its details); an accepted one also appends the records of the
 * command it ran. Refusals:
 *
 * <ul>
 *   <li>{@code NOT_FOUND}: no such task;
 *   <li>{@code NOT_A_CURRENT_DELEGATE}: the actor is not a current delegate of the task's employer
 *       on the command's date in the employer's zone (principle 1); the system never decides;
 *   <li>{@code ILLEGAL_TRANSITION}: the task is not {@code OPEN} (already decided or cancelled);
 *   <li>{@code INVALID_REQUEST}: the task's kind does not allow the decision;
 *   <li>{@code CONCURRENT_CHANGE}: someone decided it, or changed what it concerns, first;
 *   <li>every refusal of the command the decision runs (a suspension of an entitlement that is no
 *       longer live is {@code ILLEGAL_TRANSITION}, for example); nothing is then changed.
 * </ul>
 *
 * <p>The context's cause is kept as the task's note.
 */
public interface ManageTasks {

  /** The tasks {@code query} matches, sorted by due date, then by id. */
  ImmutableList<Task> list(TaskQuery query);

  /** The task as it stands; empty when unknown. */
  Optional<Task> find(TaskId id);

  /** Every version of the task, oldest first; empty when unknown. */
  ImmutableList<Task> history(TaskId id);

  /** Decides the task as described above; returns it {@code DECIDED}. */
  CommandResult<Task> decide(TaskId id, TaskDecision decision, CommandContext context);
}
