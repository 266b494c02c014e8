package org.irmer.entitlement.adapter.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.irmer.entitlement.testkit.contract.ContractFixtures.auditEvent;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.irmer.entitlement.core.domain.AuditCheckpoint;
import org.irmer.entitlement.core.domain.AuditTrailEntry;
import org.irmer.entitlement.core.domain.CheckpointKey;
import org.irmer.entitlement.core.domain.CheckpointSchedule;
import org.irmer.entitlement.core.port.out.AuditTrail;
import org.irmer.entitlement.core.port.out.StoreUnavailableException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The trail within units of work, on each database: a unit locks the head once, keeps it while it
 * appends, and writes its records and the head before it commits ({@link Database#beforeCommit}).
 * A unit rolled back leaves no gap and nothing of its head; a unit reads its own records; a
 * checkpoint due or issued in a unit covers its records; a failure of the deferred writes fails the
 * unit; units of several nodes still chain into one trail. A read-write unit runs at READ COMMITTED
 * on a connection that a reading unit has used before it.
 */
abstract class TrailUnitOfWorkCases {

  private static final CheckpointKey KEY = CheckpointKey.generateEd25519("unit-key");

  /** A register on the database {@code name}, new or shared. */
  protected abstract JdbcRegister.Builder register(String name);

  private final List<JdbcRegister> registers = new ArrayList<>();

  private JdbcRegister open(String name, CheckpointSchedule schedule) {
    JdbcRegister register = register(name).checkpointKey(KEY).checkpointSchedule(schedule).open();
    registers.add(register);
    return register;
  }

  private JdbcRegister open(CheckpointSchedule schedule) {
    return open(TestDatabases.newSchema(), schedule);
  }

  @AfterEach
  void close() {
    registers.forEach(JdbcRegister::close);
  }

  @Test
  void runsEachReadWriteUnitAtReadCommittedAfterReadingUnitsOnTheSameConnections() {
    JdbcRegister register = register(TestDatabases.newSchema()).poolSize(2).open();
    registers.add(register);
    Database database = (Database) register.transactions();
    List<Integer> reading = new ArrayList<>();
    List<Integer> writing = new ArrayList<>();
    for (int n = 0; n < 6; n++) {
      reading.add(database.reading(() ->
          database.call("reading the isolation", Connection::getTransactionIsolation)));
      writing.add(database.inTransaction(() ->
          database.call("reading the isolation", Connection::getTransactionIsolation)));
    }

    assertThat(reading).containsOnly(Connection.TRANSACTION_REPEATABLE_READ);
    assertThat(writing).containsOnly(Connection.TRANSACTION_READ_COMMITTED);
  }

  @Test
  void leavesNoGapWhereAUnitOfSeveralAppendsRolledBack() {
    JdbcRegister register = open(CheckpointSchedule.onDemand());
    AuditTrail trail = register.auditTrail();
    trail.append(auditEvent(1));

    assertThatThrownBy(() -> register.transactions().inTransaction(() -> {
      trail.append(auditEvent(2));
      trail.append(auditEvent(3));
      trail.append(auditEvent(4));
      throw new IllegalStateException("the command fails after its audit records");
    })).hasMessage("the command fails after its audit records");
    AuditTrailEntry next = trail.append(auditEvent(5));

    assertThat(next.sequence()).isEqualTo(2);
    assertThat(trail.size()).isEqualTo(2);
    assertThat(trail.read(1, 10)).extracting(entry -> entry.event().subject())
        .containsExactly("entitlement-1", "entitlement-5");
    assertThat(trail.firstBrokenLink()).isEmpty();
  }

  @Test
  void aUnitReadsTheRecordsItHasAppended() {
    JdbcRegister register = open(CheckpointSchedule.onDemand());
    AuditTrail trail = register.auditTrail();

    List<Object> seen = register.transactions().inTransaction(() -> {
      AuditTrailEntry first = trail.append(auditEvent(1));
      AuditTrailEntry second = trail.append(auditEvent(2));
      List<Object> inUnit = new ArrayList<>(trail.read(1, 10));
      inUnit.add(trail.size());
      AuditTrailEntry third = trail.append(auditEvent(3));
      assertThat(third.previousHash()).isEqualTo(second.hash());
      inUnit.addAll(trail.read(3, 10));
      inUnit.add(trail.size());
      assertThat(first.sequence()).isEqualTo(1);
      return inUnit;
    });

    assertThat(seen).hasSize(5);
    assertThat(seen.get(2)).isEqualTo(2L);
    assertThat(seen.get(4)).isEqualTo(3L);
    assertThat(trail.read(1, 10)).containsExactly((AuditTrailEntry) seen.get(0),
        (AuditTrailEntry) seen.get(1), (AuditTrailEntry) seen.get(3));
    assertThat(trail.firstBrokenLink()).isEmpty();
  }

  @Test
  void issuesTheCheckpointsDueWithinOneUnitOverItsOwnRecords() {
    JdbcRegister register = open(CheckpointSchedule.everyRecords(2));
    AuditTrail trail = register.auditTrail();

    List<AuditTrailEntry> appended = register.transactions().inTransaction(() -> {
      List<AuditTrailEntry> entries = new ArrayList<>();
      for (int n = 1; n <= 5; n++) {
        entries.add(trail.append(auditEvent(n)));
      }
      return entries;
    });
    AuditCheckpoint onDemand = register.transactions().inTransaction(() -> {
      trail.append(auditEvent(6));
      return register.checkpoints().issue();
    });

    // The sixth record makes one due, and the unit issues another over it.
    assertThat(register.checkpoints().issued()).extracting(AuditCheckpoint::sequence)
        .containsExactly(2L, 4L, 6L, 6L);
    assertThat(register.checkpoints().issued()).extracting(AuditCheckpoint::headHash)
        .startsWith(appended.get(1).hash(), appended.get(3).hash());
    assertThat(onDemand.headHash()).isEqualTo(trail.read(6, 1).get(0).hash());
    assertThat(register.checkpoints().verify(onDemand).intact()).isTrue();
    // The schedule counts from the head as the units left it: the next one is due at 8.
    trail.append(auditEvent(7));
    trail.append(auditEvent(8));
    assertThat(register.checkpoints().latest()).map(AuditCheckpoint::sequence).contains(8L);
  }

  @Test
  void aUnitWhoseDeferredWriteFailsWritesNothingAndFailsItsCaller() {
    JdbcRegister register = open(CheckpointSchedule.onDemand());
    Database database = (Database) register.transactions();
    AuditTrail trail = register.auditTrail();
    AtomicBoolean rolledBack = new AtomicBoolean();

    assertThatThrownBy(() -> database.inTransaction(() -> {
      trail.append(auditEvent(1));
      database.onRollback(() -> rolledBack.set(true));
      database.beforeCommit("failing on purpose", connection -> {
        throw new SQLException("the deferred write fails");
      });
      return null;
    })).isInstanceOf(StoreUnavailableException.class).hasMessageContaining("failing on purpose");

    assertThat(rolledBack).isTrue();
    assertThat(trail.size()).isZero();
    assertThat(trail.append(auditEvent(2)).sequence()).isEqualTo(1);
  }

  @Test
  void aGroupWhoseDeferredWriteFailsRunsEachUnitAgainAlone() {
    JdbcRegister register = open(CheckpointSchedule.onDemand());
    Database database = (Database) register.transactions();
    AuditTrail trail = register.auditTrail();
    AtomicBoolean firstTime = new AtomicBoolean(true);

    AuditTrailEntry entry = database.inGroupCommit(() -> {
      AuditTrailEntry appended = trail.append(auditEvent(1));
      database.beforeCommit("failing once", connection -> {
        if (firstTime.getAndSet(false)) {
          throw new SQLException("the deferred write fails once");
        }
      });
      return appended;
    });

    assertThat(entry.sequence()).isEqualTo(1);
    assertThat(trail.read(1, 10)).containsExactly(entry);
  }

  @Test
  void chainsTheGroupCommitsOfTwoNodesIntoOneTrail() throws Exception {
    String name = TestDatabases.newSchema();
    List<JdbcRegister> nodes = List.of(open(name, CheckpointSchedule.everyRecords(25)),
        open(name, CheckpointSchedule.everyRecords(25)));
    int threads = 8;
    int each = 30;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    List<Future<List<AuditTrailEntry>>> appends = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      JdbcRegister node = nodes.get(t % 2);
      int thread = t;
      appends.add(pool.submit(() -> {
        List<AuditTrailEntry> mine = new ArrayList<>();
        for (int n = 0; n < each; n++) {
          int number = thread * each + n;
          mine.add(node.transactions().inGroupCommit(
              () -> node.auditTrail().append(auditEvent(number))));
        }
        return mine;
      }));
    }
    List<AuditTrailEntry> returned = new ArrayList<>();
    for (Future<List<AuditTrailEntry>> append : appends) {
      returned.addAll(append.get(60, TimeUnit.SECONDS));
    }
    pool.shutdown();
    AuditCheckpoint latest = nodes.get(0).checkpoints().issue();

    assertThat(nodes.get(1).auditTrail().read(1, threads * each + 1))
        .containsExactlyInAnyOrderElementsOf(returned);
    assertThat(latest.sequence()).isEqualTo(threads * each);
    assertThat(nodes.get(1).checkpoints().verify(latest).intact()).isTrue();
    assertThat(nodes.get(0).checkpoints().issued()).extracting(AuditCheckpoint::sequence)
        .startsWith(25L, 50L, 75L);
  }
}
