package org.irmer.entitlement.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report reads JMH's JSON as {@code bench/run} writes it: figures per fork, the floor's rows
 * and targets, and the last line. The JSON here is made up, in JMH's format; nothing is timed.
 */
class BenchmarkReportTests {

  @TempDir Path directory;

  private BenchmarkReport report;

  @BeforeEach
  void read() throws IOException {
    List<String> runs = new ArrayList<>();
    runs.add(sampled("OursBenchmarks.check", "\"workload\": \"W2\", \"requests\": \"65536\"", 740, 720, 745, 760));
    runs.add(sampled("OursBenchmarks.check", "\"workload\": \"W2\", \"requests\": \"2048\"", 300, 290, 300, 310));
    runs.add(sampled("FloorBenchmarks.allows", "\"workload\": \"W2\", \"requests\": \"65536\"", 1000, 980, 1000, 1020));
    runs.add(sampled("FloorBenchmarks.allows", "\"workload\": \"W2\", \"requests\": \"2048\"", 200, 190, 200, 210));
    runs.add(sampled("PeerBenchmarks.allows", "\"engine\": \"jCasbin\", \"workload\": \"W2\"", 9000, 9000, 9000, 9000));
    runs.add(sampled("PeerBenchmarks.allows", "\"engine\": \"cedar-java\", \"workload\": \"W2\"", 150000, 150000, 150000, 150000));
    runs.add(
        """
        {"benchmark": "org.irmer.entitlement.benchmarks.OursBenchmarks.checkThroughput",
         "mode": "thrpt", "forks": 3, "vmName": "VM", "vmVersion": "17",
         "primaryMetric": {"score": 2000000.0, "scoreUnit": "ops/s",
           "rawData": [[1900000.0, 2100000.0], [1800000.0, 1800000.0], [2200000.0, 2200000.0]]}}
        """);
    Path json = directory.resolve("jmh.json");
    Files.writeString(json, "[" + String.join(",", runs) + "]", StandardCharsets.UTF_8);
    report = new BenchmarkReport();
    report.read(json);
  }

  @Test
  void theLastLineDividesOurMedianByTheFloorsOverAllW2Requests() {
    assertThat(report.ratioLine())
        .isEqualTo("ratio_vs_jcasbin=30.0 ratio_vs_cedar=500.0 ratio_vs_floor=0.74");
  }

  @Test
  void theFloorTableGivesTheRatioWithTheRangeTheForksAllowAndTheTargets() {
    String table = report.table(Optional.empty());

    assertThat(table)
        .contains(
            "| all 65,536 (50,000 referrers) | 740 ns (720–760) | 1,000 ns (980–1,020) |"
                + " 0.74× (0.71–0.78) | ≤ 0.5× | no: missed by 1.48× |")
        .contains(
            "| first 2,048 (about 1,500 referrers) | 300 ns (290–310) | 200 ns (190–210) |"
                + " 1.50× (1.38–1.63) | ≤ 1.0× | no: missed by 1.50× |");
  }

  @Test
  void theTargetsListTheFloors() {
    assertThat(report.targets(Optional.empty()))
        .contains("| ours ≤ 0.5× the plain-Java floor over all 65,536 W2 requests (median, same"
            + " requests) | 0.74× | no: missed by 1.48× |");
  }

  @Test
  void aScoreThatIsNotSampledGetsTheRangeOfItsForksMeans() {
    assertThat(report.table(Optional.empty()))
        .contains("| checks per second (forks) | 2,000,000 (1,800,000–2,200,000) |");
  }

  @Test
  void saysHowManyForksTheFiguresAreOver() {
    assertThat(report.forksNote()).startsWith("Each benchmark ran in 3 forks;");
  }

  /**
   * A sampled benchmark of three forks whose own medians are {@code forkMedians}, and whose pooled
   * median is {@code median}; each fork's one iteration has a few samples either side.
   */
  private static String sampled(String benchmark, String params, double median, double... forkMedians) {
    List<String> forks = new ArrayList<>();
    for (double m : forkMedians) {
      forks.add(
          String.format(
              Locale.ROOT, "[[[%.1f, 10], [%.1f, 25], [%.1f, 10]]]", m * 0.9, m, m * 1.5));
    }
    return String.format(
        Locale.ROOT,
        """
        {"benchmark": "org.irmer.entitlement.benchmarks.%s", "mode": "sample", "forks": %d,
         "vmName": "VM", "vmVersion": "17", "params": {%s},
         "primaryMetric": {"score": %.1f, "scoreUnit": "ns/op",
           "scorePercentiles": {"50.0": %.1f, "99.0": %.1f},
           "rawDataHistogram": [%s]},
         "secondaryMetrics": {"·gc.alloc.rate.norm": {"score": 0.5}}}
        """,
        benchmark,
        forkMedians.length,
        params,
        median,
        median,
        median * 1.5,
        String.join(", ", forks));
  }
}
