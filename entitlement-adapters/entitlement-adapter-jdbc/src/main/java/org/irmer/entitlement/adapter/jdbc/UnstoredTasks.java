package org.irmer.entitlement.adapter.jdbc;

import com.google.common.collect.ImmutableList;
import java.util.Optional;
import org.irmer.entitlement.core.domain.EmployerId;
import org.irmer.entitlement.core.domain.Task;
import org.irmer.entitlement.core.domain.TaskId;
import org.irmer.entitlement.core.domain.TaskQuery;
import org.irmer.entitlement.core.port.out.StoreUnavailableException;
import org.irmer.entitlement.core.port.out.TaskStore;

/**
 * The task store of a database whose schema has no table for tasks yet: it holds none, so every
 * read finds nothing, and it fails closed on every write, since a task it accepted would be lost.
 * A sweep that would raise a task over this register therefore stops with {@link
 * StoreUnavailableException} rather than forget the work.
 */
final class UnstoredTasks implements TaskStore {

  private static final String WHY = "this database register cannot store tasks: its schema has no"
      + " task table";

  @Override
  public Optional<Task> find(TaskId id) {
    return Optional.empty();
  }

  @Override
  public ImmutableList<Task> history(TaskId id) {
    return ImmutableList.of();
  }

  @Override
  public Optional<Task> forCause(String causeKey) {
    return Optional.empty();
  }

  @Override
  public ImmutableList<Task> query(TaskQuery query) {
    return ImmutableList.of();
  }

  @Override
  public int countAt(EmployerId employer) {
    return 0;
  }

  @Override
  public Optional<Task> raise(Task task) {
    throw new StoreUnavailableException(WHY + "; task " + task.id() + " was not raised");
  }

  @Override
  public Task save(Task task, long expectedVersion) {
    throw new StoreUnavailableException(WHY + "; task " + task.id() + " was not saved");
  }
}
