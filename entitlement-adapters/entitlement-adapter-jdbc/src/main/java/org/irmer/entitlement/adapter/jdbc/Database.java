package org.irmer.entitlement.adapter.jdbc;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.util.concurrent.Uninterruptibles;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
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
 *   <li>Work registered with {@link #beforeCommit} runs on the unit's connection, in the order
 *       registered, once the unit's work has returned and before the commit: deferred writes (the
 *       trail's batched records and its head) go there. A failure of such work counts as a failure
 *       of the unit's work: the transaction is rolled back and the failure rethrown (an {@link
 *       SQLException} as a {@link StoreUnavailableException}).
 *   <li>Work registered with {@link #afterCommit} runs once the commit has succeeded, in the
 *       committing thread, before {@code inTransaction} returns; work registered with {@link
 *       #onRollback} runs when it has not.
 *   <li>{@link #state} keeps what a store needs to remember for the rest of one unit of work (the
 *       trail's locked head); it is created afresh in each unit and dropped with it, committed or
 *       rolled back, so nothing of a rolled-back unit outlives it.
 *   <li>{@link #inGroupCommit} hands the work to one committer thread, which runs the units that
 *       callers have submitted meanwhile (at most {@value #GROUP_LIMIT}) in one transaction and
 *       commits them once: one commit, one flush of the write-ahead log, for many small units such
 *       as recorded checks. Each caller returns after that commit and its after-commit work, with
 *       its own result. When any unit of a group throws, or the group's before-commit work fails,
 *       the group is rolled back and each of its units is run again alone, in a transaction of
 *       its own, so that one unit's failure fails only its own caller; when the group's commit
 *       fails, every caller of the group gets the {@link StoreUnavailableException} and nothing of
 *       the group is written.
 * </ul>
 */
final class Database implements Transactions {

  private final DataSource dataSource;
  private final Dialect dialect;
  private final ThreadLocal<Unit> current = new ThreadLocal<>();

  /** The most units committed together by {@link #inGroupCommit}. */
  static final int GROUP_LIMIT = 128;
  /** The longest {@link #close} waits for the committer to finish the units submitted. */
  static final int CLOSING_SECONDS = 30;

  private final BlockingQueue<Submission<?>> submitted = new LinkedBlockingQueue<>();
  /** The group committer, started by the first {@link #inGroupCommit}; guarded by this. */
  private Thread committer;
  /** Whether {@link #close} has been called; guarded by this. */
  private boolean closed;

  /**
   * The units of work of {@code dataSource}, whose connections come in auto-commit mode, not
   * read-only, at READ COMMITTED, and are returned so when closed (a pool that restores a
   * connection's state, as {@link JdbcRegister}'s is configured to).
   */
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

  @Override
  public <T> T inGroupCommit(Supplier<T> work) {
    checkNotNull(work, "work");
    if (current.get() != null) {
      return work.get();
    }
    Submission<T> submission = new Submission<>(work);
    if (!submit(submission)) {
      // The committer itself (an after-commit hook of a group) must not wait for itself, and a
      // closed register has no committer: the unit runs alone.
      return run(work, false);
    }
    return submission.outcome();
  }

  private synchronized boolean submit(Submission<?> submission) {
    if (closed || Thread.currentThread() == committer) {
      return false;
    }
    if (committer == null) {
      committer = new Thread(this::commitGroups, "entitlement-group-commit");
      committer.setDaemon(true);
      committer.start();
    }
    submitted.add(submission);
    return true;
  }

  /**
   * Stops the group committer once it has committed the units already submitted, waiting for it
   * at most {@value #CLOSING_SECONDS} seconds; later calls of {@link #inGroupCommit} run their unit
   * alone.
   */
  void close() {
    Thread stopping;
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
      stopping = committer;
      submitted.add(Submission.STOP);
    }
    if (stopping != null) {
      Uninterruptibles.joinUninterruptibly(stopping, CLOSING_SECONDS, TimeUnit.SECONDS);
    }
  }

  /** The committer's loop: takes whatever has been submitted, up to the limit, and commits it. */
  private void commitGroups() {
    boolean stopping = false;
    while (!stopping) {
      List<Submission<?>> group = new ArrayList<>();
      group.add(Uninterruptibles.takeUninterruptibly(submitted));
      submitted.drainTo(group, GROUP_LIMIT - 1);
      // Nothing is submitted after STOP, so it can only be the last of a group.
      stopping = group.remove(Submission.STOP);
      if (!group.isEmpty()) {
        commitGroup(group);
      }
    }
  }

  private void commitGroup(List<Submission<?>> group) {
    try {
      Unit unit;
      try {
        unit = begin(false);
      } catch (StoreUnavailableException failure) {
        group.forEach(submission -> submission.fail(failure));
        return;
      }
      current.set(unit);
      boolean allRan = true;
      for (Submission<?> submission : group) {
        if (!submission.attempt()) {
          allRan = false;
          break;
        }
      }
      if (allRan) {
        try {
          unit.beforeCommit();
        } catch (Throwable failure) {
          // Which unit's deferred write failed is not known: each is run alone and told its own.
          allRan = false;
        }
      }
      current.remove();
      if (allRan) {
        try {
          unit.commit();
        } catch (StoreUnavailableException failure) {
          group.forEach(submission -> submission.fail(failure));
          return;
        }
        group.forEach(Submission::release);
      } else {
        unit.rollback();
        group.forEach(submission -> submission.attemptAlone(this));
      }
    } finally {
      current.remove();
      // Should a hook throw an Error, no caller is left waiting for an outcome that is not coming.
      for (Submission<?> submission : group) {
        if (submission.waiting()) {
          submission.fail(new StoreUnavailableException(
              "the group commit ended abnormally; whether the unit committed is unknown"));
        }
      }
    }
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
      unit.beforeCommit();
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

  /**
   * Runs {@code action} on the connection of the calling thread's unit of work once its work has
   * returned and before it commits, after the actions registered before it, while the unit is still
   * the calling thread's. An {@link SQLException} becomes a {@link StoreUnavailableException}
   * naming {@code what}; any failure rolls the unit back.
   */
  void beforeCommit(String what, SqlAction action) {
    unit().beforeCommit.add(new Deferred(what, action));
  }

  /**
   * What {@code key} holds in the calling thread's unit of work, made by {@code create} the first
   * time the unit asks for it. It lives as long as the unit, which no other thread joins.
   */
  <S> S state(Key<S> key, Supplier<S> create) {
    Unit unit = unit();
    Object held = unit.state.get(key);
    if (held == null) {
      held = checkNotNull(create.get(), "created state");
      unit.state.put(key, held);
    }
    return key.type.cast(held);
  }

  /** The name under which a store keeps state of type {@code S} in a unit of work. */
  static final class Key<S> {
    private final Class<S> type;

    Key(Class<S> type) {
      this.type = checkNotNull(type, "type");
    }
  }

  /**
   * Runs {@code action} after the calling thread's unit of work commits; an action registered
   * more than once in one unit runs once.
   */
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
      // Pooled connections come in auto-commit mode at READ COMMITTED (the pool restores both),
      // where the isolation may still be changed; the transaction begins when auto-commit is turned
      // off. A read-write unit keeps the connection's isolation: setting it again would cost a
      // round trip to the server for every unit, a group commit's included.
      connection.setReadOnly(readOnly);
      if (readOnly) {
        connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
      }
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

  /** Work to run before a unit commits, and what it does, for its failure's message. */
  private record Deferred(String what, SqlAction action) {}

  /** One open transaction and what is to happen when it ends. */
  private static final class Unit {
    final Connection connection;
    final List<Deferred> beforeCommit = new ArrayList<>();
    final Map<Key<?>, Object> state = new HashMap<>();
    final Set<Runnable> afterCommit = new LinkedHashSet<>();
    final List<Runnable> onRollback = new ArrayList<>();

    Unit(Connection connection) {
      this.connection = connection;
    }

    /** Runs the before-commit work, in order; one registered meanwhile runs too. */
    void beforeCommit() {
      for (int i = 0; i < beforeCommit.size(); i++) {
        Deferred deferred = beforeCommit.get(i);
        try {
          deferred.action.run(connection);
        } catch (SQLException failure) {
          throw SqlFailures.unavailable(deferred.what, failure);
        }
      }
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

  /**
   * A unit submitted for group commit, and what became of it. The caller waits, without being
   * interruptible, until the committer releases it: its unit is then committed or has failed.
   */
  private static final class Submission<T> {

    /** Submitted by {@link #close}: the committer stops once it has committed what came before. */
    static final Submission<Void> STOP = new Submission<>(() -> null);

    private final Supplier<T> work;
    private final CountDownLatch released = new CountDownLatch(1);
    private T value;
    private Throwable failure;

    Submission(Supplier<T> work) {
      this.work = work;
    }

    /** Runs the work in the committer's unit; whether it returned. */
    boolean attempt() {
      try {
        value = work.get();
        return true;
      } catch (Throwable thrown) {
        failure = thrown;
        return false;
      }
    }

    /** Runs the work in a unit of work of its own and releases the caller with its outcome. */
    void attemptAlone(Database database) {
      failure = null;
      try {
        value = database.run(work, false);
      } catch (Throwable thrown) {
        value = null;
        failure = thrown;
      }
      release();
    }

    void fail(Throwable thrown) {
      value = null;
      failure = thrown;
      release();
    }

    boolean waiting() {
      return released.getCount() > 0;
    }

    void release() {
      released.countDown();
    }

    T outcome() {
      Uninterruptibles.awaitUninterruptibly(released);
      if (failure != null) {
        throw Submission.<RuntimeException>rethrow(failure);
      }
      return value;
    }

    /** Throws {@code thrown} itself, checked or not, as {@link Transactions} requires. */
    @SuppressWarnings("unchecked")
    private static <E extends Throwable> E rethrow(Throwable thrown) throws E {
      throw (E) thrown;
    }
  }

  /** Work on a JDBC connection. */
  @FunctionalInterface
  interface SqlWork<T> {
    T run(Connection connection) throws SQLException;
  }

  /** Work on a JDBC connection that returns nothing. */
  @FunctionalInterface
  interface SqlAction {
    void run(Connection connection) throws SQLException;
  }
}
