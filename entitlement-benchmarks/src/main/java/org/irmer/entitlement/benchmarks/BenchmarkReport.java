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
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeMap;

/**
 * Turns the results of {@code bench/run} into the results table: printed, and written between the
 * result markers of {@code BENCHMARKS.md} with the machine and the date. The last line printed is
 * {@code ratio_vs_jcasbin=<x> ratio_vs_cedar=<y>}: each peer's median time on W2 divided by ours,
 * on the same requests.
 *
 * <p>Usage: {@code BenchmarkReport <results directory> <BENCHMARKS.md>}; the directory holds {@code
 * jmh.json} (JMH's {@code -rf json}), {@code preflight.txt} ({@link Preflight}'s output: the
 * snapshot heap and the agreement check), {@code load.txt} and {@code load-end.txt} (the load
 * average when the run started and when the benchmarks ended).
 */
public final class BenchmarkReport {

  static final String BEGIN = "<!-- results:begin (written by bench/run) -->";
  static final String END = "<!-- results:end -->";

  private static final String PACKAGE = "org.irmer.entitlement.benchmarks.";

  /** One benchmark's figures. */
  record Figures(double median, double p99, double score, String unit, OptionalDouble bytesPerOp) {}

  private final Map<String, Figures> results = new TreeMap<>();
  private String jdk = "?";

  public static void main(String[] args) throws IOException {
    if (args.length != 2) {
      throw new IllegalArgumentException(
          "usage: BenchmarkReport <results directory> <BENCHMARKS.md>");
    }
    Path results = Path.of(args[0]);
    BenchmarkReport report = new BenchmarkReport();
    report.read(results.resolve("jmh.json"));
    List<String> preflight = lines(results.resolve("preflight.txt"));
    Optional<Long> heap = heapBytes(preflight);
    List<String> agreement =
        preflight.stream().filter(line -> line.contains("requests checked")).toList();
    String load =
        lines(results.resolve("load.txt")).stream().findFirst().orElse("unknown")
            + " when the run started, "
            + lines(results.resolve("load-end.txt")).stream().findFirst().orElse("unknown")
            + " when the benchmarks ended (one benchmark thread gives about 1; more means something"
            + " else was running)";
    String table = report.table(heap);
    String ratios = report.ratioLine();
    System.out.println(table);
    Path markdown = Path.of(args[1]);
    write(markdown, report.section(table, heap, agreement, load));
    System.out.println("written to " + markdown);
    System.out.println(ratios);
  }

  private static List<String> lines(Path file) throws IOException {
    return Files.exists(file) ? Files.readAllLines(file, StandardCharsets.UTF_8) : List.of();
  }

  void read(Path json) throws IOException {
    JsonNode root = new ObjectMapper().readTree(json.toFile());
    for (JsonNode run : root) {
      String name = run.get("benchmark").asText().replace(PACKAGE, "");
      JsonNode params = run.get("params");
      List<String> qualifiers = new ArrayList<>();
      if (params != null && params.has("engine")) {
        qualifiers.add(params.get("engine").asText());
      }
      if (params != null && params.has("workload")) {
        qualifiers.add(params.get("workload").asText());
        if (params.has("requests")) {
          qualifiers.add(params.get("requests").asText());
        }
      }
      if (!qualifiers.isEmpty()) {
        name += "[" + String.join(",", qualifiers) + "]";
      }
      JsonNode primary = run.get("primaryMetric");
      JsonNode percentiles = primary.get("scorePercentiles");
      OptionalDouble bytes = OptionalDouble.empty();
      JsonNode secondary = run.get("secondaryMetrics");
      if (secondary != null) {
        for (Iterator<String> keys = secondary.fieldNames(); keys.hasNext(); ) {
          String key = keys.next();
          if (key.endsWith("gc.alloc.rate.norm")) {
            bytes = OptionalDouble.of(secondary.get(key).get("score").asDouble());
          }
        }
      }
      results.put(
          name,
          new Figures(
              percentile(percentiles, "50.0"),
              percentile(percentiles, "99.0"),
              primary.get("score").asDouble(),
              primary.get("scoreUnit").asText(),
              bytes));
      jdk = run.get("vmName").asText() + " " + run.get("vmVersion").asText();
    }
  }

  private static double percentile(JsonNode percentiles, String key) {
    return percentiles != null && percentiles.has(key)
        ? percentiles.get(key).asDouble()
        : Double.NaN;
  }

  private Optional<Figures> get(String name) {
    return Optional.ofNullable(results.get(name));
  }

