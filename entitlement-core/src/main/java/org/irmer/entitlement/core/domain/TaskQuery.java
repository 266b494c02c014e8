package org.irmer.entitlement.core.domain;

import java.time.LocalDate;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * Which tasks to list: each criterion given narrows the list, and a query without any lists every
 * task. {@code dueBefore} keeps the tasks due strictly before that day.
 */
@Value.Immutable
public abstract class TaskQuery {

  public abstract Optional<EmployerId> employer();

  public abstract Optional<PersonId> referrer();

  public abstract Optional<TaskState> state();

  public abstract Optional<TaskKind> kind();

  public abstract Optional<LocalDate> dueBefore();

  /** Whether {@code task} meets every criterion given. */
  public boolean matches(Task task) {
    return employer().map(task.employer()::equals).orElse(true)
        && referrer().map(task.referrer()::equals).orElse(true)
        && state().map(wanted -> task.state() == wanted).orElse(true)
        && kind().map(wanted -> task.kind() == wanted).orElse(true)
        && dueBefore().map(task.dueOn()::isBefore).orElse(true);
  }

  /** Every task. */
  public static TaskQuery all() {
    return builder().build();
  }

  /** The open tasks of an employer's delegates. */
  public static TaskQuery openAt(EmployerId employer) {
    return builder().employer(employer).state(TaskState.OPEN).build();
  }

  public static Builder builder() {
    return new Builder();
  }

  public static class Builder extends ImmutableTaskQuery.Builder {}
}
