package org.irmer.entitlement.core.port.out;

import com.google.common.collect.ImmutableList;
import java.util.Optional;
import org.irmer.entitlement.core.domain.EmployerId;
import org.irmer.entitlement.core.domain.Task;
import org.irmer.entitlement.core.domain.TaskId;
import org.irmer.entitlement.core.domain.TaskQuery;

/**
 * The delegates' tasks, with every version kept (principles 1 and 6). At most one task is stored
 * per {@linkplain org.irmer.entitlement.core.domain.TaskCause#key() cause key}, whatever its state,
 * so that raising the same cause twice, in two sweeps or on two nodes, stores one task.
 *
 * @throws StoreUnavailableException from any method when the store cannot be read or written
 */
public interface TaskStore {

  /** The latest version; empty when unknown. */
  Optional<Task> find(TaskId id);

  /** Every version of the task, oldest first; empty when unknown. */
  ImmutableList<Task> history(TaskId id);

  /** The latest version of the task raised for {@code causeKey}; empty when none was. */
  Optional<Task> forCause(String causeKey);

  /** The latest version of every task {@code query} matches, sorted by due date, then by id. */
  ImmutableList<Task> query(TaskQuery query);

  /** How many tasks have been raised for the employer's delegates, in any state. */
  int countAt(EmployerId employer);

  /**
   * Stores a new task as version 1, unless a task for its cause key is stored already: then that
   * one is left unchanged and nothing is written (the raise is idempotent). Returns the task
   * stored, with version 1, or empty when the cause had been raised before.
   *
   * @throws DuplicateRecordException when the cause is new but the id is taken; nothing is written
   * @throws IllegalArgumentException when {@code task} is not {@code OPEN}
   */
  Optional<Task> raise(Task task);

  /**
   * Saves the next version of a stored task (its decision or cancellation); {@code
   * expectedVersion} is the version read. Returns the saved value, whose version is {@code
   * expectedVersion + 1}.
   *
   * @throws ConcurrentChangeException when {@code expectedVersion} is no longer the latest, or the
   *     task was never stored
   * @throws IllegalArgumentException when {@code expectedVersion} is below 1 (a new task is
   *     {@linkplain #raise raised}) or the cause key differs from the stored one
   */
  Task save(Task task, long expectedVersion);
}