  /** A peer engine on a workload. */
  private static String peer(String engine, String workload) {
    return "PeerBenchmarks.allows[" + engine + "," + workload + "]";
  }

  /** Our engine over all of a workload's requests, and over the first 2,048 the peers share. */
  private static String ours(String workload, boolean all) {
    return "OursBenchmarks.check["
        + workload
        + ","
        + (all ? Workloads.REQUESTS : PeerState.REQUESTS)
        + "]";
  }

  String table(Optional<Long> heap) {
    StringBuilder out = new StringBuilder();
    out.append("Our engine, over all 65,536 requests of each workload:\n\n");
    out.append("| Workload | Median | p99 | Allocation |\n|---|--:|--:|--:|\n");
    oursRow(out, "W1: 1 referrer, mixed", ours("W1", true));
    oursRow(out, "W2: 50,000 referrers, mixed", ours("W2", true));
    oursRow(out, "W3: W2, every refusal explained", "OursBenchmarks.checkExplainingRefusals");
    oursRow(out, "W2, permitted requests only", "OursBenchmarks.permitPath");
    oursRow(out, "W2, refused requests only, explained", "OursBenchmarks.refusalExplained");
    out.append("\nOver W2's first 2,048 requests only (about 1,500 referrers, whose programs stay in the"
        + " processor's caches, as the referrers active at one time in a trust would):\n\n");
    out.append("| Workload | Median | p99 | Allocation |\n|---|--:|--:|--:|\n");
    oursRow(out, "W2 (2,048), permitted requests only", "OursBenchmarks.permitPathActive");
    oursRow(out, "W2 (2,048), refused requests only, explained", "OursBenchmarks.refusalExplainedActive");
    out.append(
        "\nThe same policies and the same requests (the first 2,048 of each workload) in each"
            + " engine; ratios are the peer's median over ours; allocation in bytes per call:\n\n");
    out.append(
        "| Workload | Ours median | Ours p99 | jCasbin median | jCasbin p99 | cedar-java median"
            + " | cedar-java p99 | jCasbin ÷ ours | cedar-java ÷ ours | Ours B/op | jCasbin B/op"
            + " | cedar-java B/op |\n");
    out.append("|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|\n");
    comparisonRow(out, "W1", "W1: 1 referrer");
    comparisonRow(out, "W2", "W2: 50,000 referrers");
    out.append(
            "\nWith ours timed over all 65,536 requests instead (more of them miss the caches):"
                + " jCasbin ÷ ours ")
        .append(ratio(get(peer(PeerBenchmarks.JCASBIN, "W1")), get(ours("W1", true))))
        .append(" on W1, ")
        .append(ratio(get(peer(PeerBenchmarks.JCASBIN, "W2")), get(ours("W2", true))))
        .append(" on W2; cedar-java ÷ ours ")
        .append(ratio(get(peer(PeerBenchmarks.CEDAR, "W1")), get(ours("W1", true))))
        .append(" on W1, ")
        .append(ratio(get(peer(PeerBenchmarks.CEDAR, "W2")), get(ours("W2", true))))
        .append(" on W2.\n");
    out.append(
        "\n| Throughput, W2, 2 threads | Ours | jCasbin | cedar-java |\n|---|--:|--:|--:|\n");
    out.append("| checks per second | ")
        .append(throughput("OursBenchmarks.checkThroughput"))
        .append(" | ")
        .append(throughput("PeerBenchmarks.allowsThroughput[" + PeerBenchmarks.JCASBIN + "]"))
        .append(" | ")
        .append(throughput("PeerBenchmarks.allowsThroughput[" + PeerBenchmarks.CEDAR + "]"))
        .append(" |\n");
    out.append("\n| Snapshot of W2 | Measured |\n|---|--:|\n");
    out.append("| build time (single shot, mean) | ")
        .append(
            get("SnapshotBenchmarks.build")
                .map(f -> format(f.score()) + " " + f.unit())
                .orElse("n/a"))
        .append(" |\n");
    out.append("| retained heap after GC | ")
        .append(heap.map(bytes -> String.format(Locale.ROOT, "%.1f MB", bytes / 1e6)).orElse("n/a"))
        .append(" |\n");
    return out.toString();
  }

  private void oursRow(StringBuilder out, String label, String name) {
    Optional<Figures> o = get(name);
    out.append("| ")
        .append(label)
        .append(" | ")
        .append(nanos(o.map(Figures::median)))
        .append(" | ")
        .append(nanos(o.map(Figures::p99)))
        .append(" | ")
        .append(bytes(o))
        .append(" B/op |\n");
  }

