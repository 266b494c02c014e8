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
import java.util.IntSummaryStatistics;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeMap;
import java.util.function.DoubleFunction;

/**
 * Turns the results of {@code bench/run} into the results table: printed, and written between the
 * result markers of {@code BENCHMARKS.md} with the machine and the date. The last line printed is
 * {@code ratio_vs_jcasbin=<x> ratio_vs_cedar=<y> ratio_vs_floor=<z>}: each peer's median time on
 * W2 divided by ours, on the same requests, and our median divided by the plain-Java floor's
 * ({@link FloorEngine}) over all 65,536 W2 requests.
 *
 * <p>JMH pools a benchmark's samples over its forks; the report adds each fork's own median (or
 * for throughput and single shots, its mean), and prints every median and score with the lowest
 * and highest of them, so that a figure that moved from fork to fork shows as a wide range.
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

  /** Our median at most this many times the floor's, over all 65,536 W2 requests. */
  static final double FLOOR_TARGET_ALL = 0.5;

  /** Our median at most this many times the floor's, over W2's first 2,048 requests. */
  static final double FLOOR_TARGET_ACTIVE = 1.0;

  /** A recorded check through the entry point at most this many times the bare decision. */
  static final double RECORDED_TARGET = 2.0;

  /** A recorded check through the entry point allocates less than this, in bytes. */
  static final double RECORDED_ALLOCATION_TARGET = 1_024;

  private static final String BARE_DECISION = "RecordedCheckBenchmarks.bareDecision";
  private static final String RECORDED_CHECK = "RecordedCheckBenchmarks.recordedCheck";

  /**
   * One benchmark's figures: the median and p99 of the samples of every fork pooled (sampled
   * benchmarks), JMH's score (the mean, for the others), and the lowest and highest of the forks'
   * own medians (or, for benchmarks that are not sampled, of their scores).
   */
  record Figures(
      double median,
      double p99,
      double score,
      String unit,
      OptionalDouble bytesPerOp,
      int forks,
      double lowest,
      double highest) {

    /** The figure the tables lead with: the median when sampled, the score otherwise. */
    double headline() {
      return Double.isNaN(median) ? score : median;
    }
  }

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
      List<Double> perFork = perFork(primary);
      results.put(
          name,
          new Figures(
              percentile(percentiles, "50.0"),
              percentile(percentiles, "99.0"),
              primary.get("score").asDouble(),
              primary.get("scoreUnit").asText(),
              bytes,
              perFork.size(),
              perFork.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN),
              perFork.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN)));
      jdk = run.get("vmName").asText() + " " + run.get("vmVersion").asText();
    }
  }

  /**
   * Each fork's median, from the histograms of its measured iterations ({@code rawDataHistogram}:
   * per fork, per iteration, {@code [value, count]} pairs), or each fork's mean score ({@code
   * rawData}: per fork, per iteration, a score) when the benchmark is not sampled.
   */
  static List<Double> perFork(JsonNode primary) {
    List<Double> figures = new ArrayList<>();
    JsonNode histograms = primary.get("rawDataHistogram");
    if (histograms != null) {
      for (JsonNode fork : histograms) {
        TreeMap<Double, Long> counts = new TreeMap<>();
        long total = 0;
        for (JsonNode iteration : fork) {
          for (JsonNode bin : iteration) {
            counts.merge(bin.get(0).asDouble(), bin.get(1).asLong(), Long::sum);
            total += bin.get(1).asLong();
          }
        }
        long seen = 0;
        for (Map.Entry<Double, Long> bin : counts.entrySet()) {
          seen += bin.getValue();
          if (2 * seen >= total) {
            figures.add(bin.getKey());
            break;
          }
        }
      }
      return figures;
    }
    JsonNode raw = primary.get("rawData");
    if (raw != null) {
      for (JsonNode fork : raw) {
        double sum = 0;
        int n = 0;
        for (JsonNode iteration : fork) {
          sum += iteration.asDouble();
          n++;
        }
        if (n > 0) {
          figures.add(sum / n);
        }
      }
    }
    return figures;
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

  /** The plain-Java floor on W2, over all of its requests or over the first 2,048. */
  private static String floor(boolean all) {
    return "FloorBenchmarks.allows[W2," + (all ? Workloads.REQUESTS : PeerState.REQUESTS) + "]";
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
    out.append(forksNote()).append("\n\n");
    out.append("Our engine, over all 65,536 requests of each workload:\n\n");
    out.append("| Workload | Median (forks) | p99 | Allocation |\n|---|--:|--:|--:|\n");
    oursRow(out, "W1: 1 referrer, mixed", ours("W1", true));
    oursRow(out, "W2: 50,000 referrers, mixed", ours("W2", true));
    oursRow(out, "W3: W2, every refusal explained", "OursBenchmarks.checkExplainingRefusals");
    oursRow(out, "W2, permitted requests only", "OursBenchmarks.permitPath");
    oursRow(out, "W2, refused requests only, explained", "OursBenchmarks.refusalExplained");
    out.append("\nOver W2's first 2,048 requests only (about 1,500 referrers, whose programs stay in the"
        + " processor's caches, as the referrers active at one time in a trust would):\n\n");
    out.append("| Workload | Median (forks) | p99 | Allocation |\n|---|--:|--:|--:|\n");
    oursRow(out, "W2 (2,048), permitted requests only", "OursBenchmarks.permitPathActive");
    oursRow(out, "W2 (2,048), refused requests only, explained", "OursBenchmarks.refusalExplainedActive");
    floorTable(out);
    out.append("\nA check through the entry point, `EntitlementRegister`, over the in-memory adapter,"
        + " on W2's requests (mixed): the bare decision is the live engine's full"
        + " `ReferralDecision`, recorded nowhere; the recorded check also appends it to the chained"
        + " audit trail, with a blocked attempt for each refusal, in one unit of work:\n\n");
    out.append("| Check | Median (forks) | p99 | Allocation |\n|---|--:|--:|--:|\n");
    oursRow(out, "bare decision", BARE_DECISION);
    oursRow(out, "recorded check", RECORDED_CHECK);
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
    out.append("| checks per second (forks) | ")
        .append(throughput("OursBenchmarks.checkThroughput"))
        .append(" | ")
        .append(throughput("PeerBenchmarks.allowsThroughput[" + PeerBenchmarks.JCASBIN + "]"))
        .append(" | ")
        .append(throughput("PeerBenchmarks.allowsThroughput[" + PeerBenchmarks.CEDAR + "]"))
        .append(" |\n");
    out.append("\n| Snapshot of W2 | Measured (forks) |\n|---|--:|\n");
    out.append("| build time (single shot, mean) | ")
        .append(
            get("SnapshotBenchmarks.build")
                .map(f -> withForks(f, f.score(), v -> format(v) + " " + f.unit()))
                .orElse("n/a"))
        .append(" |\n");
    out.append("| retained heap after GC | ")
        .append(heap.map(bytes -> String.format(Locale.ROOT, "%.1f MB", bytes / 1e6)).orElse("n/a"))
        .append(" |\n");
    return out.toString();
  }

  /** How many forks the figures are over, and what the brackets hold. */
  String forksNote() {
    IntSummaryStatistics forks =
        results.values().stream().mapToInt(Figures::forks).summaryStatistics();
    if (forks.getCount() == 0) {
      return "No results.";
    }
    String count =
        forks.getMin() == forks.getMax()
            ? forks.getMin() + (forks.getMin() == 1 ? " fork" : " forks")
            : forks.getMin() + " to " + forks.getMax() + " forks";
    return "Each benchmark ran in "
        + count
        + (forks.getMin() < 3 ? " (fewer than three: not a measured run)" : "")
        + "; medians and p99 are over the samples of all its forks, and in brackets after a median"
        + " (or a mean, for throughput and build time) are the lowest and highest of the forks'"
        + " own.";
  }

  /**
   * Ours against the plain-Java floor on the same W2 requests, with the targets: our median at
   * most half the floor's over all 65,536 requests, at most the floor's over the first 2,048.
   */
  private void floorTable(StringBuilder out) {
    out.append(
        "\nOurs against the plain-Java floor (`FloorEngine`: a `HashMap` of the referrers keyed by"
            + " the request's id string and a loop over their small rule objects, allow or deny"
            + " with no explanation), both over the same W2 requests, mixed; ours ÷ floor is our"
            + " median over the floor's, in brackets the range the forks' medians allow (our"
            + " lowest over the floor's highest, our highest over the floor's lowest):\n\n");
    out.append(
        "| W2 requests | Ours median | Floor median | Ours ÷ floor | Target | Met | Ours p99 |"
            + " Floor p99 | Ours B/op | Floor B/op |\n");
    out.append("|---|--:|--:|--:|--:|---|--:|--:|--:|--:|\n");
    floorRow(out, "all 65,536 (50,000 referrers)", true, FLOOR_TARGET_ALL);
    floorRow(out, "first 2,048 (about 1,500 referrers)", false, FLOOR_TARGET_ACTIVE);
  }

  private void floorRow(StringBuilder out, String label, boolean all, double target) {
    Optional<Figures> o = get(ours("W2", all));
    Optional<Figures> f = get(floor(all));
    Optional<Double> ratio = quotient(o, f);
    String[] verdict = target("", ratio, Bound.AT_MOST, target, "×");
    out.append("| ")
        .append(label)
        .append(" | ")
        .append(median(o))
        .append(" | ")
        .append(median(f))
        .append(" | ")
        .append(ratio.map(r -> format(r) + "×" + ratioRange(o.get(), f.get())).orElse("—"))
        .append(" | ≤ ")
        .append(String.format(Locale.ROOT, "%.1f", target))
        .append("× | ")
        .append(verdict[2])
        .append(" | ")
        .append(nanos(o.map(Figures::p99)))
        .append(" | ")
        .append(nanos(f.map(Figures::p99)))
        .append(" | ")
        .append(bytes(o))
        .append(" | ")
        .append(bytes(f))
        .append(" |\n");
  }

  /** The range of {@code top ÷ bottom} that the forks' medians allow, in brackets. */
  private static String ratioRange(Figures top, Figures bottom) {
    if (top.forks() < 2 && bottom.forks() < 2 || Double.isNaN(top.lowest())
        || Double.isNaN(bottom.lowest())) {
      return "";
    }
    return " ("
        + format(top.lowest() / bottom.highest())
        + "–"
        + format(top.highest() / bottom.lowest())
        + ")";
  }

  private void oursRow(StringBuilder out, String label, String name) {
    Optional<Figures> o = get(name);
    out.append("| ")
        .append(label)
        .append(" | ")
        .append(median(o))
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
        .append(median(o))
        .append(" | ")
        .append(nanos(o.map(Figures::p99)))
        .append(" | ")
        .append(median(j))
        .append(" | ")
        .append(nanos(j.map(Figures::p99)))
        .append(" | ")
        .append(median(c))
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
    return get(name)
        .map(f -> withForks(f, f.score(), v -> String.format(Locale.ROOT, "%,.0f", v)))
        .orElse("not run");
  }

  /** A median in nanoseconds, with the forks' lowest and highest. */
  private static String median(Optional<Figures> figures) {
    return figures
        .filter(f -> !Double.isNaN(f.median()))
        .map(f -> withForks(f, f.median(), v -> format(v) + " ns"))
        .orElse("—");
  }

  /** {@code value} formatted, and in brackets the forks' lowest and highest, when there are two forks or more. */
  private static String withForks(Figures f, double value, DoubleFunction<String> formatted) {
    String figure = formatted.apply(value);
    if (f.forks() < 2 || Double.isNaN(f.lowest())) {
      return figure;
    }
    return figure + " (" + format(f.lowest()) + "–" + format(f.highest()) + ")";
  }

  /** Peer median over ours, or n/a. */
  private static String ratio(Optional<Figures> peer, Optional<Figures> ours) {
    return quotient(peer, ours).map(r -> format(r) + "×").orElse("—");
  }

  private static Optional<Double> quotient(Optional<Figures> top, Optional<Figures> bottom) {
    if (top.isEmpty() || bottom.isEmpty()) {
      return Optional.empty();
    }
    double value = top.get().median() / bottom.get().median();
    return Double.isNaN(value) ? Optional.empty() : Optional.of(value);
  }

  /**
   * {@code ratio_vs_jcasbin=<x> ratio_vs_cedar=<y> ratio_vs_floor=<z>}: each peer's median on W2's
   * first 2,048 requests over ours on the same requests, and our median over all 65,536 W2
   * requests over the floor's on the same requests.
   */
  String ratioLine() {
    Optional<Figures> ours = get(ours("W2", false));
    return "ratio_vs_jcasbin="
        + plain(get(peer(PeerBenchmarks.JCASBIN, "W2")), ours, "%.1f")
        + " ratio_vs_cedar="
        + plain(get(peer(PeerBenchmarks.CEDAR, "W2")), ours, "%.1f")
        + " ratio_vs_floor="
        + plain(get(ours("W2", true)), get(floor(true)), "%.2f");
  }

  private static String plain(Optional<Figures> top, Optional<Figures> bottom, String pattern) {
    return quotient(top, bottom).map(r -> String.format(Locale.ROOT, pattern, r)).orElse("n/a");
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
    out.append("Targets (ARCHITECTURE.md; the floor's from the issue that added the floor):\n\n").append(targets(heap)).append('\n');
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
            "ours ≤ 0.5× the plain-Java floor over all 65,536 W2 requests (median, same requests)",
            quotient(get(ours("W2", true)), get(floor(true))),
            Bound.AT_MOST,
            FLOOR_TARGET_ALL,
            "×"));
    rows.add(
        target(
            "ours ≤ 1.0× the plain-Java floor over W2's first 2,048 requests (median, same requests)",
            quotient(get(ours("W2", false)), get(floor(false))),
            Bound.AT_MOST,
            FLOOR_TARGET_ACTIVE,
            "×"));
    rows.add(
        target(
            "recorded check through the entry point ≤ 2× the bare decision (median, W2)",
            quotient(get(RECORDED_CHECK), get(BARE_DECISION)),
            Bound.AT_MOST,
            RECORDED_TARGET,
            "×"));
    rows.add(
        target(
            "recorded check through the entry point allocates < 1 KB",
            get(RECORDED_CHECK).flatMap(f -> f.bytesPerOp().isPresent()
                ? Optional.of(f.bytesPerOp().getAsDouble()) : Optional.empty()),
            Bound.AT_MOST,
            RECORDED_ALLOCATION_TARGET,
            " B"));
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
    } else if (value <= 0) {
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
