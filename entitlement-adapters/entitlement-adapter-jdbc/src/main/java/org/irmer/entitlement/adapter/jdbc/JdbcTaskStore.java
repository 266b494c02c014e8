package org.irmer.entitlement.adapter.jdbc;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.irmer.entitlement.adapter.jdbc.VersionedTable.Column;
import org.irmer.entitlement.core.domain.EmployerId;
import org.irmer.entitlement.core.domain.Task;
import org.irmer.entitlement.core.domain.TaskId;
import org.irmer.entitlement.core.domain.TaskQuery;
import org.irmer.entitlement.core.port.out.ConcurrentChangeException;
import org.irmer.entitlement.core.port.out.DuplicateRecordException;
import org.irmer.entitlement.core.port.out.TaskStore;

/**
 * The delegates' tasks in {@code task_version} and {@code task_head}, looked up by employer,
 * referrer, state, kind and due date, and {@code task_cause}, whose primary key holds at most one
 * task per cause key (SCHEMA.md, "Tasks").
 *
 * <p>A raise claims its cause key with an insert that a key already taken turns into nothing
 * rather than a failure ({@code ON CONFLICT DO NOTHING} on PostgreSQL, where a failed statement
 * would abort the caller's whole unit of work; on H2 the duplicate is caught), so of racers raising
 * one cause on any nodes exactly one stores a task and the others find it raised, as the port
 * requires.
 */
final class JdbcTaskStore implements TaskStore {

  private static final Column<Task> EMPLOYER =
      new Column<>("employer_id", task -> task.employer().value());
  private static final Column<Task> REFERRER =
      new Column<>("referrer_id", task -> task.referrer().value());
  private static final Column<Task> STATE = new Column<>("state", task -> task.state().name());
  private static final Column<Task> KIND = new Column<>("kind", task -> task.kind().name());
  private static final Column<Task> DUE =
      new Column<>("due_epoch_day", task -> task.dueOn().toEpochDay());

  private static final String DUE_THEN_ID = "v.due_epoch_day, v.id";

  private final Database database;
  private final VersionedTable<Task> table;

  JdbcTaskStore(Database database) {
    this.database = checkNotNull(database, "database");
    table = new VersionedTable<>(database, "task", "task", Task.class, task -> task.id().value(),
        Task::version,
        (task, version) -> Task.builder().from(task).version(version)
            .createdAt(Micros.truncate(task.createdAt()))
            .decidedAt(task.decidedAt().map(Micros::truncate)).build(),
        null, List.of(EMPLOYER, REFERRER, STATE, KIND, DUE));
  }

  @Override
  public Optional<Task> find(TaskId id) {
    return table.latest(id.value());
  }

  @Override
  public ImmutableList<Task> history(TaskId id) {
    return table.history(id.value());
  }

  @Override
  public Optional<Task> forCause(String causeKey) {
    checkNotNull(causeKey, "causeKey");
    return table.latestMatching("by cause " + causeKey,
        "v.id = (SELECT c.task_id FROM task_cause c WHERE c.cause_key = ?)", DUE_THEN_ID,
        List.of(causeKey)).stream().findFirst();
  }

  @Override
  public ImmutableList<Task> query(TaskQuery query) {
    List<String> conditions = new ArrayList<>();
    List<Object> parameters = new ArrayList<>();
    query.employer().ifPresent(employer -> {
      conditions.add("v.employer_id = ?");
      parameters.add(employer.value());
    });
    query.referrer().ifPresent(referrer -> {
      conditions.add("v.referrer_id = ?");
      parameters.add(referrer.value());
    });
    query.state().ifPresent(state -> {
      conditions.add("v.state = ?");
      parameters.add(state.name());
    });
    query.kind().ifPresent(kind -> {
      conditions.add("v.kind = ?");
      parameters.add(kind.name());
    });
    query.dueBefore().ifPresent(day -> {
      conditions.add("v.due_epoch_day < ?");
      parameters.add(day.toEpochDay());
    });
    String condition = conditions.isEmpty() ? "1 = 1" : String.join(" AND ", conditions);
    return table.latestMatching("by " + query, condition, DUE_THEN_ID, parameters);
  }

  @Override
  public int countAt(EmployerId employer) {
    return table.countMatching("at " + employer, "v.employer_id = ?", List.of(employer.value()));
  }

  @Override
  public Optional<Task> raise(Task task) {
    checkArgument(task.isOpen(), "task %s is raised OPEN, not %s", task.id(), task.state());
    String key = task.cause().key();
    return database.call("raising task " + task.id(), connection -> {
      if (causeTaken(connection, key)) {
        return Optional.empty();
      }
      if (table.latest(task.id().value()).isPresent()) {
        throw new DuplicateRecordException("task " + task.id());
      }
      if (!claimCause(connection, key, task.id())) {
        return Optional.empty();
      }
      return Optional.of(table.save(task, 0));
    });
  }

  @Override
  public Task save(Task task, long expectedVersion) {
    checkArgument(expectedVersion >= 1,
        "task %s: a new task is raised, not saved at expected version %s", task.id(),
        expectedVersion);
    return database.call("saving task " + task.id(), connection -> {
      Task stored = table.latest(task.id().value()).orElseThrow(
          () -> new ConcurrentChangeException("task " + task.id(), expectedVersion, 0));
      checkArgument(stored.cause().key().equals(task.cause().key()),
          "task %s: its cause %s cannot become %s", task.id(), stored.cause().key(),
          task.cause().key());
      return table.save(task, expectedVersion);
    });
  }

  private static boolean causeTaken(Connection connection, String key) throws SQLException {
    try (PreparedStatement select =
        connection.prepareStatement("SELECT 1 FROM task_cause WHERE cause_key = ?")) {
      select.setString(1, key);
      try (ResultSet row = select.executeQuery()) {
        return row.next();
      }
    }
  }

  /**
   * Inserts the cause key for {@code id}; false when a racer has taken the key first, which then
   * waits for that racer's unit of work to end.
   *
   * @throws DuplicateRecordException when a racer has taken the id for another cause
   */
  private boolean claimCause(Connection connection, String key, TaskId id) throws SQLException {
    boolean postgres = database.dialect() == Dialect.POSTGRESQL;
    String insert = "INSERT INTO task_cause (cause_key, task_id) VALUES (?, ?)"
        + (postgres ? " ON CONFLICT (cause_key) DO NOTHING" : "");
    try (PreparedStatement claim = connection.prepareStatement(insert)) {
      claim.setString(1, key);
      claim.setString(2, id.value());
      return claim.executeUpdate() == 1;
    } catch (SQLException failure) {
      if (!SqlFailures.isUniqueViolation(failure)) {
        throw failure;
      }
      if (!postgres && causeTaken(connection, key)) {
        return false;
      }
      throw new DuplicateRecordException("task " + id);
    }
  }
}