  private void comparisonRow(StringBuilder out, String workload, String label) {
    Optional<Figures> o = get(ours(workload, false));
    Optional<Figures> j = get(peer(PeerBenchmarks.JCASBIN, workload));
    Optional<Figures> c = get(peer(PeerBenchmarks.CEDAR, workload));
    out.append("| ")
        .append(label)
        .append(" | ")
        .append(nanos(o.map(Figures::median)))
        .append(" | ")
        .append(nanos(o.map(Figures::p99)))
        .append(" | ")
        .append(nanos(j.map(Figures::median)))
        .append(" | ")
        .append(nanos(j.map(Figures::p99)))
        .append(" | ")
        .append(nanos(c.map(Figures::median)))
        .append(" | ")
        .append(nanos(c.map(Figures::p99)))
        .append(" | ")
        .append(ratio(j, o))
        .append(" | ")
        .append(ratio(c, o))
        .append(" | ")
        .append(bytes(o))
        .append(" | ")
        .append(bytes(j))
        .append(" | ")
        .append(bytes(c))
        .append(" |\n");
  }

  private String throughput(String name) {
    return get(name).map(f -> String.format(Locale.ROOT, "%,.0f", f.score())).orElse("not run");
  }

  /** Peer median over ours, or n/a. */
  private static String ratio(Optional<Figures> peer, Optional<Figures> ours) {
    if (peer.isEmpty() || ours.isEmpty()) {
      return "—";
    }
    return format(peer.get().median() / ours.get().median()) + "×";
  }

  String ratioLine() {
    Optional<Figures> ours = get(ours("W2", false));
    return "ratio_vs_jcasbin="
        + plain(get(peer(PeerBenchmarks.JCASBIN, "W2")), ours)
        + " ratio_vs_cedar="
        + plain(get(peer(PeerBenchmarks.CEDAR, "W2")), ours);
  }

  private static String plain(Optional<Figures> peer, Optional<Figures> ours) {
    if (peer.isEmpty() || ours.isEmpty()) {
      return "n/a";
    }
    return String.format(Locale.ROOT, "%.1f", peer.get().median() / ours.get().median());
  }

  private static String nanos(Optional<Double> value) {
    return value.filter(v -> !v.isNaN()).map(v -> format(v) + " ns").orElse("—");
  }

  private static String bytes(Optional<Figures> figures) {
    return figures
        .flatMap(
            f ->
                f.bytesPerOp().isPresent()
                    ? Optional.of(String.format(Locale.ROOT, "%,.0f", f.bytesPerOp().getAsDouble()))
                    : Optional.empty())
        .orElse("—");
  }

  /** Three significant figures, grouped thousands. */
  private static String format(double value) {
    if (value >= 100) {
      return String.format(Locale.ROOT, "%,.0f", value);
    }
    if (value >= 10) {
      return String.format(Locale.ROOT, "%.1f", value);
    }
    return String.format(Locale.ROOT, "%.2f", value);
  }

