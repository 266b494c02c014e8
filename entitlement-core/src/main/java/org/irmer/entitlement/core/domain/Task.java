package org.irmer.entitlement.core.domain;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkState;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A piece of work for an employer's delegates, raised by the compliance sweep or the lifecycle
 * (principles 1, 4, 6 and 10 of the 2025 joint guidance; DOMAIN.md scenarios S5 and S11): a
 * suspension review, a low activity, training in its grace period, a review due, a validity
 * ending, an application past its target time. A delegate lists, opens and {@linkplain
 * TaskDecision decides} it; the decision runs the lifecycle command it calls for.
 *
 * <p>Each task has a {@link TaskCause} whose key is unique in its store, so raising is idempotent.
 * Versioned like every record that changes: version 1 is the open task, the next its decision or
 * cancellation, which is final.
 */
@Value.Immutable
public abstract class Task {

  public abstract TaskId id();

  @Value.Default
  public long version() {
    return 0;
  }

  public abstract TaskKind kind();

  @Value.Default
  public TaskState state() {
    return TaskState.OPEN;
  }

  public abstract TaskCause cause();

  /** The referrer the work is about. */
  public abstract PersonId referrer();

  /** The employer whose delegates decide it. */
  public abstract EmployerId employer();

  /** The entitlement it concerns, for a kind that {@linkplain TaskKind.Concerns concerns} one. */
  public abstract Optional<EntitlementId> entitlement();

  /** The application it concerns, for a kind that concerns one. */
  public abstract Optional<ApplicationId> application();

  /** The last day, in the employer's zone, by which a delegate should decide. */
  public abstract LocalDate dueOn();

  /** When it was raised. */
  public abstract Instant createdAt();

  /** When it was decided or cancelled. */
  public abstract Optional<Instant> decidedAt();

  public abstract Optional<TaskDecision> decision();

  /** The delegate who decided it, or the system part that cancelled it. */
  public abstract Optional<Actor> decidedBy();

  /** The decider's words on the decision or cancellation. */
  public abstract Optional<String> note();

  /** Whether it is still waiting for a decision. */
  public boolean isOpen() {
    return state() == TaskState.OPEN;
  }

  /**
   * This task decided by {@code delegate} at {@code at}.
   *
   * @throws IllegalArgumentException when the task is not open or its kind does not allow {@code
   *     decision}
   */
  public Task decided(TaskDecision decision, Actor delegate, Instant at, String note) {
    checkArgument(isOpen(), "task %s is %s, not OPEN", id(), state());
    checkArgument(kind().allows(decision), "a %s task allows %s, not %s", kind(),
        kind().decisions(), decision);
    return builder().from(this).state(TaskState.DECIDED).decision(decision).decidedBy(delegate)
        .decidedAt(at).note(note).build();
  }

  /**
   * This task cancelled by {@code actor} at {@code at} because {@code why}.
   *
   * @throws IllegalArgumentException when the task is not open
   */
  public Task cancelled(Actor actor, Instant at, String why) {
    checkArgument(isOpen(), "task %s is %s, not OPEN", id(), state());
    return builder().from(this).state(TaskState.CANCELLED).decidedBy(actor).decidedAt(at)
        .note(why).build();
  }

  @Value.Check
  protected void check() {
    TaskKind.Concerns concerns = kind().concerns();
    checkState(entitlement().isPresent() == (concerns == TaskKind.Concerns.ENTITLEMENT),
        "task %s: a %s task names an entitlement exactly when it concerns one", id(), kind());
    checkState(application().isPresent() == (concerns == TaskKind.Concerns.APPLICATION),
        "task %s: a %s task names an application exactly when it concerns one", id(), kind());
    checkState(decision().isPresent() == (state() == TaskState.DECIDED),
        "task %s: a decision is present exactly when the task is DECIDED", id());
    checkState(decidedAt().isPresent() == !isOpen() && decidedBy().isPresent() == !isOpen(),
        "task %s: who ended it and when are present exactly when it is not OPEN", id());
    decision().ifPresent(decided -> checkState(kind().allows(decided),
        "task %s: a %s task allows %s, not %s", id(), kind(), kind().decisions(), decided));
    checkState(state() != TaskState.DECIDED || decidedBy().map(actor -> !actor.system()).orElse(false),
        "task %s: only a person decides a task (principle 1)", id());
    decidedAt().ifPresent(at -> checkState(!at.isBefore(createdAt()),
        "task %s: ended at %s, before it was raised at %s", id(), at, createdAt()));
    note().ifPresent(text -> checkState(!text.isBlank(), "task %s: the note is blank", id()));
  }

  public static Builder builder() {
    return new Builder();
  }

  public static class Builder extends ImmutableTask.Builder {}
}
