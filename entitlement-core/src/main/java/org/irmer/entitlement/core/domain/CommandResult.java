package org.irmer.entitlement.core.domain;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;
import static com.google.common.base.Preconditions.checkState;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import java.util.Optional;

/**
 * The result of a lifecycle command: either the value it produced, or every reason it was refused.
 * A refusal is a domain outcome, not an exception (ARCHITECTURE.md, error model).
 */
public final class CommandResult<T> {

  private final Optional<T> value;
  private final ImmutableList<Refusal> refusals;

  private CommandResult(Optional<T> value, ImmutableList<Refusal> refusals) {
    this.value = value;
    this.refusals = refusals;
  }

  public static <T> CommandResult<T> accepted(T value) {
    return new CommandResult<>(Optional.of(checkNotNull(value, "value")), ImmutableList.of());
  }

  public static <T> CommandResult<T> refused(Iterable<Refusal> refusals) {
    ImmutableList<Refusal> list = ImmutableList.copyOf(refusals);
    checkArgument(!list.isEmpty(), "a refusal has at least one reason");
    return new CommandResult<>(Optional.empty(), list);
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

  public ImmutableSet<RefusalCode> refusalCodes() {
    return refusals.stream().map(Refusal::code).collect(ImmutableSet.toImmutableSet());
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof CommandResult<?> result
        && result.value.equals(value) && result.refusals.equals(refusals);
  }

  @Override
  public int hashCode() {
    return value.hashCode() * 31 + refusals.hashCode();
  }

  @Override
  public String toString() {
    return isAccepted() ? "accepted " + value.get() : "refused " + refusals;
  }
}
