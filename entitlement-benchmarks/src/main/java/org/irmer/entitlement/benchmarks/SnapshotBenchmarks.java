package org.irmer.entitlement.benchmarks;

import java.util.concurrent.TimeUnit;
import org.irmer.entitlement.core.port.out.Register;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * Building our engine's snapshot of W2 (50,000 referrers) from the in-memory stores, one build per
 * shot. The retained heap of the snapshot is measured apart, by {@link Preflight}, since it needs
 * full collections around the build.
 */
@Fork(
    value = ForkOptions.FORKS,
    jvmArgsAppend = {ForkOptions.HEAP, ForkOptions.MAX_HEAP, ForkOptions.YOUNG, ForkOptions.HUGE_PAGES})
@Warmup(iterations = 1)
@Measurement(iterations = 3)
public class SnapshotBenchmarks {

  /** W2's register. */
  @State(Scope.Benchmark)
  public static class W2Register {
    Register register;

    @Setup(Level.Trial)
    public void setUp() {
      register = Workloads.w2().register();
    }
  }

  @Benchmark
  @BenchmarkMode(Mode.SingleShotTime)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  public OurEngine build(W2Register state) {
    return OurEngine.build(state.register);
  }
}
