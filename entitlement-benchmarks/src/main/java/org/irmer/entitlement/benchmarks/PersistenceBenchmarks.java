package org.irmer.entitlement.benchmarks;

import static com.google.common.base.Preconditions.checkState;

import com.google.common.collect.ImmutableSortedMap;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.irmer.entitlement.adapter.jdbc.JdbcRegister;
import org.irmer.entitlement.core.domain.Actor;
import org.irmer.entitlement.core.domain.AuditCheckpoint;
import org.irmer.entitlement.core.domain.AuditEvent;
import org.irmer.entitlement.core.domain.CheckpointKey;
import org.irmer.entitlement.core.domain.CommandContext;
import org.irmer.entitlement.core.domain.CommandResult;
import org.irmer.entitlement.core.domain.Entitlement;
import org.irmer.entitlement.core.domain.EntitlementId;
import org.irmer.entitlement.core.domain.TrailVerification;
import org.irmer.entitlement.core.port.out.AuditTrail;
import org.irmer.entitlement.core.port.out.Register;
import org.irmer.entitlement.core.service.StoreDecisionData;
import org.irmer.entitlement.rules.compiled.CompiledEngine;
import org.irmer.entitlement.rules.wiring.EntitlementRegister;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.ThreadParams;

/**
 * The register on PostgreSQL (issue 8, item 10), run by {@code bench/persistence}, never by {@code
 * bench/run} (it excludes this class). {@code bench/persistence} runs them all in one JVM (JMH
 * {@code -f 0}, the JVM options below given on its command line): that JVM starts one embedded
 * PostgreSQL, or uses the server at {@code ENTITLEMENT_BENCH_PG_URL} ({@link BenchPostgres}), and
 * copies W2 into it once ({@link PostgresWorkload#w2()}, over a minute on two cores), which the
 * snapshot, lifecycle and check benchmarks share; a fork each would copy it again each time and the
 * command has to stay within about ten minutes. The benchmarks are bound by the database, not by
 * code the JIT could optimise for one benchmark at the expense of the next.
 *
 * <ul>
 *   <li>{@link #snapshotLoad}: compiling the engine's snapshot of W2 (50,000 referrers) from the
 *       database, on one consistent read ({@code Transactions.reading}); single shot;
 *   <li>{@link #lifecycle}: suspend and reinstate, alternately, through {@code
 *       EntitlementRegister.entitlements()}, each command with its audit record and its change in
 *       one unit of work; four threads, each on entitlements of its own; commands per second;
 *   <li>{@link #recordedCheck} and {@link #recordedCheckLatency}: {@code
 *       EntitlementRegister.referrals().check} on W2's requests, each decision's audit record
 *       committed (group commit) before it returns; 16 callers; checks per second, and each call's
 *       time sampled for the percentiles;
 *   <li>{@link #verifyTrail}: verifying a trail of 1,000,000 records against a signed checkpoint
 *       of its head (or of as many as were appended within {@link #TRAIL_FILL_NANOS}); single
 *       shot.
 * </ul>
 */
@Fork(
    value = 1,
    jvmArgsAppend = {PersistenceBenchmarks.HEAP, PersistenceBenchmarks.MAX_HEAP, ForkOptions.YOUNG,
        ForkOptions.HUGE_PAGES})
public class PersistenceBenchmarks {

  static final String HEAP = "-Xms4g";
  static final String MAX_HEAP = "-Xmx4g";

  /**
   * Trail records {@link #verifyTrail} verifies: 1,000,000, or fewer for a check of the harness
   * ({@code -Dentitlement.bench.trailRecords=<n>}, a multiple of {@link #APPENDS_PER_UNIT}).
   */
  static final int TRAIL_RECORDS = Integer.getInteger("entitlement.bench.trailRecords", 1_000_000);

  /**
   * The longest the trail is filled for ({@code -Dentitlement.bench.trailFillSeconds=<s>}, default
   * 150): where appending is slower than about 7,000 records a second, the trail verified is the
   * part filled by then, and the report gives the time a million would take at the same rate.
   */
  static final long TRAIL_FILL_NANOS =
      TimeUnit.SECONDS.toNanos(Long.getLong("entitlement.bench.trailFillSeconds", 150));

  /** Appends per unit of work while filling the trail. */
  static final int APPENDS_PER_UNIT = 10_000;

  /** How the filled trail's size is printed, for {@link PersistenceReport} to read. */
  static final String TRAIL_FILLED = " trail records appended in ";

  private static EntitlementRegister wired;

  /** W2 copied into PostgreSQL, once for the run ({@link PostgresWorkload#w2()}). */
  @State(Scope.Benchmark)
  public static class W2OnPostgres {
    PostgresWorkload w2;

    @Setup(Level.Trial)
    public void setUp() {
      w2 = PostgresWorkload.w2();
    }
  }

  /**
   * W2 on PostgreSQL wired through the entry point, its engine compiled from the database: once
   * for the run, shared by the lifecycle and check benchmarks, closed when the JVM ends.
   */
  @State(Scope.Benchmark)
  public static class Wired {
    EntitlementRegister register;
    PostgresWorkload w2;

    @Setup(Level.Trial)
    public void setUp() {
      w2 = PostgresWorkload.w2();
      register = wired(w2);
    }

    private static EntitlementRegister wired(PostgresWorkload w2) {
      synchronized (PersistenceBenchmarks.class) {
        if (wired == null) {
          EntitlementRegister register = EntitlementRegister.open(w2.jdbc.register());
          w2.server.atExit(register::close);
          wired = register;
        }
        return wired;
      }
    }
  }

  /**
   * A thread's own in-force entitlements (every {@code n}-th of them, {@code n} the number of
   * threads) and whether each is suspended now; each call moves the next one along.
   */
  @State(Scope.Thread)
  public static class Commands {
    EntitlementId[] mine;
    boolean[] suspended;
    int next;

