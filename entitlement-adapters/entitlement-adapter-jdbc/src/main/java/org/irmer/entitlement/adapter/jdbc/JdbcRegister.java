package org.irmer.entitlement.adapter.jdbc;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;
import static com.google.common.base.Preconditions.checkState;

import com.google.common.collect.ImmutableList;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.irmer.entitlement.core.domain.CheckpointKey;
import org.irmer.entitlement.core.domain.CheckpointSchedule;
import org.irmer.entitlement.core.port.out.AuditCheckpoints;
import org.irmer.entitlement.core.port.out.AuditTrail;
import org.irmer.entitlement.core.domain.BodyRegionTree;
import org.irmer.entitlement.core.domain.Examination;
import org.irmer.entitlement.core.domain.GuidelineEntry;
import org.irmer.entitlement.core.domain.ProfessionalRegistration;
import org.irmer.entitlement.core.port.out.AgreementStore;
import org.irmer.entitlement.core.port.out.ApplicationStore;
import org.irmer.entitlement.core.port.out.AuditRecordStore;
import org.irmer.entitlement.core.port.out.ReferralActivity;
import org.irmer.entitlement.core.port.out.ChangeFeed;
import org.irmer.entitlement.core.port.out.ChangeNoticeStore;
import org.irmer.entitlement.core.port.out.ComplianceEventStore;
import org.irmer.entitlement.core.port.out.DecisionSpool;
import org.irmer.entitlement.core.port.out.DelegationStore;
import org.irmer.entitlement.core.port.out.EmployerStore;
import org.irmer.entitlement.core.port.out.EntitlementStore;
import org.irmer.entitlement.core.port.out.ExaminationCatalogue;
import org.irmer.entitlement.core.port.out.GuidelineCatalogue;
import org.irmer.entitlement.core.port.out.Notification;
import org.irmer.entitlement.core.port.out.Notifications;
import org.irmer.entitlement.core.port.out.PersonStore;
import org.irmer.entitlement.core.port.out.Register;
import org.irmer.entitlement.core.port.out.RegistrationLookup;
import org.irmer.entitlement.core.port.out.TaskStore;
import org.irmer.entitlement.core.port.out.TrainingStore;
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
 * <p>Every store keeps every version of its records, to the microsecond (SCHEMA.md describes the
 * tables). The examination and guideline catalogues and the regulators' register entries are
 * loaded by the embedding application, a catalogue being replaced whole in one unit of work; the
 * notifications the library sends wait in an outbox table, written in the unit of work of the
 * command that sent them.
 *
 * <p>Each register has a thread of its own that wakes the change feed's listeners for changes
 * committed by other nodes over the same database: on PostgreSQL it listens for notifications on
 * a connection outside the pool; on H2 it polls at {@link Builder#pollInterval}. It also wakes them
 * every {@link Builder#heartbeat}, so that a follower is called regularly even when nothing
 * changes or the database has stopped answering.
 *
 * <p>With {@link Builder#spool(Path)}, the decisions of checks made while the database cannot be
 * written are held in a local file until they can be appended to the trail ({@link
 * FileDecisionSpool}); without it the register has {@link DecisionSpool#none()} and such checks
 * fail closed.
 */
public final class JdbcRegister implements AutoCloseable {

  /** The PostgreSQL role the register's sessions run as unless the builder names another. */
  public static final String DEFAULT_APPLICATION_ROLE = "entitlement_app";

  private final HikariDataSource pool;
  private final Database database;
  private final JdbcEntitlementStore entitlements;
  private final JdbcAuditTrail auditTrail;
  private final Optional<ScheduledExecutorService> checkpointTimer;
  private final JdbcEmployerStore employers;
  private final JdbcPersonStore people;
  private final JdbcDelegationStore delegations;
  private final JdbcApplicationStore applications;
  private final JdbcTaskStore tasks;
  private final JdbcReferralActivity activity;
  private final JdbcTrainingStore training;
  private final JdbcComplianceEventStore complianceEvents;
  private final JdbcAuditRecordStore auditRecords;
  private final JdbcChangeNoticeStore notices;
  private final JdbcAgreementStore agreements;
  private final JdbcExaminationCatalogue examinations;
  private final JdbcGuidelineCatalogue guidelines;
  private final JdbcNotifications notifications;
  private final JdbcRegistrationLookup registrationLookup;
  private final JdbcChangeFeed changes;
  private final ChangeWatcher watcher;
  private final Optional<FileDecisionSpool> spool;

  private JdbcRegister(HikariDataSource pool, Builder builder, Optional<FileDecisionSpool> spool) {
    this.pool = pool;
    this.spool = spool;
    this.database = new Database(pool, builder.dialect);
    String schema = builder.schema.orElseGet(() ->
        database.call("reading the register's schema", connection -> connection.getSchema()));
    this.changes = new JdbcChangeFeed(database, schema);
    this.entitlements = new JdbcEntitlementStore(database);
    this.employers = new JdbcEmployerStore(database);
    this.people = new JdbcPersonStore(database);
    this.delegations = new JdbcDelegationStore(database);
    this.applications = new JdbcApplicationStore(database);
    this.training = new JdbcTrainingStore(database);
    this.complianceEvents = new JdbcComplianceEventStore(database);
    this.auditRecords = new JdbcAuditRecordStore(database);
    this.notices = new JdbcChangeNoticeStore(database);
    this.agreements = new JdbcAgreementStore(database);
    this.examinations = new JdbcExaminationCatalogue(database, changes);
    this.guidelines = new JdbcGuidelineCatalogue(database, changes);
    this.notifications = new JdbcNotifications(database);
    this.registrationLookup = new JdbcRegistrationLookup(database);
    this.auditTrail = new JdbcAuditTrail(database, builder.checkpointKey,
        builder.checkpointSchedule, Clock.systemUTC());
    this.tasks = new JdbcTaskStore(database);
    this.activity = new JdbcReferralActivity(database, auditTrail);
    this.checkpointTimer = builder.checkpointSchedule.every().map(this::startCheckpointTimer);
    this.watcher = builder.dialect == Dialect.POSTGRESQL
        ? ChangeWatcher.listening(changes, builder::connectOutsideThePool, builder.heartbeat)
        : ChangeWatcher.polling(changes, builder.pollInterval, builder.heartbeat);
  }

  /**
   * Checks, every {@code interval}, whether records have been appended since the last checkpoint
   * and it is {@code interval} old, and issues one then: the schedule's appends alone would leave
   * the last records of a trail that has gone quiet unanchored. A check that fails (the database
   * unreachable) is tried again at the next tick.
   */
  private ScheduledExecutorService startCheckpointTimer(Duration interval) {
    ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(work -> {
      Thread thread = new Thread(work, "entitlement-register-checkpoints");
      thread.setDaemon(true);
      return thread;
    });
    long millis = Math.max(1, interval.toMillis());
    timer.scheduleWithFixedDelay(() -> {
      try {
        auditTrail.issueIfBehind(interval);
      } catch (StoreUnavailableException unreachable) {
        // The next tick tries again; a checkpoint is never owed for long.
      }
    }, millis, millis, TimeUnit.MILLISECONDS);
    return timer;
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

  AuditTrail auditTrail() {
    return auditTrail;
  }

  /**
   * The signed checkpoints of the register's audit trail, with the key given to {@link
   * Builder#checkpointKey}: issue one on demand, list those issued (export each as its {@link
   * org.irmer.entitlement.core.domain.AuditCheckpoint#line() line}), and verify the trail against
   * an anchor kept outside the database.
   */
  public AuditCheckpoints checkpoints() {
    return auditTrail;
  }

  EmployerStore employers() {
    return employers;
  }

  PersonStore people() {
    return people;
  }

  DelegationStore delegations() {
    return delegations;
  }

  ApplicationStore applications() {
    return applications;
  }

  TaskStore tasks() {
    return tasks;
  }

  ReferralActivity activity() {
    return activity;
  }

  TrainingStore training() {
    return training;
  }

  ComplianceEventStore complianceEvents() {
    return complianceEvents;
  }

  AuditRecordStore auditRecords() {
    return auditRecords;
  }

  ChangeNoticeStore notices() {
    return notices;
  }

  AgreementStore agreements() {
    return agreements;
  }

  ExaminationCatalogue examinations() {
    return examinations;
  }

  GuidelineCatalogue guidelines() {
    return guidelines;
  }

  Notifications notifications() {
    return notifications;
  }

  RegistrationLookup registrationLookup() {
    return registrationLookup;
  }

  /**
   * Every driven port of the register, for {@code EntitlementRegister.open} (the library's entry
   * point in entitlement-rules): the stores, catalogues, audit trail, notification outbox,
   * regulator lookup, units of work, change feed and spool, all on this database.
   */
  public Register register() {
    return new Register(employers, people, delegations, applications, entitlements, training,
        complianceEvents, auditRecords, notices, agreements, tasks, activity, examinations, guidelines, auditTrail,
        notifications, registrationLookup, database, changes, spool());
  }

  /**
   * Replaces the examination catalogue and its region tree in one unit of work, and publishes the
   * change so that every engine over the register recompiles: {@link ExaminationCatalogue#replace}
   * on this register's catalogue.
   *
   * @throws IllegalArgumentException when an examination's region is not in {@code regions}
   */
  public void replaceExaminations(BodyRegionTree regions, Iterable<Examination> entries) {
    examinations.replace(regions, entries);
  }

  /**
   * Replaces every referral guideline in one unit of work, and publishes the change so that every
   * engine over the register recompiles: {@link GuidelineCatalogue#replace} on this register's
   * guidelines.
   */
  public void replaceGuidelines(Iterable<GuidelineEntry> entries) {
    guidelines.replace(entries);
  }

  /**
   * Records an entry of a regulator's register (HCPC, NMC, GPhC...) as the registration lookup
   * then finds it: how an embedding application keeps the regulators' registers the compliance
   * sweep compares with (principle 4): {@link RegistrationLookup#record} on this register's lookup.
   */
  public void recordRegistration(ProfessionalRegistration entry) {
    registrationLookup.record(entry);
  }

  /** Every notification accepted and committed so far, oldest first. */
  ImmutableList<Notification> outbox() {
    return notifications.outbox();
  }

  ChangeFeed changes() {
    return changes;
  }

  DecisionSpool spool() {
    return spool.<DecisionSpool>map(file -> file).orElse(DecisionSpool.none());
  }

  /**
   * Stops the checkpoint timer and the change feed's thread, commits the units already submitted
   * for group commit, and closes the connection pool and the spool's file; the register's ports
   * fail from then on.
   */
  @Override
  public void close() {
    checkpointTimer.ifPresent(ExecutorService::shutdownNow);
    watcher.close();
    database.close();
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
    private Optional<CheckpointKey> checkpointKey = Optional.empty();
    private CheckpointSchedule checkpointSchedule = CheckpointSchedule.onDemand();
    private Optional<String> applicationRole = Optional.of(DEFAULT_APPLICATION_ROLE);
    private Duration pollInterval = Duration.ofMillis(100);
    private Duration heartbeat = Duration.ofSeconds(1);
    private Optional<Path> spool = Optional.empty();
    private Duration connectionTimeout = Duration.ofSeconds(2);

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

    /**
     * How long a unit of work waits for a connection before it fails with {@link
     * StoreUnavailableException} (default 2 s). It bounds how long a check waits to learn that the
     * database is out of reach before it is answered from the snapshot and its record held in the
     * spool, so keep it short.
     */
    public Builder connectionTimeout(Duration timeout) {
      checkArgument(timeout.toMillis() >= 250, "the connection timeout must be at least 250 ms: %s",
          timeout);
      this.connectionTimeout = timeout;
      return this;
    }

    /** The most connections the pool keeps open (default 10). */
    public Builder poolSize(int poolSize) {
      checkArgument(poolSize >= 2, "the pool needs at least 2 connections, not %s", poolSize);
      this.poolSize = poolSize;
      return this;
    }

    /**
     * The key that signs and verifies the audit trail's checkpoints. Keep it outside the database
     * (ARCHITECTURE.md, persistence): for Ed25519, PEM text in a file only the application's
     * account can read, loaded with {@code CheckpointKey.fromPem(id, Files.readString(path))}; for
     * HMAC-SHA256, a secret of 32 bytes or more read the same way. Without a key, checkpoints can
     * neither be issued nor verified.
     */
    public Builder checkpointKey(CheckpointKey key) {
      this.checkpointKey = Optional.of(checkNotNull(key, "key"));
      return this;
    }

    /**
     * When checkpoints are issued besides on demand (default: only on demand). A schedule by time
     * also runs a timer that anchors a trail that has gone quiet.
     *
     * @throws IllegalArgumentException from {@link #open()} when there is a schedule but no key
     *     that can sign
     */
    public Builder checkpointSchedule(CheckpointSchedule schedule) {
      this.checkpointSchedule = checkNotNull(schedule, "schedule");
      return this;
    }

    /**
     * On PostgreSQL, the role the register's sessions run as ({@value #DEFAULT_APPLICATION_ROLE}
     * by default): the migrations create it (NOLOGIN) and let it read and write the register's
     * tables but only insert into and select from the audit trail and its checkpoints, and every
     * pooled connection begins with {@code SET ROLE}. The login migrates as itself, so it must own
     * the schema. Ignored on H2.
     */
    public Builder applicationRole(String role) {
      checkArgument(role.matches("[a-z_][a-z0-9_]{0,62}"),
          "a role name is lower-case letters, digits and underscores: %s", role);
      this.applicationRole = Optional.of(role);
      return this;
    }

    /**
     * On PostgreSQL, runs the register's sessions as the login itself rather than as the
     * application role: the trigger still refuses changes to the trail, but a login that owns the
     * tables could drop it. For a deployment whose login already is a role with only the
     * application's privileges.
     */
    public Builder withoutApplicationRole() {
      this.applicationRole = Optional.empty();
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
      config.setConnectionTimeout(connectionTimeout.toMillis());
      // The isolation of read-write units of work (Database), restored when a connection returns.
      config.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
      config.setPoolName("entitlement-register");
      config.setInitializationFailTimeout(-1);
      migrate();
      if (dialect == Dialect.POSTGRESQL) {
        applicationRole.ifPresent(role -> config.setConnectionInitSql("SET ROLE " + role));
      }
      HikariDataSource pool = new HikariDataSource(config);
      try {
        return new JdbcRegister(pool, this, spool.map(FileDecisionSpool::open));
      } catch (RuntimeException failure) {
        pool.close();
        throw failure;
      }
    }

    /** Migrates as the login itself, before the pool's sessions take the application role. */
    private void migrate() {
      Map<String, String> substitutions = new HashMap<>(dialect.substitutions());
      substitutions.put("application_role", applicationRole.orElse(DEFAULT_APPLICATION_ROLE));
      try {
        var flyway = Flyway.configure(JdbcRegister.class.getClassLoader())
            .dataSource(url, user, password)
            .locations(dialect.migrationLocations())
            .placeholders(substitutions)
            .javaMigrations(new ReferralRequestBackfill())
            .loggers("slf4j");
        schema.ifPresent(name -> flyway.schemas(name).defaultSchema(name));
        checkState(flyway.load().migrate().success, "the register's migrations did not succeed");
      } catch (FlywayException failure) {
        throw new StoreUnavailableException(
            "the register's schema could not be brought up to date: " + reasons(failure), failure);
      }
    }

    /**
     * The message of {@code failure} and of each of its causes that adds to it: Flyway's own says
     * only "Migration failed" for a Java migration, whose reason is in a cause.
     */
    private static String reasons(Throwable failure) {
      StringBuilder reasons = new StringBuilder(String.valueOf(failure.getMessage()));
      for (Throwable cause = failure.getCause(); cause != null && cause != cause.getCause();
          cause = cause.getCause()) {
        String message = cause.getMessage();
        if (message != null && reasons.indexOf(message) < 0) {
          reasons.append(": ").append(message);
        }
      }
      return reasons.toString();
    }
  }
}
