package org.irmer.entitlement.adapter.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.irmer.entitlement.adapter.memory.InMemoryRegister;
import org.irmer.entitlement.core.domain.AuditCheckpoint;
import org.irmer.entitlement.core.domain.AuditEvent;
import org.irmer.entitlement.core.domain.AuditTrailEntry;
import org.irmer.entitlement.core.domain.BodyRegionTree;
import org.irmer.entitlement.core.domain.CheckpointKey;
import org.irmer.entitlement.core.domain.CommandContext;
import org.irmer.entitlement.core.domain.CommandResult;
import org.irmer.entitlement.core.domain.Entitlement;
import org.irmer.entitlement.core.domain.EntitlementId;
import org.irmer.entitlement.core.domain.Refusal;
import org.irmer.entitlement.core.domain.RefusalCode;
import org.irmer.entitlement.core.port.in.ManageEntitlements;
import org.irmer.entitlement.core.port.out.Register;
import org.irmer.entitlement.rules.wiring.EntitlementRegister;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * No lost update on PostgreSQL (issue 8, item 4): 8 threads issue 500 lifecycle commands each,
 * suspensions and reinstatements that conflict, on the same three entitlements. Optimistic
 * versioning turns every stale write into a {@code CONCURRENT_CHANGE} refusal, and a command and
 * its audit record commit together, so the trail's accepted commands, replayed one after another
 * in the trail's order on a fresh in-memory register set up the same way, give exactly the state
 * the database holds, each from the state its record says it started from.
 */
class PostgresNoLostUpdateTests {

  private static final int THREADS = 8;
  private static final int COMMANDS_EACH = 500;
  private static final int ENTITLEMENTS = 3;
  private static final CheckpointKey KEY = CheckpointKey.generateEd25519("lost-update-key");

  private final JdbcRegister database =
      TestDatabases.postgres().poolSize(THREADS + 2).checkpointKey(KEY).open();
  private final ImmutableList<EntitlementId> entitlements =
      LifecycleTrust.establish(database.register(), ENTITLEMENTS);
  private final EntitlementRegister node;

  PostgresNoLostUpdateTests() {
    database.replaceExaminations(BodyRegionTree.standard(), LifecycleTrust.catalogue());
    node = EntitlementRegister.open(database.register());
  }

  @AfterEach
  void close() {
    node.close();
    database.close();
  }

  @Test
  void theFinalStateIsTheSerialReplayOfTheAcceptedCommandsInCommitOrder() throws Exception {
    long before = database.register().auditTrail().size();
    Map<RefusalCode, AtomicInteger> refusals = new ConcurrentHashMap<>();
    AtomicInteger accepted = new AtomicInteger();

    long started = System.nanoTime();
    run(refusals, accepted);
    long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
    Map<RefusalCode, Integer> counts = new EnumMap<>(RefusalCode.class);
    refusals.forEach((code, count) -> counts.put(code, count.get()));
    System.out.printf(Locale.ROOT, "%d lifecycle commands from %d threads in %d ms: %d accepted,"
        + " refused %s%n", THREADS * COMMANDS_EACH, THREADS, millis, accepted.get(), counts);

    assertThat(refusals.keySet()).as("the codes of the refusals")
        .isSubsetOf(RefusalCode.CONCURRENT_CHANGE, RefusalCode.ILLEGAL_TRANSITION);
    assertThat(refusals).as("the commands did conflict").containsKey(RefusalCode.CONCURRENT_CHANGE);
    ImmutableList<AuditTrailEntry> trail =
        database.register().auditTrail().read(before + 1, Integer.MAX_VALUE);
    assertThat(trail).as("one record per command").hasSize(THREADS * COMMANDS_EACH);
    List<AuditEvent> committed = trail.stream().map(AuditTrailEntry::event)
        .filter(event -> event.result().equals("ACCEPTED")).toList();
    assertThat(committed).hasSize(accepted.get());
    assertThat(trail.stream().map(AuditTrailEntry::event)
        .filter(event -> !event.result().equals("ACCEPTED")))
        .allSatisfy(refused -> assertThat(refused.causes().get(1))
            .matches("(CONCURRENT_CHANGE|ILLEGAL_TRANSITION): .*"));

    replayMatches(committed);

    AuditCheckpoint end = database.checkpoints().issue();
    assertThat(end.sequence()).isEqualTo(before + THREADS * COMMANDS_EACH);
    assertThat(database.checkpoints().verify(end).intact()).as("verified against %s", end).isTrue();
    assertThat(database.register().auditTrail().firstBrokenLink()).isEmpty();
  }