  String section(String table, Optional<Long> heap, List<String> agreement, String load) {
    StringBuilder out = new StringBuilder();
    out.append(BEGIN).append("\n\n");
    out.append("Measured ")
        .append(
            ZonedDateTime.now(ZoneOffset.UTC)
                .format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)))
        .append(" by `./bench/run`, our engine being `")
        .append(OurEngine.IMPLEMENTATION)
        .append("`.\n\n");
    out.append("Machine: ")
        .append(Machine.describe())
        .append("; JDK: ")
        .append(jdk)
        .append("; load average (1, 5, 15 min) ")
        .append(load)
        .append(".\n\n");
    out.append(table).append('\n');
    out.append("Targets (ARCHITECTURE.md):\n\n").append(targets(heap)).append('\n');
    if (!agreement.isEmpty()) {
      out.append(
          "Agreement checked before timing (allow if and only if our outcome is ENTITLED):\n\n");
      agreement.forEach(line -> out.append("- ").append(line).append('\n'));
      out.append('\n');
    }
    out.append(END).append('\n');
    return out.toString();
  }

  /** How a measured figure must compare with a target's bound. */
  enum Bound {
    AT_MOST,
    AT_LEAST,
    MORE_THAN;

    boolean met(double value, double bound) {
      return switch (this) {
        case AT_MOST -> value <= bound;
        case AT_LEAST -> value >= bound;
        case MORE_THAN -> value > bound;
      };
    }
  }

  /** Each target with the measured figure and whether it is met, and if not by what factor. */
  String targets(Optional<Long> heap) {
    List<String[]> rows = new ArrayList<>();
    Optional<Figures> permit = get("OursBenchmarks.permitPath");
    rows.add(
        target(
            "permit path median ≤ 300 ns", permit.map(Figures::median), Bound.AT_MOST, 300, " ns"));
    rows.add(
        target(
            "permit path allocates nothing (< 1 B/op)",
            permit.flatMap(
                f ->
                    f.bytesPerOp().isPresent()
                        ? Optional.of(f.bytesPerOp().getAsDouble())
                        : Optional.empty()),
            Bound.AT_MOST,
            1,
            " B/op"));
    rows.add(
        target(
            "refusal with full explanation, median ≤ 1 µs",
            get("OursBenchmarks.refusalExplained").map(Figures::median),
            Bound.AT_MOST,
            1_000,
            " ns"));
    rows.add(
        target(
            "the same, permit path over W2's first 2,048 requests (active referrers)",
            get("OursBenchmarks.permitPathActive").map(Figures::median),
            Bound.AT_MOST,
            300,
            " ns"));
    rows.add(
        target(
            "the same, refusal over W2's first 2,048 requests (active referrers)",
            get("OursBenchmarks.refusalExplainedActive").map(Figures::median),
            Bound.AT_MOST,
            1_000,
            " ns"));
    rows.add(
        target(
            "> 1,000,000 checks/s per core (W2 on 2 threads, ÷ 2)",
            get("OursBenchmarks.checkThroughput").map(f -> f.score() / 2),
            Bound.MORE_THAN,
            1_000_000,
            "/s"));
    for (String w : List.of("W1", "W2")) {
      Optional<Figures> ours = get(ours(w, false));
      rows.add(
          target(
              "≥ 20× faster than jCasbin on " + w + " (median, same requests)",
              speedup(get(peer(PeerBenchmarks.JCASBIN, w)), ours),
              Bound.AT_LEAST,
              20,
              "×"));
      rows.add(
          target(
              "≥ 5× faster than cedar-java on " + w + " (median, same requests)",
              speedup(get(peer(PeerBenchmarks.CEDAR, w)), ours),
              Bound.AT_LEAST,
              5,
              "×"));
    }
    rows.add(
        target(
            "snapshot build of W2 ≤ 1 s",
            get("SnapshotBenchmarks.build").map(Figures::score),
            Bound.AT_MOST,
            1_000,
            " ms"));
    rows.add(
        target(
            "snapshot heap of W2 ≤ 300 MB",
            heap.map(bytes -> bytes / 1e6),
            Bound.AT_MOST,
            300,
            " MB"));
    StringBuilder out = new StringBuilder("| Target | Measured | Met |\n|---|--:|---|\n");
    rows.forEach(row -> out.append("| ").append(String.join(" | ", row)).append(" |\n"));
    return out.toString();
  }

  private static Optional<Double> speedup(Optional<Figures> peer, Optional<Figures> ours) {
    return peer.isEmpty() || ours.isEmpty()
        ? Optional.empty()
        : Optional.of(peer.get().median() / ours.get().median());
  }

  private static String[] target(
      String what, Optional<Double> measured, Bound bound, double limit, String unit) {
    if (measured.isEmpty() || measured.get().isNaN()) {
      return new String[] {what, "not measured", "—"};
    }
    double value = measured.get();
    String verdict;
    if (bound.met(value, limit)) {
      verdict = "yes";
    } else if (limit <= 1) {
      verdict = "no";
    } else {
      verdict =
          "no: missed by " + format(bound == Bound.AT_MOST ? value / limit : limit / value) + "×";
    }
    return new String[] {what, format(value) + unit, verdict};
  }

  private static Optional<Long> heapBytes(List<String> preflight) {
    return preflight.stream()
        .filter(line -> line.startsWith(Preflight.HEAP_KEY))
        .map(line -> Long.parseLong(line.substring(Preflight.HEAP_KEY.length()).trim()))
        .findFirst();
  }

  /** Replaces the section between the markers, or appends it; the rest of the file is kept. */
  static void write(Path markdown, String section) throws IOException {
    String existing =
        Files.exists(markdown)
            ? Files.readString(markdown, StandardCharsets.UTF_8)
            : "# Benchmarks\n\n";
    int begin = existing.indexOf(BEGIN);
    int end = existing.indexOf(END);
    String updated;
    if (begin >= 0 && end > begin) {
      updated = existing.substring(0, begin) + section + existing.substring(end + END.length() + 1);
    } else {
      updated = existing + (existing.endsWith("\n") ? "\n" : "\n\n") + section;
    }
    Files.writeString(markdown, updated, StandardCharsets.UTF_8);
  }
}
