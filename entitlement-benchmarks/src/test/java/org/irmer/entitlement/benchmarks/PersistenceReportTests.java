package org.irmer.entitlement.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The persistence report reads JMH's JSON and the propagation main's output as {@code
 * bench/persistence} writes them, and replaces only its own section of {@code BENCHMARKS.md}. The
 * figures here are made up, in JMH's format; nothing is timed.
 */
class PersistenceReportTests {

  @TempDir Path directory;

  private PersistenceReport report;

  @BeforeEach
  void read() throws IOException {
    report = new PersistenceReport();
    report.readJmh("["
        + run("recordedCheck", "thrpt", 6200.4, "ops/s", "")
        + "," + run("recordedCheckLatency", "sample", 2.6, "ms/op",
            ", \"scorePercentiles\": {\"50.0\": 2.1, \"99.0\": 8.25}")
        + "," + run("lifecycle", "thrpt", 850.0, "ops/s", "")
        + "," + run("snapshotLoad", "ss", 2500.0, "ms/op", "")
        + "," + run("verifyTrail", "ss", 12000.0, "ms/op", "")
        + "]");
    report.readPropagation(List.of("database: an embedded PostgreSQL, PostgreSQL 18.0",
        "propagation_p50_ms=12.34 propagation_p99_ms=40.00 propagation_max_ms=45.00 changes=120"));
  }

  private static String run(String name, String mode, double score, String unit, String more) {
    return "{\"benchmark\": \"org.irmer.entitlement.benchmarks.PersistenceBenchmarks." + name
        + "\", \"mode\": \"" + mode + "\", \"forks\": 1, \"vmName\": \"VM\", \"vmVersion\": \"17\","
        + " \"primaryMetric\": {\"score\": " + score + ", \"scoreUnit\": \"" + unit + "\"" + more
        + "}}";
  }

  @Test
  void theLastLineGivesEveryFigureInItsOwnUnit() {
    assertThat(report.summaryLine()).isEqualTo("recorded_checks_per_s=6200 recorded_check_p99_ms=8.25"
        + " lifecycle_per_s=850 snapshot_load_s=2.50 verify_1m_s=12.00 propagation_p50_ms=12.3"
        + " propagation_p99_ms=40.0");
  }

  @Test
  void scalesTheVerificationToAMillionWhenTheTrailHeldFewer() {
    report.readTrailSize(List.of("# Warmup Iteration   1: 200000 trail records appended in"
        + " 150.0 s (an embedded PostgreSQL, schema bench_trail_1_2)"));

    assertThat(report.summaryLine()).contains(" verify_1m_s=60.00 ");
    assertThat(report.table()).contains("scaled from the 200,000 records appended in the time allowed (12.00 s)")
        .contains("| 60.00 s | ≤ 10 s | no: missed by 6.00× |");
  }

  @Test
  void aFigureNotMeasuredIsNotAvailable() {
    PersistenceReport empty = new PersistenceReport();

    assertThat(empty.summaryLine()).isEqualTo("recorded_checks_per_s=n/a recorded_check_p99_ms=n/a"
        + " lifecycle_per_s=n/a snapshot_load_s=n/a verify_1m_s=n/a propagation_p50_ms=n/a"
        + " propagation_p99_ms=n/a");
  }

  @Test
  void theTableSaysWhichTargetsAreMetAndByWhatTheOthersAreMissed() {
    String table = report.table();

    assertThat(table)
        .contains("| recorded checks per second, 16 callers, W2 (throughput) | 6,200 /s | ≥ 5,000 /s | yes |")
        .contains("| recorded check p99, 16 callers, W2 (sampled) | 8.25 ms | ≤ 10 ms | yes |")
        .contains("| 850 /s | ≥ 1,000 /s | no: missed by 1.18× |")
        .contains("| 12.00 s | ≤ 10 s | no: missed by 1.20× |")
        .contains("| change propagation p99, two nodes, 120 changes | 40.0 ms | ≤ 1 s | yes |");
  }

  @Test
  void replacesItsOwnSectionAndLeavesTheRestOfTheFileAlone() throws IOException {
    Path markdown = directory.resolve("BENCHMARKS.md");
    String before = "# Benchmarks\n\n" + BenchmarkReport.BEGIN + "\nengine figures\n"
        + BenchmarkReport.END + "\n\n## Persistence\n\n";
    String after = "\n## Where the time goes\n\ntext\n";
    Files.writeString(markdown, before + PersistenceReport.BEGIN + "\nold figures\n"
        + PersistenceReport.END + "\n" + after, StandardCharsets.UTF_8);

    PersistenceReport.write(markdown, report.section(report.table(), "a database", "1.00"));

    String written = Files.readString(markdown, StandardCharsets.UTF_8);
    assertThat(written).startsWith(before + PersistenceReport.BEGIN).endsWith(PersistenceReport.END
        + "\n" + after).doesNotContain("old figures").contains("| 6,200 /s |")
        .contains("on a database.");
  }
}