  /** Each thread suspends or reinstates (at random, seeded) one of the entitlements at random. */
  private void run(Map<RefusalCode, AtomicInteger> refusals, AtomicInteger accepted)
      throws Exception {
    ExecutorService threads = Executors.newFixedThreadPool(THREADS);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        Random random = new Random(t);
        int thread = t;
        done.add(threads.submit(() -> {
          start.await();
          for (int n = 0; n < COMMANDS_EACH; n++) {
            EntitlementId id = entitlements.get(random.nextInt(ENTITLEMENTS));
            CommandContext context = CommandContext.by(LifecycleTrust.DELEGATE,
                LifecycleTrust.NOW.plusMillis(thread * COMMANDS_EACH + n), "thread " + thread);
            CommandResult<Entitlement> result = random.nextBoolean()
                ? node.entitlements().suspend(id, context)
                : node.entitlements().reinstate(id, context);
            if (result.isAccepted()) {
              accepted.incrementAndGet();
            }
            for (Refusal refusal : result.refusals()) {
              refusals.computeIfAbsent(refusal.code(), code -> new AtomicInteger()).incrementAndGet();
            }
          }
          return null;
        }));
      }
      start.countDown();
      for (Future<?> thread : done) {
        thread.get(2, TimeUnit.MINUTES);
      }
    } finally {
      threads.shutdownNow();
    }
  }

  /**
   * Replays {@code committed} in order on a fresh in-memory register set up as the database was:
   * each is accepted again, from the state its record names, and the final status and version of
   * every entitlement is the database's.
   */
  private void replayMatches(List<AuditEvent> committed) {
    InMemoryRegister memory = InMemoryRegister.create().withExaminations(LifecycleTrust.catalogue());
    Register ports = memory.register();
    LifecycleTrust.establish(ports, ENTITLEMENTS);
    try (EntitlementRegister replay = EntitlementRegister.open(ports)) {
      ManageEntitlements commands = replay.entitlements();
      for (int n = 0; n < committed.size(); n++) {
        AuditEvent original = committed.get(n);
        EntitlementId id = EntitlementId.of(original.subject());
        CommandContext context =
            new CommandContext(original.actor(), original.at(), original.causes().get(0));
        CommandResult<Entitlement> result = switch (original.action()) {
          case "suspend-entitlement" -> commands.suspend(id, context);
          case "reinstate-entitlement" -> commands.reinstate(id, context);
          default -> throw new AssertionError("not a command of the test: " + original.action());
        };
        assertThat(result.refusals()).as("replay of committed command %s, %s", n, original)
            .isEmpty();
        AuditEvent replayed = ports.auditTrail().read(ports.auditTrail().size(), 1).get(0).event();
        assertThat(original.stateBefore()).as("the state before committed command %s", n)
            .isEqualTo(replayed.stateBefore());
        assertThat(original.stateAfter()).as("the state after committed command %s", n)
            .isEqualTo(replayed.stateAfter());
      }
      for (EntitlementId id : entitlements) {
        Entitlement stored = database.register().entitlements().find(id).orElseThrow();
        Entitlement replayed = ports.entitlements().find(id).orElseThrow();
        assertThat(stored.status()).as("status of %s", id).isEqualTo(replayed.status());
        assertThat(stored.version()).as("version of %s", id).isEqualTo(replayed.version());
      }
    }
  }
}
