package org.irmer.entitlement.adapter.jdbc;

import static com.google.common.base.Preconditions.checkNotNull;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.irmer.entitlement.core.port.out.StoreUnavailableException;
import org.irmer.entitlement.core.port.out.Transactions;

/**
 * The register's database and its units of work: one JDBC transaction per outermost {@link
 * #inTransaction} call on a thread, which every store of the adapter joins (the {@link Transactions}
 * contract).
 *
 * <ul>
 *   <li>Isolation is READ COMMITTED: other threads and nodes see a unit's writes only once it has
 *       committed. Lost updates are prevented by the stores' conditional writes on the version, not
 *       by isolation.
 *   <li>An exception or {@link Error} from the work rolls the transaction back and is rethrown
 *       unchanged; a failure to commit rolls back and becomes a {@link StoreUnavailableException}.
 *   <li>Work registered with {@link #afterCommit} runs once the commit has succeeded, in the
 *       committing thread, before {@code inTransaction} returns; work registered with {@link
 *       #onRollback} runs when it has not.
 * </ul>
 */
final class Database implements Transactions {

  private final DataSource dataSource;
  private final Dialect dialect;
  private final ThreadLocal<Unit> current = new ThreadLocal<>();

  Database(DataSource dataSource, Dialect dialect) {
    this.dataSource = checkNotNull(dataSource, "dataSource");
    this.dialect = checkNotNull(dialect, "dialect");
  }

  Dialect dialect() {
    return dialect;
  }

  @Override
  public <T> T inTransaction(Supplier<T> work) {
    return run(work, false);
  }

  @Override
  public <T> T reading(Supplier<T> work) {
    return run(work, true);
  }

  private <T> T run(Supplier<T> work, boolean readOnly) {
    checkNotNull(work, "work");
    if (current.get() != null) {
      return work.get();
    }
    Unit unit = begin(readOnly);
    current.set(unit);
    T result;
    try {
      result = work.get();
    } catch (Throwable failure) {
      current.remove();
      unit.rollback();
      throw failure;
    }
    current.remove();
    unit.commit();
    return result;
  }

  /** Whether the calling thread is inside a unit of work. */
  boolean inUnit() {
    return current.get() != null;
  }

  /**
   * Runs {@code work} on the connection of the calling thread's unit of work, or in a unit of its
   * own when there is none. An {@link SQLException} becomes a {@link StoreUnavailableException}
   * naming {@code what}.
   */
  <T> T call(String what, SqlWork<T> work) {
    return inTransaction(() -> {
      try {
        return work.run(current.get().connection);
      } catch (SQLException failure) {
        throw SqlFailures.unavailable(what, failure);
      }
    });
  }

  /** Runs {@code action} after the calling thread's unit of work commits. */
  void afterCommit(Runnable action) {
    unit().afterCommit.add(action);
  }

  /** Runs {@code action} if the calling thread's unit of work rolls back instead. */
  void onRollback(Runnable action) {
    unit().onRollback.add(action);
  }

  private Unit unit() {
    Unit unit = current.get();
    if (unit == null) {
      throw new IllegalStateException("not inside a unit of work");
    }
    return unit;
  }

  private Unit begin(boolean readOnly) {
    Connection connection;
    try {
      connection = dataSource.getConnection();
    } catch (SQLException failure) {
      throw SqlFailures.unavailable("opening a connection to the register database", failure);
    }
    try {
      // Pooled connections come in auto-commit mode (the pool restores it), where the isolation
      // may still be changed; the transaction begins when auto-commit is turned off.
      connection.setReadOnly(readOnly);
      connection.setTransactionIsolation(readOnly
          ? Connection.TRANSACTION_REPEATABLE_READ : Connection.TRANSACTION_READ_COMMITTED);
      connection.setAutoCommit(false);
      return new Unit(connection);
    } catch (SQLException failure) {
      closeQuietly(connection);
      throw SqlFailures.unavailable("beginning a unit of work", failure);
    }
  }

  private static void closeQuietly(Connection connection) {
    try {
      connection.close();
    } catch (SQLException ignored) {
      // The connection is being given up; the pool discards a broken one.
    }
  }

  /** One open transaction and what is to happen when it ends. */
  private static final class Unit {
    final Connection connection;
    final List<Runnable> afterCommit = new ArrayList<>();
    final List<Runnable> onRollback = new ArrayList<>();

    Unit(Connection connection) {
      this.connection = connection;
    }

    void commit() {
      try {
        connection.commit();
      } catch (SQLException failure) {
        rollback();
        throw SqlFailures.unavailable("committing a unit of work", failure);
      }
      closeQuietly(connection);
      afterCommit.forEach(Unit::runQuietly);
    }

    void rollback() {
      try {
        connection.rollback();
      } catch (SQLException ignored) {
        // A connection that cannot roll back is broken: the server rolls the transaction back when
        // it goes, and the pool discards it.
      } finally {
        closeQuietly(connection);
        onRollback.forEach(Unit::runQuietly);
      }
    }

    private static void runQuietly(Runnable action) {
      try {
        action.run();
      } catch (RuntimeException ignored) {
        // A hook's failure cannot undo the outcome of the transaction, which stands.
      }
    }
  }

  /** Work on a JDBC connection. */
  @FunctionalInterface
  interface SqlWork<T> {
    T run(Connection connection) throws SQLException;
  }
}
