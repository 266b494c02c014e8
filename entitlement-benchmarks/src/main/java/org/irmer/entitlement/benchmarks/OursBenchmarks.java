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
 * Our engine: the fast check on W1 and W2 (a mix of about 70% permitted and 30% refused requests;
 * over all the workload's requests, and over the first 2,048, which the peers are timed on), W3 (W2
 * with the full explanation of every refusal), the permit path and the explained refusal on their
 * own, and W2's throughput on two threads. Latencies are sampled per call (median and p99); run
 * with {@code -prof gc} for the allocation per call.
 */
@Fork(
    value = ForkOptions.FORKS,
    jvmArgsAppend = {ForkOptions.HEAP, ForkOptions.MAX_HEAP, ForkOptions.YOUNG, ForkOptions.HUGE_PAGES})
@Warmup(iterations = ForkOptions.WARMUP_ITERATIONS, time = ForkOptions.ITERATION_SECONDS)
@Measurement(iterations = ForkOptions.MEASUREMENT_ITERATIONS, time = ForkOptions.ITERATION_SECONDS)
public class OursBenchmarks {

  /** W1 or W2, for the mixed check. */
  @State(Scope.Benchmark)
  public static class Mixed extends OursState {
    @Param({"W1", "W2"})
    public String workload;

    /**
     * All 65,536 requests, or the first 2,048: the requests the peers are timed on ({@link
     * PeerState#REQUESTS}), for a comparison on exactly the same requests.
     */
    @Param({"65536", "2048"})
    public int requests;

    @Setup(Level.Trial)
    public void setUp() {
      load(workload, requests);
    }
  }

  /**
   * W2, for the other benchmarks. {@code requests} cycles through fewer of the requests (for
   * example {@code -p requests=1024}) to see how much of a latency is cache misses: the default
   * 65,536 requests and the 50,000 referrers they name do not fit in the processor's caches.
   */
  @State(Scope.Benchmark)
  public static class W2 extends OursState {
    @Param({"65536"})
    public int requests;

    @Setup(Level.Trial)
    public void setUp() {
      load("W2", requests);
    }
  }

  /**
   * W2's first 2,048 requests, the ones the peers are timed on: about 1,500 of the 50,000 referrers,
   * whose programs stay in the processor's caches, as the referrers active at one time in a trust
   * would.
   */
  @State(Scope.Benchmark)
  public static class W2Active extends OursState {
    @Setup(Level.Trial)
    public void setUp() {
      load("W2", PeerState.REQUESTS);
    }
  }

  @Benchmark
  @BenchmarkMode(Mode.SampleTime)
  @OutputTimeUnit(TimeUnit.NANOSECONDS)
  public Object check(Mixed state, Cursor cursor) {
    return state.engine.check(cursor.next(state.all));
  }

  /** W3: the check, then the full decision, with every reason, for each refusal. */
  @Benchmark
  @BenchmarkMode(Mode.SampleTime)
  @OutputTimeUnit(TimeUnit.NANOSECONDS)
  public Object checkExplainingRefusals(W2 state, Cursor cursor) {
    return state.engine.checkExplainingRefusals(cursor.next(state.all));
  }

  /** W2's permitted requests only: the path that must not allocate. */
  @Benchmark
  @BenchmarkMode(Mode.SampleTime)
  @OutputTimeUnit(TimeUnit.NANOSECONDS)
  public Object permitPath(W2 state, Cursor cursor) {
    return state.engine.check(cursor.next(state.permitted));
  }

  /** W2's refused requests only, each with its full explanation. */
  @Benchmark
  @BenchmarkMode(Mode.SampleTime)
  @OutputTimeUnit(TimeUnit.NANOSECONDS)
  public Object refusalExplained(W2 state, Cursor cursor) {
    return state.engine.checkExplainingRefusals(cursor.next(state.refused));
  }

  /** The permit path over the active referrers of {@link W2Active}. */
  @Benchmark
  @BenchmarkMode(Mode.SampleTime)
  @OutputTimeUnit(TimeUnit.NANOSECONDS)
  public Object permitPathActive(W2Active state, Cursor cursor) {
    return state.engine.check(cursor.next(state.permitted));
  }

  /** The explained refusal over the active referrers of {@link W2Active}. */
  @Benchmark
  @BenchmarkMode(Mode.SampleTime)
  @OutputTimeUnit(TimeUnit.NANOSECONDS)
  public Object refusalExplainedActive(W2Active state, Cursor cursor) {
    return state.engine.checkExplainingRefusals(cursor.next(state.refused));
  }

  @Benchmark
  @BenchmarkMode(Mode.Throughput)
  @OutputTimeUnit(TimeUnit.SECONDS)
  @Threads(2)
  public Object checkThroughput(W2 state, Cursor cursor) {
    return state.engine.check(cursor.next(state.all));
  }
}