    @Setup(Level.Trial)
    public void setUp(Wired wired, ThreadParams threads) {
      List<EntitlementId> all = wired.w2.inForce;
      int count = threads.getThreadCount();
      int index = threads.getThreadIndex();
      mine = IntStream.range(0, all.size())
          .filter(i -> i % count == index)
          .mapToObj(all::get)
          .toArray(EntitlementId[]::new);
      suspended = new boolean[mine.length];
      checkState(mine.length > 0, "no in-force entitlement for thread %s", index);
    }
  }

  /**
   * A trail of {@link #TRAIL_RECORDS} records (or as many as {@link #TRAIL_FILL_NANOS} allowed)
   * and a signed checkpoint of its head.
   */
  @State(Scope.Benchmark)
  public static class FilledTrail {
    String schema;
    JdbcRegister jdbc;
    AuditCheckpoint anchor;
    long records;

    @Setup(Level.Trial)
    public void setUp() {
      BenchPostgres server = BenchPostgres.server();
      schema = BenchPostgres.newSchema("trail");
      jdbc = server.register(schema, 4)
          .checkpointKey(CheckpointKey.generateEd25519("benchmark"))
          .open();
      Register ports = jdbc.register();
      AuditTrail trail = ports.auditTrail();
      long start = System.nanoTime();
      for (int unit = 0; unit < TRAIL_RECORDS / APPENDS_PER_UNIT
          && System.nanoTime() - start < TRAIL_FILL_NANOS; unit++) {
        int first = unit * APPENDS_PER_UNIT;
        ports.transactions().inTransaction(() -> {
          for (int n = first; n < first + APPENDS_PER_UNIT; n++) {
            trail.append(event(n));
          }
          return null;
        });
      }
      records = trail.size();
      System.out.printf(Locale.ROOT, "%d%s%.1f s (%s, schema %s)%n", records,
          TRAIL_FILLED, (System.nanoTime() - start) / 1e9, server.origin, schema);
      anchor = jdbc.checkpoints().issue();
    }

    /** A recorded check's audit event, as the referral check appends one. */
    private static AuditEvent event(int n) {
      return AuditEvent.builder()
          .action("referral-check")
          .actor(Actor.system("order-comms"))
          .at(Instant.parse("2026-03-10T09:00:00Z").plusMillis(n))
          .subject("P" + (n % Workloads.W2_REFERRERS))
          .result(n % 4 == 0 ? "NOT_ENTITLED" : "ENTITLED")
          .details(ImmutableSortedMap.of("examination", "X" + (n % Workloads.CATALOGUE_SIZE),
              "order", "ORD-" + n))
          .build();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
      try {
        jdbc.close();
      } finally {
        BenchPostgres.server().drop(schema);
      }
    }
  }

  /** The engine's snapshot of W2 compiled from PostgreSQL, on one consistent read. */
  @Benchmark
  @BenchmarkMode(Mode.SingleShotTime)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  @Warmup(iterations = 1)
  @Measurement(iterations = 2)
  public CompiledEngine snapshotLoad(W2OnPostgres state) {
    Register register = state.w2.jdbc.register();
    return register.transactions().reading(
        () -> CompiledEngine.compile(StoreDecisionData.from(register)));
  }

  /** A suspension or a reinstatement through the entry point, with its audit record. */
  @Benchmark
  @BenchmarkMode(Mode.Throughput)
  @OutputTimeUnit(TimeUnit.SECONDS)
  @Threads(4)
  @Warmup(iterations = 1, time = 2)
  @Measurement(iterations = 3, time = 2)
  public Entitlement lifecycle(Wired state, Commands commands) {
    int index = commands.next;
    commands.next = index + 1 == commands.mine.length ? 0 : index + 1;
    EntitlementId id = commands.mine[index];
    CommandContext context =
        CommandContext.by(BenchmarkTrust.DELEGATE, Instant.now(), "benchmark");
    boolean suspend = !commands.suspended[index];
    CommandResult<Entitlement> result = suspend
        ? state.register.entitlements().suspend(id, context)
        : state.register.entitlements().reinstate(id, context);
    checkState(result.isAccepted(), "%s of %s refused: %s", suspend ? "suspension" : "reinstatement",
        id, result.refusals());
    commands.suspended[index] = suspend;
    return result.value();
  }

  /** Recorded checks per second, 16 callers. */
  @Benchmark
  @BenchmarkMode(Mode.Throughput)
  @OutputTimeUnit(TimeUnit.SECONDS)
  @Threads(16)
  @Warmup(iterations = 1, time = 3)
  @Measurement(iterations = 3, time = 3)
  public Object recordedCheck(Wired state, Cursor cursor) {
    return state.register.referrals().check(cursor.next(state.w2.requests));
  }

  /** Each recorded check's time, 16 callers. */
  @Benchmark
  @BenchmarkMode(Mode.SampleTime)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  @Threads(16)
  @Warmup(iterations = 1, time = 3)
  @Measurement(iterations = 3, time = 3)
  public Object recordedCheckLatency(Wired state, Cursor cursor) {
    return state.register.referrals().check(cursor.next(state.w2.requests));
  }

  /** The whole trail verified against the checkpoint of its head. */
  @Benchmark
  @BenchmarkMode(Mode.SingleShotTime)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  @Warmup(iterations = 0)
  @Measurement(iterations = 2)
  public TrailVerification verifyTrail(FilledTrail state) {
    TrailVerification verification = state.jdbc.checkpoints().verify(state.anchor);
    checkState(verification.intact() && verification.checked() == state.records,
        "the trail did not verify: %s", verification);
    return verification;
  }
}
