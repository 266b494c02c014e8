package org.irmer.entitlement.adapter.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.irmer.entitlement.testkit.contract.ContractFixtures.auditEvent;

import com.google.common.collect.ImmutableList;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.irmer.entitlement.core.domain.AuditCheckpoint;
import org.irmer.entitlement.core.domain.AuditTrailEntry;
import org.irmer.entitlement.core.domain.CheckpointKey;
import org.irmer.entitlement.core.domain.CheckpointSchedule;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The trail on PostgreSQL shared by several application nodes (registers with pools of their own
 * on one schema), across rolled-back units of work, and anchored by the checkpoint timer.
 */
class PostgresTrailNodesTests {

  private static final CheckpointKey KEY = CheckpointKey.generateEd25519("nodes-key");
  private static final int NODES = 3;
  private static final int THREADS_PER_NODE = 4;
  private static final int APPENDS_PER_THREAD = 40;

  private final List<JdbcRegister> registers = new ArrayList<>();

  private JdbcRegister open(JdbcRegister.Builder builder) {
    JdbcRegister register = builder.open();
    registers.add(register);
    return register;
  }

  private static String schemaOf(JdbcRegister register) {
    return ((Database) register.transactions()).call("reading the schema", c -> c.getSchema());
  }

  @AfterEach
  void close() {
    registers.forEach(JdbcRegister::close);
  }

  @Test
  void chainsTheAppendsOfSeveralNodesIntoOneIntactTrail() throws Exception {
    CheckpointSchedule everyFifty = CheckpointSchedule.everyRecords(50);
    JdbcRegister first = open(TestDatabases.postgres().checkpointKey(KEY).checkpointSchedule(everyFifty));
    List<JdbcRegister> nodes = new ArrayList<>(List.of(first));
    for (int n = 1; n < NODES; n++) {
      nodes.add(open(TestDatabases.postgres(schemaOf(first)).checkpointKey(KEY)
          .checkpointSchedule(everyFifty).poolSize(THREADS_PER_NODE)));
    }
    ExecutorService threads = Executors.newFixedThreadPool(NODES * THREADS_PER_NODE);
    List<Future<List<AuditTrailEntry>>> appends = new ArrayList<>();
    for (int t = 0; t < NODES * THREADS_PER_NODE; t++) {
      JdbcRegister node = nodes.get(t % NODES);
      int thread = t;
      appends.add(threads.submit(() -> {
        List<AuditTrailEntry> mine = new ArrayList<>();
        for (int n = 0; n < APPENDS_PER_THREAD; n++) {
          mine.add(node.auditTrail().append(auditEvent(thread * APPENDS_PER_THREAD + n)));
        }
        return mine;
      }));
    }
    List<AuditTrailEntry> returned = new ArrayList<>();
    for (Future<List<AuditTrailEntry>> append : appends) {
      returned.addAll(append.get(60, TimeUnit.SECONDS));
    }
    threads.shutdown();
    int total = NODES * THREADS_PER_NODE * APPENDS_PER_THREAD;

    ImmutableList<AuditTrailEntry> trail = first.auditTrail().read(1, total + 1);
    List<Long> scheduled = first.checkpoints().issued().stream().map(AuditCheckpoint::sequence).toList();
    AuditCheckpoint latest = nodes.get(1).checkpoints().issue();

    assertThat(trail).hasSize(total).containsExactlyInAnyOrderElementsOf(returned);
    assertThat(scheduled)
        .containsExactlyElementsOf(LongStream.rangeClosed(1, total / 50).map(n -> n * 50).boxed().toList());
    assertThat(latest.sequence()).isEqualTo(total);
    assertThat(latest.headHash()).isEqualTo(trail.get(total - 1).hash());
    assertThat(nodes.get(NODES - 1).checkpoints().verify(latest).intact()).isTrue();
  }

  @Test
  void leavesNoGapWhereAnAppendWasRolledBackWithItsCheckpoint() {
    JdbcRegister register = open(TestDatabases.postgres().checkpointKey(KEY)
        .checkpointSchedule(CheckpointSchedule.everyRecords(2)));
    register.auditTrail().append(auditEvent(1));

    assertThatThrownBy(() -> register.transactions().inTransaction(() -> {
      register.auditTrail().append(auditEvent(2));
      throw new IllegalStateException("the command fails after its audit record");
    })).hasMessage("the command fails after its audit record");
    assertThat(register.checkpoints().issued()).isEmpty();
    AuditTrailEntry next = register.auditTrail().append(auditEvent(3));

    assertThat(next.sequence()).isEqualTo(2);
    assertThat(register.auditTrail().read(1, 10)).extracting(e -> e.event().subject())
        .containsExactly("entitlement-1", "entitlement-3");
    assertThat(register.checkpoints().issued()).extracting(AuditCheckpoint::headHash)
        .containsExactly(next.hash());
  }

  @Test
  void anchorsTheLastRecordsOfATrailThatHasGoneQuiet() throws InterruptedException {
    JdbcRegister register = open(TestDatabases.postgres().checkpointKey(KEY)
        .checkpointSchedule(CheckpointSchedule.every(Duration.ofMillis(150))));
    register.auditTrail().append(auditEvent(1));
    AuditTrailEntry last = register.auditTrail().append(auditEvent(2));

    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (register.checkpoints().latest().map(AuditCheckpoint::sequence).orElse(0L) < 2
        && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }

    assertThat(register.checkpoints().latest()).map(AuditCheckpoint::headHash).contains(last.hash());
  }
}
