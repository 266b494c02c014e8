package org.irmer.entitlement.benchmarks;

import java.util.concurrent.TimeUnit;
import org.irmer.entitlement.core.domain.ReferralRequest;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * What a vendor pays for a check through the library's entry point, {@link EntitlementRegister},
 * over the in-memory adapter: the bare decision (the live engine's full {@code ReferralDecision},
 * recorded nowhere) and the recorded check (the same decision appended to the chained audit trail,
 * a blocked attempt stored for each refusal, in one unit of work), on W2's requests. Every recorded
 * check stays in the in-memory trail, so each fork's heap grows with the calls it makes: the
 * iterations are short.
 */
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms4g", "-Xmx4g", ForkOptions.YOUNG, ForkOptions.HUGE_PAGES})
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 2, time = 1)
public class RecordedCheckBenchmarks {

  /** W2 wired through the entry point over its in-memory register. */
  @State(Scope.Benchmark)
  public static class Wired {
    EntitlementRegister register;
    ReferralRequest[] requests;

    @Setup(Level.Trial)
    public void setUp() {
      Workload workload = Workloads.named("W2");
      register = EntitlementRegister.open(workload.register());
      requests = workload.requests();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
      register.close();
    }
  }

  /** The full decision from the live engine, recorded nowhere. */
  @Benchmark
  @BenchmarkMode(Mode.SampleTime)
  @OutputTimeUnit(TimeUnit.NANOSECONDS)
  public Object bareDecision(Wired state, Cursor cursor) {
    return state.register.engine().evaluate(cursor.next(state.requests));
  }

  /** The check a vendor makes: decided, recorded in the audit trail, and returned. */
  @Benchmark
  @BenchmarkMode(Mode.SampleTime)
  @OutputTimeUnit(TimeUnit.NANOSECONDS)
  public Object recordedCheck(Wired state, Cursor cursor) {
    return state.register.referrals().check(cursor.next(state.requests));
  }
}
