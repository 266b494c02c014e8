package org.irmer.entitlement.adapter.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.irmer.entitlement.testkit.postgres.TestPostgres;

/**
 * The databases the adapter's tests run on. PostgreSQL is the testkit's {@link TestPostgres}: the
 * server named by {@code ENTITLEMENT_TEST_PG_URL} (with {@code ENTITLEMENT_TEST_PG_USER} and {@code
 * ENTITLEMENT_TEST_PG_PASSWORD}) when that is set, and otherwise one embedded PostgreSQL started
 * once per test run. A test never skips for want of PostgreSQL: when it cannot start, the test
 * fails and says why. Each register a test opens gets a schema of its own.
 */
final class TestDatabases {

  private static final AtomicInteger SCHEMAS = new AtomicInteger();

  private TestDatabases() {}

  /** A register on a new, empty schema of the test PostgreSQL. */
  static JdbcRegister.Builder postgres() {
    return postgres(newSchema());
  }

  /**
   * A register on {@code schema} of the test PostgreSQL, for tests in which several registers (as
   * several application nodes would) share one schema; name it with {@link #newSchema()}.
   */
  static JdbcRegister.Builder postgres(String schema) {
    TestPostgres server = TestPostgres.server();
    return JdbcRegister.on(server.url()).login(server.user(), server.password()).schema(schema);
  }

  /** A register on a new, empty in-memory H2 database. */
  static JdbcRegister.Builder h2() {
    return h2(newSchema());
  }

  /**
   * A register on {@code schema} of the test PostgreSQL reached through the loopback port {@code
   * port} (a {@link FaultyProxy}'s) instead of the server's own.
   */
  static JdbcRegister.Builder postgresThrough(int port, String schema) {
    TestPostgres server = TestPostgres.server();
    String url = server.url().replaceFirst("//[^/]+/", "//127.0.0.1:" + port + "/");
    return JdbcRegister.on(url).login(server.user(), server.password()).schema(schema);
  }

  /** The port the test PostgreSQL listens on, for a {@link FaultyProxy} to it. */
  static int postgresPort() {
    return TestPostgres.server().port();
  }

  /** A register on the in-memory H2 database {@code name}, which other registers may share. */
  static JdbcRegister.Builder h2(String name) {
    return JdbcRegister.on(h2Url(name));
  }

  /**
   * A pool of its own on {@code schema} of the test PostgreSQL, for tests that put something
   * between the adapter and its connections.
   */
  static HikariDataSource postgresPool(String schema) {
    TestPostgres server = TestPostgres.server();
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(server.url());
    config.setUsername(server.user());
    config.setPassword(server.password());
    config.setSchema(schema);
    config.setMaximumPoolSize(4);
    config.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
    return new HikariDataSource(config);
  }

  /** A pool of its own on the in-memory H2 database {@code name}. */
  static HikariDataSource h2Pool(String name) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(h2Url(name));
    config.setMaximumPoolSize(4);
    config.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
    return new HikariDataSource(config);
  }

  private static String h2Url(String name) {
    return "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1";
  }

  /** A connection to the test PostgreSQL as the owner of every schema, for tests that go behind the adapter. */
  static Connection postgresOwner(String schema) throws SQLException {
    TestPostgres server = TestPostgres.server();
    Connection connection = DriverManager.getConnection(server.url(), server.user(), server.password());
    connection.setSchema(schema);
    return connection;
  }

  /**
   * One register for a whole test class on a schema of its own of the test PostgreSQL, emptied
   * before each test: the contract suites' tests each need an empty store, and emptying the tables
   * costs less than migrating a new schema. Emptied as the owner, with triggers off, so that tables
   * whose triggers refuse {@code DELETE} (the audit trail's) are emptied too.
   */
  static final class PerClassPostgres implements AutoCloseable {

    private final String schema = newSchema();
    private JdbcRegister register;

    /** Rows the migrations seed (the trail's and the feed's head rows), by table. */
    private final Map<String, List<Object[]>> seeds = new LinkedHashMap<>();

    /** The class's register, with every table of its schema as the migrations left it. */
    JdbcRegister emptied() {
      if (register == null) {
        register = postgres(schema).open();
        remember();
      } else {
        empty();
      }
      return register;
    }

    private List<String> tables(Statement statement) throws SQLException {
      List<String> tables = new ArrayList<>();
      try (ResultSet rows = statement.executeQuery("SELECT table_name FROM"
          + " information_schema.tables WHERE table_schema = '" + schema + "'"
          + " AND table_type = 'BASE TABLE' AND table_name <> 'flyway_schema_history'")) {
        while (rows.next()) {
          tables.add('"' + rows.getString(1) + '"');
        }
      }
      return tables;
    }

    private void remember() {
      try (Connection owner = postgresOwner(schema);
          Statement statement = owner.createStatement()) {
        for (String table : tables(statement)) {
          try (ResultSet rows = statement.executeQuery("SELECT * FROM " + table)) {
            int columns = rows.getMetaData().getColumnCount();
            while (rows.next()) {
              Object[] row = new Object[columns];
              for (int i = 0; i < columns; i++) {
                row[i] = rows.getObject(i + 1);
              }
              seeds.computeIfAbsent(table, key -> new ArrayList<>()).add(row);
            }
          }
        }
      } catch (SQLException failure) {
        throw new IllegalStateException("the test schema " + schema + " could not be read",
            failure);
      }
    }

    private void empty() {
      try (Connection owner = postgresOwner(schema);
          Statement statement = owner.createStatement()) {
        List<String> tables = tables(statement);
        // DELETE, not TRUNCATE: the tables are small, and TRUNCATE makes new files for each.
        statement.execute("SET session_replication_role = replica");
        for (String table : tables) {
          statement.addBatch("DELETE FROM " + table);
        }
        statement.executeBatch();
        for (Map.Entry<String, List<Object[]>> seed : seeds.entrySet()) {
          for (Object[] row : seed.getValue()) {
            String marks = String.join(", ", Collections.nCopies(row.length, "?"));
            try (PreparedStatement insert = owner.prepareStatement(
                "INSERT INTO " + seed.getKey() + " VALUES (" + marks + ")")) {
              for (int i = 0; i < row.length; i++) {
                insert.setObject(i + 1, row[i]);
              }
              insert.executeUpdate();
            }
          }
        }
      } catch (SQLException failure) {
        throw new IllegalStateException("the test schema " + schema + " could not be emptied",
            failure);
      }
    }

    @Override
    public void close() {
      if (register != null) {
        register.close();
      }
    }
  }

  /** A name for a new schema or database, unique in the test run. */
  static String newSchema() {
    return "register_" + ProcessHandle.current().pid() + "_" + SCHEMAS.incrementAndGet();
  }
}
