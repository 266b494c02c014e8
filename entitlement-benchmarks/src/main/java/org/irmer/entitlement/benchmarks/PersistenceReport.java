package org.irmer.entitlement.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the results of {@code bench/persistence} into the "Persistence" section of {@code
 * BENCHMARKS.md}, between {@link #BEGIN} and {@link #END} (the rest of the file is kept), with the
 * machine, and prints it. The last line printed is {@code recorded_checks_per_s=<x>
 * recorded_check_p99_ms=<y> lifecycle_per_s=<z> snapshot_load_s=<a> verify_1m_s=<b>
 * propagation_p50_ms=<c> propagation_p99_ms=<d>}, {@code n/a} for a figure not measured.
 *
 * <p>Usage: {@code PersistenceReport <results directory> <BENCHMARKS.md>}; the directory holds
 * {@code persistence-jmh.json} (JMH's {@code -rf json} of {@link PersistenceBenchmarks}), {@code
 * propagation.txt} ({@link PersistencePropagation}'s output), {@code persistence-load.txt} and
 * {@code persistence-load-end.txt} (the load average before and after).
 */
public final class PersistenceReport {

  static final String BEGIN = "<!-- persistence:begin (written by bench/persistence) -->";
  static final String END = "<!-- persistence:end -->";

  private static final String PREFIX = "org.irmer.entitlement.benchmarks.PersistenceBenchmarks.";

  static final double CHECKS_TARGET = 5_000;
  static final double CHECK_P99_TARGET_MS = 10;
  static final double LIFECYCLE_TARGET = 1_000;
  static final double SNAPSHOT_TARGET_S = 3;
  static final double VERIFY_TARGET_S = 10;
  static final double PROPAGATION_P50_TARGET_MS = 100;
  static final double PROPAGATION_P99_TARGET_MS = 1_000;

  /** One benchmark's score (JMH's mean, or for sampled benchmarks its mean too) and p99. */
  record Score(double score, double p99, String unit, int forks) {}

  private final Map<String, Score> scores = new HashMap<>();
  private final Map<String, Double> propagation = new HashMap<>();
  private String jdk = "?";
  private String database = "an unknown PostgreSQL";
  private long trailRecords = MILLION;

  private static final long MILLION = 1_000_000;
  private static final Pattern TRAIL_FILLED =
      Pattern.compile("(\\d+)" + PersistenceBenchmarks.TRAIL_FILLED);

  public static void main(String[] args) throws IOException {
    if (args.length != 2) {
      throw new IllegalArgumentException(
          "usage: PersistenceReport <results directory> <BENCHMARKS.md>");
    }
    Path results = Path.of(args[0]);
    PersistenceReport report = new PersistenceReport();
    Path json = results.resolve("persistence-jmh.json");
    if (Files.exists(json)) {
      report.readJmh(Files.readString(json, StandardCharsets.UTF_8));
    }
    report.readTrailSize(lines(results.resolve("persistence-jmh.log")));
    report.readPropagation(lines(results.resolve("propagation.txt")));
    String load = first(results.resolve("persistence-load.txt")) + " when the run started, "
        + first(results.resolve("persistence-load-end.txt")) + " when it ended";
    String table = report.table();
    System.out.println(table);
    Path markdown = Path.of(args[1]);
    write(markdown, report.section(table, report.database, load));
    System.out.println("written to " + markdown);
    System.out.println(report.summaryLine());
  }

  private static List<String> lines(Path file) throws IOException {
    return Files.exists(file) ? Files.readAllLines(file, StandardCharsets.UTF_8) : List.of();
  }

  private static String first(Path file) throws IOException {
    return lines(file).stream().findFirst().orElse("unknown");
  }

  void readJmh(String json) throws IOException {
    for (JsonNode run : new ObjectMapper().readTree(json)) {
      String name = run.get("benchmark").asText().replace(PREFIX, "");
      JsonNode primary = run.get("primaryMetric");
      JsonNode percentiles = primary.get("scorePercentiles");
      double p99 = percentiles != null && percentiles.has("99.0")
          ? percentiles.get("99.0").asDouble() : Double.NaN;
      scores.put(name, new Score(primary.get("score").asDouble(), p99,
          primary.get("scoreUnit").asText(), run.get("forks").asInt()));
      jdk = run.get("vmName").asText() + " " + run.get("vmVersion").asText();
    }
  }

  /** Reads how many records the verified trail held, from the benchmarks' log. */
  void readTrailSize(List<String> log) {
    for (String line : log) {
      Matcher filled = TRAIL_FILLED.matcher(line);
      if (filled.find()) {
        trailRecords = Long.parseLong(filled.group(1));
      }
    }
  }

  /** Reads the database's name and the {@code key=value} pairs of {@link PersistencePropagation}. */
  void readPropagation(List<String> lines) {
    for (String line : lines) {
      if (line.startsWith(PersistencePropagation.DATABASE)) {
        database = line.substring(PersistencePropagation.DATABASE.length()).trim();
      }
      if (line.startsWith(PersistencePropagation.KEY)) {
        for (String pair : line.trim().split(" ")) {
          String[] kv = pair.split("=", 2);
          if (kv.length == 2) {
            propagation.put(kv[0], Double.parseDouble(kv[1]));
          }
        }
      }
    }
  }

  /** A figure in the unit of the summary line, scaled from the benchmark's own unit. */
  private OptionalDouble score(String benchmark, double scale) {
    Score s = scores.get(benchmark);
    return s == null ? OptionalDouble.empty() : OptionalDouble.of(s.score() * scale);
  }

  OptionalDouble recordedChecksPerSecond() {
    return score("recordedCheck", 1);
  }

  OptionalDouble recordedCheckP99Millis() {
    Score s = scores.get("recordedCheckLatency");
    return s == null || Double.isNaN(s.p99()) ? OptionalDouble.empty() : OptionalDouble.of(s.p99());
  }

  OptionalDouble recordedCheckMeanMillis() {
    return score("recordedCheckLatency", 1);
  }

  OptionalDouble lifecyclePerSecond() {
    return score("lifecycle", 1);
  }

  OptionalDouble snapshotLoadSeconds() {
    return score("snapshotLoad", 1e-3);
  }

  /**
   * The time to verify a million records: measured, or, when the trail held fewer (appending too
   * slow to fill it in the time allowed), the time measured scaled to a million, verification
   * being one pass over the records.
   */
  OptionalDouble verifySeconds() {
    return score("verifyTrail", 1e-3 * MILLION / trailRecords);
  }

  OptionalDouble propagation(String key) {
    Double value = propagation.get(key);
    return value == null ? OptionalDouble.empty() : OptionalDouble.of(value);
  }

  String table() {
    List<String[]> rows = new ArrayList<>();
    rows.add(row("recorded checks per second, 16 callers, W2 (throughput)",
        recordedChecksPerSecond(), "%,.0f /s", true, CHECKS_TARGET, "≥ 5,000 /s"));
    rows.add(row("recorded check p99, 16 callers, W2 (sampled)", recordedCheckP99Millis(),
        "%.2f ms", false, CHECK_P99_TARGET_MS, "≤ 10 ms"));
    rows.add(row("recorded check mean, 16 callers, W2 (sampled)", recordedCheckMeanMillis(),
        "%.2f ms", false, Double.NaN, "—"));
    rows.add(row("lifecycle commands per second, with audit records, 4 threads",
        lifecyclePerSecond(), "%,.0f /s", true, LIFECYCLE_TARGET, "≥ 1,000 /s"));
    rows.add(row("snapshot load of W2 (50,000 referrers), single shot, mean",
        snapshotLoadSeconds(), "%.2f s", false, SNAPSHOT_TARGET_S, "≤ 3 s"));
    rows.add(row(trailRecords >= MILLION
            ? "verifying 1,000,000 trail records, single shot, mean"
            : String.format(Locale.ROOT, "verifying 1,000,000 trail records, single shot, mean:"
                + " scaled from the %,d records appended in the time allowed (%.2f s)",
                trailRecords, score("verifyTrail", 1e-3).orElse(Double.NaN)),
        verifySeconds(),
        "%.2f s", false, VERIFY_TARGET_S, "≤ 10 s"));
    rows.add(row("change propagation p50, two nodes, " + changes() + " changes",
        propagation("propagation_p50_ms"), "%.1f ms", false, PROPAGATION_P50_TARGET_MS,
        "≤ 100 ms"));
    rows.add(row("change propagation p99, two nodes, " + changes() + " changes",
        propagation("propagation_p99_ms"), "%.1f ms", false, PROPAGATION_P99_TARGET_MS,
        "≤ 1 s"));
    StringBuilder out = new StringBuilder(
        "| Figure | Measured | Target | Met |\n|---|--:|--:|---|\n");
    rows.forEach(row -> out.append("| ").append(String.join(" | ", row)).append(" |\n"));
    return out.toString();
  }

  private String changes() {
    return propagation("changes").isPresent()
        ? String.format(Locale.ROOT, "%.0f", propagation("changes").getAsDouble())
        : String.valueOf(PersistencePropagation.CHANGES);
  }

  private static String[] row(String what, OptionalDouble value, String pattern,
      boolean atLeast, double target, String targetText) {
    if (value.isEmpty() || Double.isNaN(value.getAsDouble())) {
      return new String[] {what, "not measured", targetText, "—"};
    }
    double v = value.getAsDouble();
    String met;
    if (Double.isNaN(target)) {
      met = "—";
    } else if (atLeast ? v >= target : v <= target) {
      met = "yes";
    } else {
      met = String.format(Locale.ROOT, "no: missed by %.2f×", atLeast ? target / v : v / target);
    }
    return new String[] {what, String.format(Locale.ROOT, pattern, v), targetText, met};
  }

  /** The summary line, each figure plain ({@code n/a} when not measured). */
  String summaryLine() {
    return "recorded_checks_per_s=" + plain(recordedChecksPerSecond(), "%.0f")
        + " recorded_check_p99_ms=" + plain(recordedCheckP99Millis(), "%.2f")
        + " lifecycle_per_s=" + plain(lifecyclePerSecond(), "%.0f")
        + " snapshot_load_s=" + plain(snapshotLoadSeconds(), "%.2f")
        + " verify_1m_s=" + plain(verifySeconds(), "%.2f")
        + " propagation_p50_ms=" + plain(propagation("propagation_p50_ms"), "%.1f")
        + " propagation_p99_ms=" + plain(propagation("propagation_p99_ms"), "%.1f");
  }

  private static String plain(OptionalDouble value, String pattern) {
    return value.isPresent() && !Double.isNaN(value.getAsDouble())
        ? String.format(Locale.ROOT, pattern, value.getAsDouble()) : "n/a";
  }

  String section(String table, String database, String load) {
    int forks = scores.values().stream().mapToInt(Score::forks).max().orElse(0);
    return BEGIN + "\n\n"
        + "Measured "
        + ZonedDateTime.now(ZoneOffset.UTC)
            .format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT))
        + " by `./bench/persistence`, on " + database + ".\n\n"
        + "Machine: " + Machine.describe() + "; JDK: " + jdk + "; load average (1, 5, 15 min) "
        + load + " (more than about 2 means something else was running).\n\n"
        + (forks <= 1 ? "The JMH benchmarks ran in one JVM (see above): one figure each, no"
            + " spread between forks.\n\n" : "")
        + table + "\n" + END + "\n";
  }

  /** Replaces the section between the markers, or appends it; the rest of the file is kept. */
  static void write(Path markdown, String section) throws IOException {
    String existing = Files.exists(markdown)
        ? Files.readString(markdown, StandardCharsets.UTF_8) : "# Benchmarks\n\n";
    int begin = existing.indexOf(BEGIN);
    int end = existing.indexOf(END);
    String updated = begin >= 0 && end > begin
        ? existing.substring(0, begin) + section
            + existing.substring(Math.min(existing.length(), end + END.length() + 1))
        : existing + (existing.endsWith("\n") ? "\n" : "\n\n") + section;
    Files.writeString(markdown, updated, StandardCharsets.UTF_8);
  }
}
