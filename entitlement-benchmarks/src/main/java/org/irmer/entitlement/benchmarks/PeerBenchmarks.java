package org.irmer.entitlement.benchmarks;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The same policies and requests in the peers, jCasbin ({@link JcasbinEngine}) and cedar-java
 * ({@link CedarEngine}): allow or deny on W1 and W2, sampled per call, and W2's throughput on two
 * threads. Each trial first asserts that the peer agrees with our engine on every request it will
 * be timed on ({@link PeerState}).
 */
@Fork(
    value = ForkOptions.FORKS,
    jvmArgsAppend = {ForkOptions.HEAP, ForkOptions.MAX_HEAP, ForkOptions.YOUNG, ForkOptions.HUGE_PAGES})
@Warmup(iterations = ForkOptions.WARMUP_ITERATIONS, time = ForkOptions.ITERATION_SECONDS)
@Measurement(iterations = ForkOptions.MEASUREMENT_ITERATIONS, time = ForkOptions.ITERATION_SECONDS)
public class PeerBenchmarks {

  static final String JCASBIN = "jCasbin";
  static final String CEDAR = "cedar-java";

  /** A peer on W1 or W2. */
  @State(Scope.Benchmark)
  public static class Loaded extends PeerState {
    @Param({JCASBIN, CEDAR})
    public String engine;

    @Param({"W1", "W2"})
    public String workload;

    @Setup(Level.Trial)
    public void setUp() {
      load(workload, engine);
    }
  }

  /** A peer on W2, for the throughput. */
  @State(Scope.Benchmark)
  public static class W2 extends PeerState {
    @Param({JCASBIN, CEDAR})
    public String engine;

    @Setup(Level.Trial)
    public void setUp() {
      load("W2", engine);
    }
  }

  @Benchmark
  @BenchmarkMode(Mode.SampleTime)
  @OutputTimeUnit(TimeUnit.NANOSECONDS)
  public boolean allows(Loaded state, Cursor cursor) {
    return state.peer.allows(cursor.next(state.requests));
  }

  @Benchmark
  @BenchmarkMode(Mode.Throughput)
  @OutputTimeUnit(TimeUnit.SECONDS)
  @Threads(2)
  public boolean allowsThroughput(W2 state, Cursor cursor) {
    return state.peer.allows(cursor.next(state.requests));
  }
}
