package org.irmer.entitlement.adapter.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.irmer.entitlement.core.domain.AuditCheckpoint;
import org.irmer.entitlement.core.domain.AuditEvent;
import org.irmer.entitlement.core.domain.AuditTrailEntry;
import org.irmer.entitlement.core.domain.BodyRegionTree;
import org.irmer.entitlement.core.domain.CheckpointKey;
import org.irmer.entitlement.core.domain.EntitlementId;
import org.irmer.entitlement.core.domain.Outcome;
import org.irmer.entitlement.core.domain.ReasonCode;
import org.irmer.entitlement.core.domain.ReferralDecision;
import org.irmer.entitlement.core.domain.WarningCode;
import org.irmer.entitlement.core.port.out.AuditTrail;
import org.irmer.entitlement.core.port.out.Register;
import org.irmer.entitlement.core.port.out.StoreUnavailableException;
import org.irmer.entitlement.rules.DecisionSpooler;
import org.irmer.entitlement.rules.wiring.EntitlementRegister;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * When PostgreSQL fails, nothing is lost (issue 8, item 8; ARCHITECTURE.md, persistence and
 * scale). The register reaches PostgreSQL through a {@link FaultyProxy}, keeps a file spool, and
 * reads the snapshot's age on a clock the test moves: while the database is cut off, checks are
 * answered from the last snapshot, warned with its age, and held in the spool; past the staleness
 * limit they fail closed; lifecycle commands fail typed and change nothing; once it is back, the
 * held records are appended in order, with the chain intact, without a restart. A connection
 * killed in the middle of a command's unit of work leaves no partial state and no gap.
 */
class PostgresDatabaseFailureTests {

  private static final CheckpointKey KEY = CheckpointKey.generateEd25519("failure-key");
  private static final Duration LIMIT = Duration.ofMinutes(5);

  private final String schema = TestDatabases.newSchema();
  private final MovingClock clock = new MovingClock(Instant.parse("2026-03-10T10:00:00Z"));
  private final List<AutoCloseable> opened = new ArrayList<>();
  @TempDir Path directory;

  @AfterEach
  void close() throws Exception {
    for (int n = opened.size() - 1; n >= 0; n--) {
      opened.get(n).close();
    }
  }

  private <T extends AutoCloseable> T opened(T closeable) {
    opened.add(closeable);
    return closeable;
  }

  private ReferralDecision check(EntitlementRegister node, int n) {
    return node.referrals().check(LifecycleTrust.ankle(1, LifecycleTrust.NOW.plusSeconds(n)));
  }

