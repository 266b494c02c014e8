package org.irmer.entitlement.core.domain;

import com.google.common.collect.ImmutableSet;
import java.util.Set;

/**
 * The state machine of a {@link Task}:
 *
 * <pre>
 * OPEN → DECIDED | CANCELLED
 * </pre>
 *
 * <p>A task is decided by a current delegate of its employer (principle 1), or cancelled by the
 * system when what it is about no longer needs a decision (the entitlement it concerns has ended,
 * the application has been decided). Both are final: a task is never reopened; a new cause raises
 * a new task.
 */
public enum TaskState {
  OPEN,
  DECIDED,
  CANCELLED;

  /** The states this one may move to. */
  public Set<TaskState> successors() {
    return this == OPEN ? ImmutableSet.of(DECIDED, CANCELLED) : ImmutableSet.of();
  }

  public boolean canMoveTo(TaskState next) {
    return successors().contains(next);
  }

  public boolean isFinal() {
    return successors().isEmpty();
  }
}
