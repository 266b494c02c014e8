package org.irmer.entitlement.core.domain;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;
import static com.google.common.base.Preconditions.checkState;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import java.util.Optional;

/**
 * The result of a lifecycle command: either the value it produced, with the tasks it raised for the
 * delegates, or every reason it was refused. A refusal is a domain outcome, not an exception
 * (ARCHITECTURE.md, error model), and raises no task.
 */
public final class CommandResult<T> {

  private final Optional<T> value;
  private final ImmutableList<Refusal> refusals;
  private final ImmutableList<TaskId> tasksRaised;

  private CommandResult(Optional<T> value, ImmutableList<Refusal> refusals,
      ImmutableList<TaskId> tasksRaised) {
    this.value = value;
    this.refusals = refusals;
    this.tasksRaised = tasksRaised;
  }

  public static <T> CommandResult<T> accepted(T value) {
    return new CommandResult<>(Optional.of(checkNotNull(value, "value")), ImmutableList.of(),
        ImmutableList.of());
  }

  /**
   * This accepted result, also naming {@code raised} (after the tasks it names already, each
   * once, in order).
   *
   * @throws IllegalStateException when the command was refused: a refused command raises nothing
   */
  public CommandResult<T> withTasksRaised(Iterable<TaskId> raised) {
    checkState(isAccepted(), "a refused command raises no task: %s", refusals);
    ImmutableSet<TaskId> all =
        ImmutableSet.<TaskId>builder().addAll(tasksRaised).addAll(raised).build();
    return new CommandResult<>(value, refusals, all.asList());
  }

  public static <T> CommandResult<T> refused(Iterable<Refusal> refusals) {
    ImmutableList<Refusal> list = ImmutableList.copyOf(refusals);
    checkArgument(!list.isEmpty(), "a refusal has at least one reason");
    return new CommandResult<>(Optional.empty(), list, ImmutableList.of());
  }

  public static <T> CommandResult<T> refused(RefusalCode code, String message) {
    return refused(ImmutableList.of(Refusal.of(code, message)));
  }

  public boolean isAccepted() {
    return value.isPresent();
  }

  /** The value of an accepted command. */
  public T value() {
    checkState(value.isPresent(), "the command was refused: %s", refusals);
    return value.get();
  }

  public Optional<T> toOptional() {
    return value;
  }

  /** Every reason of a refused command; empty when accepted. */
  public ImmutableList<Refusal> refusals() {
    return refusals;
  }

  /** The tasks the command raised for the delegates, oldest first; empty when refused. */
  public ImmutableList<TaskId> tasksRaised() {
    return tasksRaised;
  }

  public ImmutableSet<RefusalCode> refusalCodes() {
    return refusals.stream().map(Refusal::code).collect(ImmutableSet.toImmutableSet());
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof CommandResult<?> result
        && result.value.equals(value) && result.refusals.equals(refusals)
        && result.tasksRaised.equals(tasksRaised);
  }

  @Override
  public int hashCode() {
    return (value.hashCode() * 31 + refusals.hashCode()) * 31 + tasksRaised.hashCode();
  }

  @Override
  public String toString() {
    if (!isAccepted()) {
      return "refused " + refusals;
    }
    return tasksRaised.isEmpty()
        ? "accepted " + value.get()
        : "accepted " + value.get() + ", raising " + tasksRaised;
  }
}