  @Test
  void whileCutOffChecksAreAnsweredAndHeldCommandsFailAndOnceBackEverythingResumes()
      throws SQLException {
    FaultyProxy proxy = opened(FaultyProxy.to(TestDatabases.postgresPort()));
    JdbcRegister database = opened(TestDatabases.postgresThrough(proxy.port(), schema)
        .checkpointKey(KEY).spool(directory.resolve("node.spool"))
        .connectionTimeout(Duration.ofMillis(500)).heartbeat(Duration.ofMillis(200)).open());
    EntitlementId entitlement = LifecycleTrust.establish(database.register(), 1).get(0);
    database.replaceExaminations(BodyRegionTree.standard(), LifecycleTrust.catalogue());
    EntitlementRegister node = opened(EntitlementRegister.over(database.register())
        .clock(clock).failClosedAfter(LIMIT).open());
    assertThat(check(node, 0).outcome()).isEqualTo(Outcome.ENTITLED);
    long trailBefore = database.register().auditTrail().size();
    String stateBefore = stateOfTheDatabase();

    proxy.cut();
    await().atMost(Duration.ofSeconds(10)).until(() -> node.engine().isUnconfirmed());
    clock.advance(Duration.ofMinutes(2));

    List<ReferralDecision> whileCut = List.of(check(node, 1), check(node, 2), check(node, 3));
    assertThat(whileCut).extracting(ReferralDecision::outcome).containsOnly(Outcome.ENTITLED);
    assertThat(whileCut).allSatisfy(decision -> assertThat(decision.warnings())
        .filteredOn(warning -> warning.code() == WarningCode.SNAPSHOT_STALE).singleElement()
        .satisfies(warning -> assertThat(warning.message()).contains("for 2 min")));
    assertThat(database.spool().held(10)).as("held in the spool").hasSize(3);
    assertThatThrownBy(() -> node.entitlements().suspend(entitlement,
        LifecycleTrust.byDelegate(LifecycleTrust.NOW)))
        .isInstanceOf(StoreUnavailableException.class);
    assertThat(stateOfTheDatabase()).as("nothing changed by the command").isEqualTo(stateBefore);

    clock.advance(LIMIT);
    ReferralDecision tooStale = check(node, 4);
    assertThat(tooStale.outcome()).isEqualTo(Outcome.INDETERMINATE);
    assertThat(tooStale.reasons()).extracting(reason -> reason.code())
        .containsOnly(ReasonCode.DATA_UNAVAILABLE);

    proxy.restore();
    await().atMost(Duration.ofSeconds(15)).until(() -> database.spool().isEmpty());

    List<AuditTrailEntry> trail = database.register().auditTrail().read(trailBefore + 1, 100);
    assertThat(trail).extracting(entry -> entry.event().details().get("order"))
        .as("the held checks, in the order they were made")
        .startsWith(orders(whileCut).toArray(String[]::new));
    assertThat(trail).allSatisfy(entry ->
        assertThat(entry.event().details()).containsKey(DecisionSpooler.SPOOLED_DETAIL));
    assertThat(check(node, 5).warningCodes()).doesNotContain(WarningCode.SNAPSHOT_STALE);
    AuditEvent recorded = database.register().auditTrail()
        .read(database.register().auditTrail().size(), 1).get(0).event();
    assertThat(recorded.details()).as("recorded normally, not spooled")
        .doesNotContainKey(DecisionSpooler.SPOOLED_DETAIL);
    assertThat(node.entitlements().suspend(entitlement,
        LifecycleTrust.byDelegate(LifecycleTrust.NOW)).refusals()).isEmpty();
    AuditCheckpoint end = database.checkpoints().issue();
    assertThat(database.checkpoints().verify(end).intact()).isTrue();
    assertThat(database.register().auditTrail().firstBrokenLink()).isEmpty();
  }

  private static List<String> orders(List<ReferralDecision> decisions) {
    return decisions.stream().map(decision -> decision.request().orderId().orElseThrow()).toList();
  }

