package org.irmer.entitlement.benchmarks;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.atomic.AtomicInteger;
import org.irmer.entitlement.adapter.jdbc.JdbcRegister;

/**
 * The PostgreSQL the persistence benchmarks run on: the server named by {@code
 * ENTITLEMENT_BENCH_PG_URL} (with {@code ENTITLEMENT_BENCH_PG_USER} and {@code
 * ENTITLEMENT_BENCH_PG_PASSWORD}) when that is set, and otherwise one embedded PostgreSQL started
 * once per JVM, in a temporary directory, with {@code fsync=on} and {@code synchronous_commit=on}:
 * the embedded server's defaults turn both off, and a recorded check counts only once its audit
 * record is on disk. Each register a benchmark opens gets a schema of its own, dropped when it is
 * closed or, for those kept for the whole run, when the JVM ends ({@link #atExit}).
 */
final class BenchPostgres {

  private static final AtomicInteger SCHEMAS = new AtomicInteger();
  private static BenchPostgres server;

  /** What to close when the JVM ends, last registered first, before the server stops. */
  private final Deque<Runnable> closers = new ArrayDeque<>();

  final String url;
  final String user;
  final String password;
  final String origin;

  private BenchPostgres(String url, String user, String password, String origin) {
    this.url = url;
    this.user = user;
    this.password = password;
    this.origin = origin;
  }

  /** The JVM's server, started on first use. */
  static synchronized BenchPostgres server() {
    if (server == null) {
      server = start();
    }
    return server;
  }

  /**
   * Runs {@code closer} when the JVM ends, before the embedded server stops: for what a whole run
   * shares, such as W2 copied once. Closers run last registered first; one that fails does not
   * keep the others from running.
   */
  synchronized void atExit(Runnable closer) {
    closers.push(closer);
  }

  private void closeAll() {
    Runnable closer;
    while ((closer = next()) != null) {
      try {
        closer.run();
      } catch (RuntimeException failure) {
        System.err.println("while closing the benchmarks' registers: " + failure);
      }
    }
  }

  private synchronized Runnable next() {
    return closers.poll();
  }

  /** A name for a new schema, unique on the server while this JVM runs. */
  static String newSchema(String what) {
    return "bench_" + what + "_" + ProcessHandle.current().pid() + "_" + SCHEMAS.incrementAndGet();
  }

  /** A register on {@code schema}, pooling at most {@code poolSize} connections. */
  JdbcRegister.Builder register(String schema, int poolSize) {
    return JdbcRegister.on(url).login(user, password).schema(schema).poolSize(poolSize);
  }

  /** Where the server is, and its version. */
  String describe() {
    try (Connection connection = DriverManager.getConnection(url, user, password);
        Statement statement = connection.createStatement();
        ResultSet version = statement.executeQuery("SHOW server_version")) {
      version.next();
      return origin + ", PostgreSQL " + version.getString(1);
    } catch (SQLException failure) {
      throw new IllegalStateException("the benchmarks' PostgreSQL could not be asked its version",
          failure);
    }
  }

  /** Drops {@code schema} and everything in it, as the login that created it. */
  void drop(String schema) {
    try (Connection owner = DriverManager.getConnection(url, user, password);
        Statement statement = owner.createStatement()) {
      statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
    } catch (SQLException failure) {
      throw new IllegalStateException("the benchmark schema " + schema + " could not be dropped",
          failure);
    }
  }

  private static BenchPostgres start() {
    String given = System.getenv("ENTITLEMENT_BENCH_PG_URL");
    if (given != null && !given.isBlank()) {
      BenchPostgres external = new BenchPostgres(given,
          System.getenv().getOrDefault("ENTITLEMENT_BENCH_PG_USER", "postgres"),
          System.getenv().getOrDefault("ENTITLEMENT_BENCH_PG_PASSWORD", ""),
          "the PostgreSQL server at ENTITLEMENT_BENCH_PG_URL");
      Runtime.getRuntime().addShutdownHook(new Thread(external::closeAll));
      return external;
    }
    try {
      // The embedded server starts with -F (no fsync) and synchronous_commit=off; these come
      // after and win.
      EmbeddedPostgres embedded = EmbeddedPostgres.builder()
          .setServerConfig("fsync", "on")
          .setServerConfig("synchronous_commit", "on")
          .start();
      BenchPostgres started = new BenchPostgres(embedded.getJdbcUrl("postgres", "postgres"),
          "postgres", "postgres",
          "an embedded PostgreSQL (io.zonky.test), fsync=on, synchronous_commit=on");
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        started.closeAll();
        try {
          embedded.close();
        } catch (IOException ignored) {
          // The run is ending; the server's files are in a temporary directory.
        }
      }));
      return started;
    } catch (IOException | RuntimeException failure) {
      throw new IllegalStateException("The embedded PostgreSQL the persistence benchmarks need"
          + " could not start (" + failure + "). Set ENTITLEMENT_BENCH_PG_URL (and"
          + " ENTITLEMENT_BENCH_PG_USER, ENTITLEMENT_BENCH_PG_PASSWORD) to run them on a"
          + " PostgreSQL server instead.", failure);
    }
  }
}
