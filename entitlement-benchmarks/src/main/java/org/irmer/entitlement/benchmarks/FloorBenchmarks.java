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
import org.openjdk.jmh.annotations.Warmup;

/**
 * The plain-Java floor ({@link FloorEngine}): allow or deny on W2, over all 65,536 requests and
 * over the first 2,048, the same requests, in the same mode and units, as our engine's mixed check
 * ({@link OursBenchmarks#check}), so that the report can divide our median by the floor's. Each
 * trial first asserts that the floor agrees with our engine on every request of the workload
 * ({@link FloorState}).
 */
@Fork(
    value = ForkOptions.FORKS,
    jvmArgsAppend = {ForkOptions.HEAP, ForkOptions.MAX_HEAP, ForkOptions.YOUNG, ForkOptions.HUGE_PAGES})
@Warmup(iterations = ForkOptions.WARMUP_ITERATIONS, time = ForkOptions.ITERATION_SECONDS)
@Measurement(iterations = ForkOptions.MEASUREMENT_ITERATIONS, time = ForkOptions.ITERATION_SECONDS)
public class FloorBenchmarks {

  /** The floor on W2 (or {@code -p workload=W1}), over all of its requests or the first 2,048. */
  @State(Scope.Benchmark)
  public static class Loaded extends FloorState {
    @Param({"W2"})
    public String workload;

    /** As {@link OursBenchmarks.Mixed#requests}. */
    @Param({"65536", "2048"})
    public int requests;

    @Setup(Level.Trial)
    public void setUp() {
      load(workload, requests);
    }
  }

  @Benchmark
  @BenchmarkMode(Mode.SampleTime)
  @OutputTimeUnit(TimeUnit.NANOSECONDS)
  public boolean allows(Loaded state, Cursor cursor) {
    return state.floor.allows(cursor.next(state.timed));
  }
}