  @Test
  void aConnectionKilledBeforeItsCommandCommitsLeavesNoPartialStateAndNoGap() throws Exception {
    JdbcRegister database = opened(TestDatabases.postgres(schema).checkpointKey(KEY).open());
    EntitlementId entitlement = LifecycleTrust.establish(database.register(), 1).get(0);
    database.replaceExaminations(BodyRegionTree.standard(), LifecycleTrust.catalogue());
    CountDownLatch written = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    Register ports = database.register();
    Register paused = new Register(ports.employers(), ports.people(), ports.delegations(),
        ports.applications(), ports.entitlements(), ports.training(), ports.complianceEvents(),
        ports.auditRecords(), ports.notices(), ports.agreements(), ports.tasks(), ports.activity(), ports.examinations(),
        ports.guidelines(), pausingAfterAppend(ports.auditTrail(), written, release),
        ports.notifications(), ports.registrationLookup(), ports.transactions(), ports.changes(),
        ports.spool());
    EntitlementRegister node = opened(EntitlementRegister.open(paused));
    long versionBefore = ports.entitlements().find(entitlement).orElseThrow().version();
    long trailBefore = ports.auditTrail().size();

    AtomicReference<Throwable> failure = new AtomicReference<>();
    CompletableFuture<?> command = CompletableFuture.runAsync(() -> {
      try {
        node.entitlements().suspend(entitlement, LifecycleTrust.byDelegate(LifecycleTrust.NOW));
      } catch (Throwable thrown) {
        failure.set(thrown);
      }
    });
    assertThat(written.await(10, TimeUnit.SECONDS)).as("written, not committed").isTrue();
    assertThat(terminateTheOpenTransaction()).as("backends terminated").isEqualTo(1);
    release.countDown();
    command.get(10, TimeUnit.SECONDS);

    assertThat(failure.get()).isInstanceOf(StoreUnavailableException.class);
    assertThat(ports.entitlements().find(entitlement).orElseThrow().version())
        .isEqualTo(versionBefore);
    assertThat(ports.auditTrail().size()).isEqualTo(trailBefore);
    try (EntitlementRegister plain = EntitlementRegister.open(ports)) {
      assertThat(plain.entitlements().suspend(entitlement,
          LifecycleTrust.byDelegate(LifecycleTrust.NOW)).refusals()).isEmpty();
    }
    assertThat(ports.auditTrail().read(trailBefore + 1, 10)).extracting(AuditTrailEntry::sequence)
        .as("the next append takes the next sequence").containsExactly(trailBefore + 1);
    AuditCheckpoint end = database.checkpoints().issue();
    assertThat(database.checkpoints().verify(end).intact()).isTrue();
    assertThat(ports.auditTrail().firstBrokenLink()).isEmpty();
  }

  /** {@code trail}, whose appends, once written, wait for {@code release} before returning. */
  private static AuditTrail pausingAfterAppend(AuditTrail trail, CountDownLatch written,
      CountDownLatch release) {
    return (AuditTrail) Proxy.newProxyInstance(AuditTrail.class.getClassLoader(),
        new Class<?>[] {AuditTrail.class}, (proxy, method, arguments) -> {
          Object result;
          try {
            result = method.invoke(trail, arguments);
          } catch (InvocationTargetException thrown) {
            throw thrown.getCause();
          }
          if (method.getName().equals("append") && written.getCount() > 0) {
            written.countDown();
            release.await(10, TimeUnit.SECONDS);
          }
          return result;
        });
  }

  /**
   * Terminates the register's backend that holds the trail's head locked in a transaction left
   * open, the command's; returns how many.
   */
  private int terminateTheOpenTransaction() throws SQLException {
    try (Connection owner = TestDatabases.postgresOwner(schema);
        Statement statement = owner.createStatement();
        ResultSet rows = statement.executeQuery("SELECT pg_terminate_backend(pid)"
            + " FROM pg_stat_activity WHERE state = 'idle in transaction'"
            + " AND query LIKE '%FROM audit_trail_head%FOR UPDATE%'"
            + " AND pid <> pg_backend_pid()")) {
      int terminated = 0;
      while (rows.next()) {
        terminated += rows.getBoolean(1) ? 1 : 0;
      }
      return terminated;
    }
  }

  /** The entitlements' versions and the sizes of the trail and the feed, read as the owner. */
  private String stateOfTheDatabase() throws SQLException {
    try (Connection owner = TestDatabases.postgresOwner(schema);
        Statement statement = owner.createStatement();
        ResultSet rows = statement.executeQuery("SELECT"
            + " (SELECT string_agg(id || ' v' || version, ',' ORDER BY id) FROM entitlement_head),"
            + " (SELECT count(*) FROM entitlement_version), (SELECT count(*) FROM audit_trail),"
            + " (SELECT count(*) FROM change_feed)")) {
      rows.next();
      return rows.getString(1) + "; versions " + rows.getLong(2) + "; trail " + rows.getLong(3)
          + "; feed " + rows.getLong(4);
    }
  }

  /** A clock that moves only when the test moves it. */
  private static final class MovingClock extends Clock {

    private volatile Instant now;

    MovingClock(Instant start) {
      this.now = start;
    }

    void advance(Duration duration) {
      now = now.plus(duration);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }
  }
}
