package org.irmer.entitlement.adapter.jdbc;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;
import static com.google.common.base.Preconditions.checkState;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import java.util.Properties;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.irmer.entitlement.core.port.out.ChangeFeed;
import org.irmer.entitlement.core.port.out.EntitlementStore;
import org.irmer.entitlement.core.port.out.StoreUnavailableException;
import org.irmer.entitlement.core.port.out.Transactions;

/**
 * The entitlement register on a database: PostgreSQL 15 or later in production, where many
 * application nodes share one database, or H2 (in a file, or in memory) as the embedded default.
 * The one public entry point of this adapter (ARCHITECTURE.md, persistence).
 *
 * <p>{@link Builder#open()} connects through a HikariCP pool and brings the schema up to date with
 * the adapter's Flyway migrations. Close the register to close the pool.
 *
 * <p>Each register has a thread of its own that wakes the change feed's listeners for changes
 * committed by other nodes over the same database: on PostgreSQL it listens for notifications on
 * a connection outside the pool; on H2 it polls at {@link Builder#pollInterval}. It also wakes them
 * every {@link Builder#heartbeat}, so that a follower is called regularly even when nothing
 * changes or the database has stopped answering.
 */
public final class JdbcRegister implements AutoCloseable {

  private final HikariDataSource pool;
  private final Database database;
  private final JdbcEntitlementStore entitlements;
  private final JdbcChangeFeed changes;
  private final ChangeWatcher watcher;

  private JdbcRegister(HikariDataSource pool, Builder builder) {
    this.pool = pool;
    this.database = new Database(pool, builder.dialect);
    this.entitlements = new JdbcEntitlementStore(database);
    String schema = builder.schema.orElseGet(() ->
        database.call("reading the register's schema", connection -> connection.getSchema()));
    this.changes = new JdbcChangeFeed(database, schema);
    this.watcher = builder.dialect == Dialect.POSTGRESQL
        ? ChangeWatcher.listening(changes, builder::connectOutsideThePool, builder.heartbeat)
        : ChangeWatcher.polling(changes, builder.pollInterval, builder.heartbeat);
  }

  /** A builder for a register on the database at {@code jdbcUrl}. */
  public static Builder on(String jdbcUrl) {
    return new Builder(jdbcUrl);
  }

  Transactions transactions() {
    return database;
  }

  EntitlementStore entitlements() {
    return entitlements;
  }

  ChangeFeed changes() {
    return changes;
  }

  /**
   * Stops the change feed's thread, commits the units already submitted for group commit, and
   * closes the connection pool; the register's ports fail from then on.
   */
  @Override
  public void close() {
    watcher.close();
    database.close();
    pool.close();
  }

  /** How to reach the database and how to use it. */
  public static final class Builder {

    private final String url;
    private final Dialect dialect;
    private String user;
    private String password;
    private Optional<String> schema = Optional.empty();
    private int poolSize = 10;
    private Duration pollInterval = Duration.ofMillis(100);
    private Duration heartbeat = Duration.ofSeconds(1);

    private Builder(String url) {
      this.url = checkNotNull(url, "jdbcUrl");
      this.dialect = Dialect.ofUrl(url);
    }

    /** The user and password to log in with. */
    public Builder login(String user, String password) {
      this.user = checkNotNull(user, "user");
      this.password = checkNotNull(password, "password");
      return this;
    }

    /**
     * The schema the register's tables live in, created by the migrations when missing; by default
     * the login's default schema.
     */
    public Builder schema(String schema) {
      checkArgument(schema.matches("[a-z_][a-z0-9_]{0,62}"),
          "a schema name is lower-case letters, digits and underscores: %s", schema);
      this.schema = Optional.of(schema);
      return this;
    }

    /** The most connections the pool keeps open (default 10). */
    public Builder poolSize(int poolSize) {
      checkArgument(poolSize >= 2, "the pool needs at least 2 connections, not %s", poolSize);
      this.poolSize = poolSize;
      return this;
    }

    /**
     * How often, on H2, the change feed is read for changes committed elsewhere (default 100 ms).
     * PostgreSQL is not polled: its notifications wake the listeners.
     */
    public Builder pollInterval(Duration pollInterval) {
      checkArgument(pollInterval.toMillis() >= 1,
          "the poll interval must be at least a millisecond: %s", pollInterval);
      this.pollInterval = pollInterval;
      return this;
    }

    /**
     * The longest the change feed's listeners go without a call (default 1 s): a follower relies
     * on it to notice that the database has stopped answering.
     */
    public Builder heartbeat(Duration heartbeat) {
      checkArgument(heartbeat.toMillis() >= 1, "the heartbeat must be at least a millisecond: %s",
          heartbeat);
      this.heartbeat = heartbeat;
      return this;
    }

    /** A connection of its own, for the change feed's {@code LISTEN}. */
    private Connection connectOutsideThePool() throws SQLException {
      Properties properties = new Properties();
      properties.setProperty("ApplicationName", "entitlement-change-feed");
      if (user != null) {
        properties.setProperty("user", user);
        properties.setProperty("password", password);
      }
      return DriverManager.getConnection(url, properties);
    }

    /**
     * Connects, migrates the schema and returns the register.
     *
     * @throws StoreUnavailableException when the database cannot be reached or migrated
     */
    public JdbcRegister open() {
      HikariConfig config = new HikariConfig();
      config.setJdbcUrl(url);
      if (user != null) {
        config.setUsername(user);
        config.setPassword(password);
      }
      schema.ifPresent(config::setSchema);
      config.setMaximumPoolSize(poolSize);
      config.setPoolName("entitlement-register");
      config.setInitializationFailTimeout(-1);
      HikariDataSource pool = new HikariDataSource(config);
      try {
        migrate(pool);
        return new JdbcRegister(pool, this);
      } catch (RuntimeException failure) {
        pool.close();
        throw failure;
      }
    }

    private void migrate(HikariDataSource pool) {
      try {
        var flyway = Flyway.configure(JdbcRegister.class.getClassLoader())
            .dataSource(pool)
            .locations(dialect.migrationLocations())
            .placeholders(dialect.placeholders())
            .loggers("slf4j");
        schema.ifPresent(name -> flyway.schemas(name).defaultSchema(name));
        checkState(flyway.load().migrate().success, "the register's migrations did not succeed");
      } catch (FlywayException failure) {
        throw new StoreUnavailableException(
            "the register's schema could not be brought up to date: " + failure.getMessage(), failure);
      }
    }
  }
}
