package org.irmer.entitlement.adapter.jdbc;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;
import static com.google.common.base.Preconditions.checkState;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.util.Optional;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.irmer.entitlement.core.port.out.DecisionSpool;
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
 * <p>With {@link Builder#spool(Path)}, the decisions of checks made while the database cannot be
 * written are held in a local file until they can be appended to the trail ({@link
 * FileDecisionSpool}); without it the register has {@link DecisionSpool#none()} and such checks
 * fail closed.
 */
public final class JdbcRegister implements AutoCloseable {

  private final HikariDataSource pool;
  private final Database database;
  private final JdbcEntitlementStore entitlements;
  private final Optional<FileDecisionSpool> spool;

  private JdbcRegister(HikariDataSource pool, Dialect dialect, Optional<FileDecisionSpool> spool) {
    this.pool = pool;
    this.database = new Database(pool, dialect);
    this.entitlements = new JdbcEntitlementStore(database);
    this.spool = spool;
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

  DecisionSpool spool() {
    return spool.<DecisionSpool>map(file -> file).orElse(DecisionSpool.none());
  }

  /** Closes the connection pool and the spool's file; the register's ports fail from then on. */
  @Override
  public void close() {
    try {
      pool.close();
    } finally {
      spool.ifPresent(FileDecisionSpool::close);
    }
  }

  /** How to reach the database and how to use it. */
  public static final class Builder {

    private final String url;
    private final Dialect dialect;
    private String user;
    private String password;
    private Optional<String> schema = Optional.empty();
    private int poolSize = 10;
    private Optional<Path> spool = Optional.empty();

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
     * The local file in which the decisions of checks are held while the database cannot be
     * written (created with its directory when missing). Give each application node a file of its
     * own, on its own disk; by default there is none, and such checks fail closed.
     */
    public Builder spool(Path file) {
      this.spool = Optional.of(checkNotNull(file, "file"));
      return this;
    }

    /**
     * Connects, migrates the schema, opens the spool and returns the register.
     *
     * @throws StoreUnavailableException when the database cannot be reached or migrated, or the
     *     spool's file cannot be opened
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
        return new JdbcRegister(pool, dialect, spool.map(FileDecisionSpool::open));
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
