package org.irmer.entitlement.adapter.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

import com.google.common.util.concurrent.Uninterruptibles;
import com.zaxxer.hikari.HikariDataSource;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.irmer.entitlement.core.domain.PersonId;
import org.irmer.entitlement.core.port.out.RegisterChange;
import org.irmer.entitlement.core.port.out.RegisterChange.Pending;
import org.irmer.entitlement.core.port.out.StoreUnavailableException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Group commit ({@link Database#inGroupCommit}), on each database: concurrent units share one
 * commit, each caller returns with its own result once that commit is done, a unit that throws
 * fails only its own caller, and a commit that fails fails every caller of its group and writes
 * nothing. The units publish to the change feed, whose table shows what was committed.
 *
 * <p>To put several units in one group for certain, a first unit holds the committer until the
 * others have been submitted: their callers are then all waiting for their outcome.
 */
abstract class GroupCommitCases {

  private static final RuntimeException FAILURE = new IllegalStateException("the unit fails");
  private static final int GROUP = 8;

  /** A register on the database {@code name}, new or shared. */
  protected abstract JdbcRegister.Builder register(String name);

  /** A pool of its own on the database {@code name}. */
  protected abstract HikariDataSource pool(String name);

  protected abstract Dialect dialect();

  private String name;
  private JdbcRegister register;
  private Database database;
  private JdbcChangeFeed feed;
  private final List<AutoCloseable> closing = new ArrayList<>();

  @BeforeEach
  void open() {
    name = TestDatabases.newSchema();
    register = register(name).open();
    database = (Database) register.transactions();
    feed = (JdbcChangeFeed) register.changes();
  }

  @AfterEach
  void close() throws Exception {
    for (AutoCloseable resource : closing) {
      resource.close();
    }
    register.close();
  }

  private static Pending person(String id) {
    return Pending.person(PersonId.of(id));
  }

  private List<String> subjectsCommitted() {
    return feed.changesSince(0, Integer.MAX_VALUE).stream().map(RegisterChange::subject).toList();
  }

  @Test
  void manyCallersAtOnceAllCommitAndEachGetsItsOwnResult() {
    int threads = 16;
    int units = 40;
    List<Caller<List<Long>>> callers = start(threads, thread -> () -> {
      List<Long> sequences = new ArrayList<>();
      for (int unit = 0; unit < units; unit++) {
        String subject = "t" + thread + "-" + unit;
        sequences.add(database.inGroupCommit(() -> feed.publish(person(subject))));
      }
      return sequences;
    });
    joinAll(callers);

    Map<String, Long> returned = new HashMap<>();
    for (int thread = 0; thread < threads; thread++) {
      Caller<List<Long>> caller = callers.get(thread);
      assertThat(caller.failure).as("failure of caller %s", thread).isNull();
      for (int unit = 0; unit < units; unit++) {
        returned.put("t" + thread + "-" + unit, caller.value.get(unit));
      }
    }
    Map<String, Long> committed = new HashMap<>();
    for (RegisterChange change : feed.changesSince(0, Integer.MAX_VALUE)) {
      committed.put(change.subject(), change.sequence());
    }
    assertThat(feed.changesSince(0, Integer.MAX_VALUE)).hasSize(threads * units);
    assertThat(committed).as("each unit's change, at the sequence its caller got")
        .isEqualTo(returned);
  }

  @Test
  void unitsSubmittedTogetherShareOneCommit() {
    AtomicInteger commits = new AtomicInteger();
    Runnable countCommit = commits::incrementAndGet;
    Held held = holdTheCommitter(database);

    List<Caller<Long>> group = start(GROUP, n -> () -> database.inGroupCommit(() -> {
      database.afterCommit(countCommit);
      return feed.publish(person("u" + n));
    }));
    held.releaseWhenWaiting(group);

    for (Caller<Long> caller : group) {
      assertThat(caller.failure).isNull();
      assertThat(caller.value).isPositive();
    }
    assertThat(commits.get()).as("commits of the group's units").isEqualTo(1);
    assertThat(subjectsCommitted()).containsExactlyInAnyOrder(
        "held", "u0", "u1", "u2", "u3", "u4", "u5", "u6", "u7");
  }

  @Test
  void aUnitThatThrowsFailsOnlyItsOwnCallerAndTheOthersCommit() {
    Held held = holdTheCommitter(database);

    List<Caller<Long>> group = start(GROUP, n -> () -> database.inGroupCommit(() -> {
      long sequence = feed.publish(person("u" + n));
      if (n == 2) {
        throw FAILURE;
      }
      if (n == 5) {
        // A statement the database refuses, which on PostgreSQL aborts the whole transaction.
        database.call("reading a table that does not exist",
            connection -> connection.createStatement().execute("SELECT * FROM no_such_table"));
      }
      return sequence;
    }));
    held.releaseWhenWaiting(group);

    assertThat(group.get(2).failure).isSameAs(FAILURE);
    assertThat(group.get(5).failure).isInstanceOf(StoreUnavailableException.class);
    for (int n : new int[] {0, 1, 3, 4, 6, 7}) {
      assertThat(group.get(n).failure).as("failure of unit %s", n).isNull();
    }
    Map<String, Long> committed = new HashMap<>();
    for (RegisterChange change : feed.changesSince(0, Integer.MAX_VALUE)) {
      committed.put(change.subject(), change.sequence());
    }
    assertThat(committed).containsOnlyKeys("held", "u0", "u1", "u3", "u4", "u6", "u7");
    for (int n : new int[] {0, 1, 3, 4, 6, 7}) {
      assertThat(committed.get("u" + n)).as("sequence of unit %s", n).isEqualTo(group.get(n).value);
    }
  }

  @Test
  void aFailedCommitFailsEveryCallerOfTheGroupAndWritesNothing() {
    HikariDataSource pool = pool(name);
    closing.add(pool);
    // Commit number 1 is the holding unit's; number 2, the group's, fails.
    FailingCommits failing = new FailingCommits(pool, 2);
    Database failingDatabase = new Database(failing.dataSource(), dialect());
    closing.add(failingDatabase::close);
    JdbcChangeFeed failingFeed = new JdbcChangeFeed(failingDatabase, feed.schema());
    Held held = holdTheCommitter(failingDatabase);

    List<Caller<Long>> group = start(GROUP, n -> () ->
        failingDatabase.inGroupCommit(() -> failingFeed.publish(person("u" + n))));
    held.releaseWhenWaiting(group);

    for (Caller<Long> caller : group) {
      assertThat(caller.failure).isInstanceOf(StoreUnavailableException.class);
    }
    assertThat(subjectsCommitted()).containsExactly("held");
  }

  @Test
  void insideAUnitOfWorkItJoinsThatUnit() {
    Thread caller = Thread.currentThread();
    AtomicBoolean ranOnTheCaller = new AtomicBoolean();

    Throwable thrown = catchThrowable(() -> database.inTransaction(() -> {
      database.inGroupCommit(() -> {
        ranOnTheCaller.set(Thread.currentThread() == caller);
        return feed.publish(person("P1"));
      });
      assertThat(subjectsCommitted()).as("read inside the outer unit").containsExactly("P1");
      throw FAILURE;
    }));

    assertThat(thrown).isSameAs(FAILURE);
    assertThat(ranOnTheCaller).isTrue();
    assertThat(subjectsCommitted()).isEmpty();
  }

  @Test
  void callsTheFeedsListenersAfterTheCommitBeforeTheCallerReturns() {
    List<Integer> seen = new CopyOnWriteArrayList<>();
    feed.subscribe(() -> seen.add(subjectsCommitted().size()));

    database.inGroupCommit(() -> feed.publish(person("P1")));

    assertThat(seen).contains(1);
  }

  /** A listener called by the committer that submits a unit of its own must not wait for itself. */
  @Test
  void aUnitSubmittedByAListenerOfAGroupRunsAlone() {
    AtomicBoolean submitted = new AtomicBoolean();
    feed.subscribe(() -> {
      if (!subjectsCommitted().isEmpty() && submitted.compareAndSet(false, true)) {
        database.inGroupCommit(() -> feed.publish(person("from the listener")));
      }
    });

    Caller<Long> caller = start(1, n -> () ->
        database.inGroupCommit(() -> feed.publish(person("P1")))).get(0);
    joinAll(List.of(caller));

    assertThat(caller.failure).isNull();
    assertThat(subjectsCommitted()).containsExactly("P1", "from the listener");
  }

  /** A unit that holds the committer of {@code database} until released. */
  private Held holdTheCommitter(Database target) {
    CountDownLatch holding = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    Caller<Long> holder = start(1, n -> () -> target.inGroupCommit(() -> {
      holding.countDown();
      Uninterruptibles.awaitUninterruptibly(release);
      return new JdbcChangeFeed(target, feed.schema()).publish(person("held"));
    })).get(0);
    assertThat(Uninterruptibles.awaitUninterruptibly(holding, 30, TimeUnit.SECONDS))
        .as("the committer runs the holding unit").isTrue();
    return new Held(holder, release);
  }

  private record Held(Caller<Long> holder, CountDownLatch release) {

    /** Releases the committer once every caller of {@code group} waits for its outcome. */
    void releaseWhenWaiting(List<? extends Caller<?>> group) {
      await().atMost(Duration.ofSeconds(30)).until(() -> group.stream()
          .allMatch(caller -> caller.getState() == Thread.State.WAITING));
      release.countDown();
      List<Caller<?>> all = new ArrayList<>(group);
      all.add(holder);
      joinAll(all);
      assertThat(holder.failure).as("failure of the holding unit").isNull();
    }
  }

  private static <T> List<Caller<T>> start(int threads, IntFunction<Supplier<T>> work) {
    List<Caller<T>> callers = new ArrayList<>();
    for (int n = 0; n < threads; n++) {
      Caller<T> caller = new Caller<>(work.apply(n));
      callers.add(caller);
      caller.start();
    }
    return callers;
  }

  private static void joinAll(List<? extends Caller<?>> callers) {
    for (Caller<?> caller : callers) {
      Uninterruptibles.joinUninterruptibly(caller, 60, TimeUnit.SECONDS);
      assertThat(caller.isAlive()).as("%s still running after 60 s", caller.getName()).isFalse();
    }
  }

  /** A thread that runs one piece of work and keeps what came of it. */
  private static final class Caller<T> extends Thread {

    private final Supplier<T> work;
    private volatile T value;
    private volatile Throwable failure;

    Caller(Supplier<T> work) {
      super("group commit caller");
      this.work = work;
    }

    @Override
    public void run() {
      try {
        value = work.get();
      } catch (Throwable thrown) {
        failure = thrown;
      }
    }
  }

  /**
   * Connections whose commit number {@code failing} (counting from 1) fails as a connection lost
   * at commit does: the transaction is rolled back and the driver throws.
   */
  private static final class FailingCommits {

    private final DataSource pool;
    private final AtomicInteger commits = new AtomicInteger();
    private final int failing;

    FailingCommits(DataSource pool, int failing) {
      this.pool = pool;
      this.failing = failing;
    }

    DataSource dataSource() {
      return (DataSource) Proxy.newProxyInstance(getClass().getClassLoader(),
          new Class<?>[] {DataSource.class}, (proxy, method, arguments) -> {
            Object result = invoke(pool, method, arguments);
            return method.getName().equals("getConnection") ? connection((Connection) result)
                : result;
          });
    }

    private Connection connection(Connection real) {
      return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(),
          new Class<?>[] {Connection.class}, (proxy, method, arguments) -> {
            if (method.getName().equals("commit") && commits.incrementAndGet() == failing) {
              real.rollback();
              throw new SQLException("the connection was lost at commit", "08006");
            }
            return invoke(real, method, arguments);
          });
    }

    private static Object invoke(Object target, Method method, Object[] arguments)
        throws Throwable {
      try {
        return method.invoke(target, arguments);
      } catch (InvocationTargetException thrown) {
        throw thrown.getCause();
      }
    }
  }
}
