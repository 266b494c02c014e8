package org.irmer.entitlement.adapter.cdshooks;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

/**
 * Writes the "CDS Hooks" section of {@code BENCHMARKS.md} (between {@link #BEGIN} and {@link #END})
 * from the result files of {@link CdsHooksLoad}, for {@code ./bench/cdshooks}.
 *
 * <p>Usage: {@code CdsHooksReport <results folder> <report file>}. The folder holds {@code
 * cdshooks-h2.properties}, {@code cdshooks-postgres.properties} and {@code cdshooks-load.txt} (the
 * load average before the run). A report file without the markers gets the section at its end.
 * The last line printed is {@code h2_p99_ms=<x> h2_errors=<n> postgres_p99_ms=<y>
 * postgres_errors=<m>}.
 */
public final class CdsHooksReport {

  static final String BEGIN = "<!-- cdshooks:begin -->";
  static final String END = "<!-- cdshooks:end -->";
  static final double TARGET_P99_MS = 20.0;

  private CdsHooksReport() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 2) {
      System.err.println("usage: CdsHooksReport <results folder> <report file>");
      System.exit(2);
    }
    Path results = Path.of(args[0]);
    Properties h2 = read(results.resolve("cdshooks-h2.properties"));
    Properties postgres = read(results.resolve("cdshooks-postgres.properties"));
    String load = Files.exists(results.resolve("cdshooks-load.txt"))
        ? Files.readString(results.resolve("cdshooks-load.txt")).strip() : "unknown";
    String section = section(h2, postgres, load, machine());
    Path report = Path.of(args[1]);
    String existing = Files.exists(report) ? Files.readString(report, StandardCharsets.UTF_8) : "";
    Files.writeString(report, replaced(existing, section), StandardCharsets.UTF_8);
    System.out.println(section);
    System.out.println("h2_p99_ms=" + h2.getProperty("p99_ms") + " h2_errors=" + h2.getProperty("errors")
        + " postgres_p99_ms=" + postgres.getProperty("p99_ms") + " postgres_errors="
        + postgres.getProperty("errors"));
  }

  /** {@code existing} with its section between the markers replaced, or the section appended. */
  static String replaced(String existing, String section) {
    int begin = existing.indexOf(BEGIN);
    int end = existing.indexOf(END);
    String block = BEGIN + "\n" + section + END;
    if (begin >= 0 && end > begin) {
      return existing.substring(0, begin) + block + existing.substring(end + END.length());
    }
    String separator = existing.isEmpty() || existing.endsWith("\n\n") ? "" : existing.endsWith("\n") ? "\n" : "\n\n";
    return existing + separator + block + "\n";
  }

  static String section(Properties h2, Properties postgres, String load, String machine) {
    StringBuilder text = new StringBuilder();
    text.append("## CDS Hooks\n\n");
    text.append("`./bench/cdshooks`: the CDS Hooks service on loopback, ").append(h2.getProperty("clients"))
        .append(" concurrent client connections for ").append(h2.getProperty("seconds"))
        .append(" s after a 5 s warm-up, sending on a fixed schedule of ")
        .append(h2.getProperty("target_per_s", "?"))
        .append(" calls/s in total, each call's latency counted from its scheduled send time (no ")
        .append("coordinated omission). Each call is an `order-sign` with its own JWT (RS384, 2048-bit, a ")
        .append("new `jti`, all signed before the run so that the client's signing does not take the ")
        .append("service's CPU) and a full prefetch, cycling through scenarios S1 and S2 (two refusals to ")
        .append("one entitled order); every decision recorded in the audit trail. Client and service share ")
        .append("the machine. Target: p99 at most ").append(String.format(Locale.ROOT, "%.0f", TARGET_P99_MS))
        .append(" ms, no errors.\n\n");
    text.append("| Database | Calls | Throughput (calls/s) | p50 (ms) | p99 (ms) | Max (ms) | Errors | p99 target met |\n");
    text.append("|---|---|---|---|---|---|---|---|\n");
    for (Properties run : List.of(h2, postgres)) {
      double p99 = Double.parseDouble(run.getProperty("p99_ms", "NaN"));
      boolean met = p99 <= TARGET_P99_MS && "0".equals(run.getProperty("errors"));
      text.append("| ").append(run.getProperty("database")).append(" | ").append(run.getProperty("calls"))
          .append(" | ").append(run.getProperty("throughput_per_s")).append(" | ").append(run.getProperty("p50_ms"))
          .append(" | ").append(run.getProperty("p99_ms")).append(" | ").append(run.getProperty("max_ms"))
          .append(" | ").append(run.getProperty("errors")).append(" | ").append(met ? "yes" : "no").append(" |\n");
    }
    for (Properties run : List.of(h2, postgres)) {
      String errors = run.getProperty("first_errors", "");
      if (!errors.isBlank()) {
        text.append("\nFirst errors on ").append(run.getProperty("database")).append(": `")
            .append(errors.replace('`', '\'')).append("`\n");
      }
    }
    text.append("\nMachine: ").append(machine).append("; load average before the run: ").append(load).append(".\n");
    return text.toString();
  }

  private static String machine() {
    return Runtime.getRuntime().availableProcessors() + " cores, Java " + System.getProperty("java.version")
        + ", " + System.getProperty("os.name") + " " + System.getProperty("os.arch");
  }

  private static Properties read(Path file) throws IOException {
    Properties properties = new Properties();
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      properties.load(reader);
    }
    return properties;
  }
}
