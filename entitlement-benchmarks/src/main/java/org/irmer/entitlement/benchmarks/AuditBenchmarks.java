package org.irmer.entitlement.benchmarks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.irmer.entitlement.adapter.json.log.ReferralLogs;
import org.irmer.entitlement.adapter.json.log.ReferralLogs.Entry;
import org.irmer.entitlement.adapter.json.log.ReferralLogs.Format;
import org.irmer.entitlement.adapter.json.log.ReferralLogs.GeneratorOptions;
import org.irmer.entitlement.adapter.json.log.ReferralLogs.LogReader;
import org.irmer.entitlement.adapter.json.log.ReferralLogs.LogWriter;
import org.irmer.entitlement.adapter.json.log.ReferralLogs.Progress;
import org.irmer.entitlement.adapter.json.log.ReferralLogs.Row;
import org.irmer.entitlement.core.domain.Actor;
import org.irmer.entitlement.core.domain.CommandContext;
import org.irmer.entitlement.core.domain.ReferralAuditReport;
import org.irmer.entitlement.core.port.in.AuditPastReferrals;
import org.irmer.entitlement.core.port.out.Register;
import org.irmer.entitlement.core.service.StoreDecisionData;
import org.irmer.entitlement.rules.audit.ReferralAuditService;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Retrospective audit (issue 10, item 5; target: 1,000,000 rows in at most 5 s): a referral log of
 * {@code rows} rows generated from a register of 1,000 referrers (the population mix of the
 * workloads) into a CSV file, then, one shot each, read and judged row by row ({@link #audit}), or
 * only read ({@link #read}), which tells decoding from judging. In-memory stores; the fork's heap
 * is 256 MB, as the audit's constant-memory claim says.
 */
@Fork(value = 1, jvmArgsAppend = {"-Xms256m", "-Xmx256m"})
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class AuditBenchmarks {

  /** The register and the log written from it, once a trial. */
  @State(Scope.Benchmark)
  public static class AuditLog {

    @Param({"1000000"})
    long rows;

    @Param({"CSV", "JSON_LINES"})
    Format format;

    Register register;
    Path log;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
      register = Workloads.generate("AUDIT", 1_000, 1, 0xA0D17L).register();
      log = Files.createTempFile("audit-benchmark", format.extension());
      GeneratorOptions options = GeneratorOptions.of(rows, 7,
          Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2027-01-01T00:00:00Z"));
      try (LogWriter writer = ReferralLogs.writer(log, format)) {
        ReferralLogs.generate(StoreDecisionData.from(register), options)
            .forEach(referral -> writer.write(referral.request()));
      }
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
      Files.deleteIfExists(log);
    }
  }

  /**
   * Prints the benchmark thread's CPU time since {@code startNanos}: on a machine whose cores are
   * shared, the wall clock JMH reports stretches with the load, the thread's CPU time much less.
   */
  private static void printCpu(String what, long startNanos) {
    long cpu = THREADS.getCurrentThreadCpuTime() - startNanos;
    System.out.printf(Locale.ROOT, "%s: thread CPU %.0f ms%n", what, cpu / 1e6);
  }

  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  @Benchmark
  public ReferralAuditReport audit(AuditLog state) {
    long cpu = THREADS.getCurrentThreadCpuTime();
    AuditPastReferrals audits = new ReferralAuditService(StoreDecisionData.from(state.register),
        state.register.entitlements(), state.register.complianceEvents(),
        state.register.auditTrail(), state.register.transactions());
    AuditPastReferrals.Run run = audits.begin(state.log.getFileName().toString(),
        new CommandContext(Actor.system("benchmark"), Instant.parse("2027-02-01T00:00:00Z"),
            "Audit benchmark"));
    try (LogReader reader = ReferralLogs.read(state.log, state.format, Progress.NONE)) {
      for (Entry entry : reader) {
        if (entry instanceof Row row) {
          run.request(row.line(), row.request());
        } else {
          run.skipped(entry.line(), entry.toString());
        }
      }
    }
    ReferralAuditReport report = run.finish();
    printCpu("audit " + state.format, cpu);
    if (report.total().requests() != state.rows) {
      throw new IllegalStateException("audited " + report.total().requests() + " of "
          + state.rows + " rows");
    }
    return report;
  }

  @Benchmark
  public long read(AuditLog state) {
    long cpu = THREADS.getCurrentThreadCpuTime();
    long requests = 0;
    try (LogReader reader = ReferralLogs.read(state.log, state.format, Progress.NONE)) {
      for (Entry entry : reader) {
        if (entry instanceof Row) {
          requests++;
        }
      }
    }
    printCpu("read " + state.format, cpu);
    return requests;
  }
}
