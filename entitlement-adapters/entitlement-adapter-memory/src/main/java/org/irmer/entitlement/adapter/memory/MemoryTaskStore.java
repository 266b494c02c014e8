package org.irmer.entitlement.adapter.memory;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableList;
import java.util.Comparator;
import java.util.Optional;
import org.irmer.entitlement.core.domain.EmployerId;
import org.irmer.entitlement.core.domain.Task;
import org.irmer.entitlement.core.domain.TaskId;
import org.irmer.entitlement.core.domain.TaskQuery;
import org.irmer.entitlement.core.port.out.ConcurrentChangeException;
import org.irmer.entitlement.core.port.out.TaskStore;

/**
 * The delegates' tasks, every version kept. A raise checks the cause key and saves under the one
 * write lock, so two threads raising the same cause store one task.
 */
final class MemoryTaskStore implements TaskStore {

  private static final Comparator<Task> DUE_THEN_ID =
      Comparator.comparing(Task::dueOn).thenComparing(Task::id);

  private final UndoJournal journal;
  private final VersionedRecords<TaskId, Task> tasks;

  MemoryTaskStore(UndoJournal journal) {
    this.journal = journal;
    tasks = new VersionedRecords<>("task", Task::version,
        (task, version) -> Task.builder().from(task).version(version)
            .createdAt(StoredInstants.truncate(task.createdAt()))
            .decidedAt(task.decidedAt().map(StoredInstants::truncate)).build(),
        journal);
  }

  @Override
  public Optional<Task> find(TaskId id) {
    return tasks.latest(id);
  }

  @Override
  public ImmutableList<Task> history(TaskId id) {
    return tasks.history(id);
  }

  @Override
  public Optional<Task> forCause(String causeKey) {
    return tasks.latestWhere(task -> task.cause().key().equals(causeKey)).stream().findFirst();
  }

  @Override
  public ImmutableList<Task> query(TaskQuery query) {
    return tasks.latestWhere(query::matches).stream().sorted(DUE_THEN_ID)
        .collect(ImmutableList.toImmutableList());
  }

  @Override
  public int countAt(EmployerId employer) {
    return tasks.latestWhere(task -> task.employer().equals(employer)).size();
  }

  @Override
  public Optional<Task> raise(Task task) {
    checkArgument(task.isOpen(), "task %s is raised OPEN, not %s", task.id(), task.state());
    return journal.write(() -> forCause(task.cause().key()).isPresent()
        ? Optional.empty()
        : Optional.of(tasks.save(task.id(), task, 0)));
  }

  @Override
  public Task save(Task task, long expectedVersion) {
    checkArgument(expectedVersion >= 1,
        "task %s: a new task is raised, not saved at expected version %s", task.id(),
        expectedVersion);
    return journal.write(() -> {
      Task stored = tasks.latest(task.id()).orElseThrow(
          () -> new ConcurrentChangeException("task " + task.id(), expectedVersion, 0));
      checkArgument(stored.cause().key().equals(task.cause().key()),
          "task %s: its cause %s cannot become %s", task.id(), stored.cause().key(),
          task.cause().key());
      return tasks.save(task.id(), task, expectedVersion);
    });
  }
}
