package org.irmer.entitlement.examples.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.irmer.entitlement.adapter.json.log.ReferralLogs;
import org.irmer.entitlement.adapter.json.log.ReferralLogs.Aim;
import org.irmer.entitlement.adapter.json.log.ReferralLogs.Format;
import org.irmer.entitlement.adapter.json.log.ReferralLogs.GeneratedReferral;
import org.irmer.entitlement.adapter.json.log.ReferralLogs.GeneratorOptions;
import org.irmer.entitlement.adapter.json.log.ReferralLogs.LogWriter;
import org.irmer.entitlement.adapter.json.log.ReferralLogs.UnreadableLogException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * Writes a referral log (entitlement-adapter-json's LOGS.md) of plausible referrals aimed at the
 * register's own scopes, for demonstrations and benchmarks of retrospective audit: mostly inside a
 * scope rule, some just outside it. It reads the register and changes nothing in it; the file is
 * written beside its final name and moved into place when complete, so a failure leaves no
 * half-written log.
 */
@Command(name = "generate-referrals", mixinStandardHelpOptions = true,
    description = {"Writes a referral log (CSV or JSON lines) of plausible referrals by the",
        "register's referrers: most inside a rule of their scope, some just outside it (another",
        "examination, too young, another setting, clinical information or pregnancy status",
        "missing, an unknown referrer). The same seed and window give the same file, byte for",
        "byte. The register is read, never changed."},
    footer = {"", "Examples:",
        "  entitlement generate-referrals --out referrals.csv",
        "  entitlement generate-referrals --rows 1000000 --seed 7 --out bench/referrals.jsonl",
        "  entitlement generate-referrals --from 2026-01-01T00:00:00Z --to 2026-07-01T00:00:00Z \\",
        "      --format csv --out audit/h1.log --force --json",
        "",
        "Without --from and --to the window is the 365 days before the start of today (UTC):",
        "give both for a log that is the same whenever it is made."})
final class GenerateReferralsCommand extends RegisterCommand {

  @Option(names = "--out", required = true, paramLabel = "<file>",
      description = "The log to write; its extension (.csv, .jsonl, .ndjson) gives the format.")
  Path out;

  @Option(names = "--rows", paramLabel = "<n>", defaultValue = "10000",
      description = "How many referrals (default: ${DEFAULT-VALUE}).")
  long rows;

  @Option(names = "--seed", paramLabel = "<n>", defaultValue = "1",
      description = "The seed: the same seed gives the same referrals (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--from", paramLabel = "<instant>",
      description = "The first instant of the window, inclusive (default: 365 days before --to).")
  Instant from;

  @Option(names = "--to", paramLabel = "<instant>",
      description = "The end of the window, exclusive (default: the start of today, UTC).")
  Instant to;

  @Option(names = "--inside-share", paramLabel = "<share>", defaultValue = "0.8",
      description = "The share of referrals aimed inside a scope rule, 0 to 1 (default: ${DEFAULT-VALUE}).")
  double insideShare;

  @Option(names = "--format", paramLabel = "<format>",
      description = "csv or jsonl (default: from the extension of --out).")
  String format;

  @Option(names = "--force", description = "Replace --out when it exists.")
  boolean force;

  @Option(names = "--json", description = "Print a summary as JSON (generate-referrals.schema.json).")
  boolean json;

  private Format chosen;

  @Override
  void validate() {
    chosen = format != null ? named(format) : Format.of(out).orElseThrow(() -> usage("--out " + out
        + " has no extension of a referral log (.csv, .jsonl, .ndjson): name one or give --format"));
    if (rows < 0) {
      throw usage("--rows must not be negative: " + rows);
    }
    if (insideShare < 0 || insideShare > 1) {
      throw usage("--inside-share must be between 0 and 1: " + insideShare);
    }
    if (from != null && to != null && !from.isBefore(to)) {
      throw usage("--from " + from + " must be before --to " + to);
    }
    OutputFile.check(out, force);
  }

  private Format named(String text) {
    return switch (text.toLowerCase(Locale.ROOT)) {
      case "csv" -> Format.CSV;
      case "jsonl", "ndjson" -> Format.JSON_LINES;
      default -> throw usage("--format must be csv or jsonl, not '" + text + "'");
    };
  }

  private ParameterException usage(String message) {
    return new ParameterException(spec.commandLine(), message);
  }

  @Override
  int run(Session session) throws IOException {
    Instant end = to != null ? to : session.now().truncatedTo(ChronoUnit.DAYS);
    Instant start = from != null ? from : end.minus(Duration.ofDays(365));
    if (!start.isBefore(end)) {
      throw usage("--from " + start + " must be before --to " + end);
    }
    GeneratorOptions options = new GeneratorOptions(rows, seed, start, end, insideShare);
    Stream<GeneratedReferral> referrals;
    try {
      referrals = ReferralLogs.generate(session.register().decisionData(), options);
    } catch (IllegalArgumentException nothingToAimAt) {
      throw CliFailure.data(nothingToAimAt.getMessage() + " (import register files first)");
    }
    Map<Aim, Long> aims = new EnumMap<>(Aim.class);
    try {
      OutputFile.write(out, partial -> {
        try (LogWriter writer = ReferralLogs.writer(partial, chosen)) {
          referrals.forEach(row -> {
            writer.write(row.request());
            aims.merge(row.aim(), 1L, Long::sum);
          });
        }
      });
    } catch (UnreadableLogException failed) {
      throw new CliFailure(ExitCodes.IO, failed.getMessage(), failed);
    }
    if (json) {
      Json.print(out(), summary(options, aims));
    } else {
      out().println("Wrote " + rows + " referrals to " + out + " (" + describe(chosen) + ", seed "
          + seed + ", " + start + " to " + end + "):");
      for (Aim aim : Aim.values()) {
        out().println(String.format(Locale.ROOT, "  %-32s %d", words(aim), aims.getOrDefault(aim, 0L)));
      }
    }
    return ExitCodes.OK;
  }

  private ObjectNode summary(GeneratorOptions options, Map<Aim, Long> aims) {
    ObjectNode document = Json.object();
    document.put("file", out.toString());
    document.put("format", chosen == Format.CSV ? "csv" : "jsonl");
    document.put("rows", options.rows());
    document.put("seed", options.seed());
    document.put("from", options.from().toString());
    document.put("to", options.to().toString());
    document.put("insideShare", options.insideShare());
    ObjectNode byAim = document.putObject("aims");
    for (Aim aim : Aim.values()) {
      byAim.put(aim.name(), aims.getOrDefault(aim, 0L));
    }
    return document;
  }

  private static String describe(Format format) {
    return format == Format.CSV ? "CSV" : "JSON lines";
  }

  private static String words(Aim aim) {
    return switch (aim) {
      case INSIDE -> "inside a scope rule";
      case EXAMINATION_OUTSIDE -> "examination outside the rule";
      case TOO_YOUNG -> "patient a day too young";
      case SETTING_OUTSIDE -> "setting outside the rule";
      case CLINICAL_INFORMATION_MISSING -> "clinical information missing";
      case PREGNANCY_UNKNOWN -> "pregnancy status unknown";
      case UNKNOWN_REFERRER -> "referrer unknown to the register";
    };
  }
}
