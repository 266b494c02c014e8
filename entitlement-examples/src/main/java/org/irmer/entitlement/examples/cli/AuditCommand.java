package org.irmer.entitlement.examples.cli;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import org.irmer.entitlement.adapter.json.audit.AuditReportFiles;
import org.irmer.entitlement.adapter.json.log.ReferralLogs;
import org.irmer.entitlement.adapter.json.log.ReferralLogs.Entry;
import org.irmer.entitlement.adapter.json.log.ReferralLogs.Format;
import org.irmer.entitlement.adapter.json.log.ReferralLogs.LogReader;
import org.irmer.entitlement.adapter.json.log.ReferralLogs.Progress;
import org.irmer.entitlement.adapter.json.log.ReferralLogs.Row;
import org.irmer.entitlement.adapter.json.log.ReferralLogs.RowError;
import org.irmer.entitlement.adapter.json.log.ReferralLogs.UnreadableLogException;
import org.irmer.entitlement.adapter.reports.audit.AuditReportPage;
import org.irmer.entitlement.core.domain.Actor;
import org.irmer.entitlement.core.domain.CommandContext;
import org.irmer.entitlement.core.domain.ReferralAuditReport;
import org.irmer.entitlement.core.port.in.AuditPastReferrals.Run;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;

/**
 * Retrospective audit of a referral log (principle 10 of the 2025 guidance): every row judged
 * against the register as it stood at the row's own instant, counted per referrer and employer,
 * reported as JSON, CSV or one self-contained HTML page with charts. The register is read and one audit record
 * summarising the run is appended; nothing else changes. A row that cannot be read is counted and
 * reported with its line, and the run goes on; a log that cannot be opened or whose header is not
 * a log's stops the command before any row is judged, and then nothing is recorded. The report is
 * written beside its final name and moved into place when complete.
 */
@Command(name = "audit", mixinStandardHelpOptions = true,
    description = {"Audits a referral log (CSV or JSON lines, see LOGS.md) against the register as",
        "it stood at each row's own instant: requests, the share entitled, each reason with its",
        "count, guideline advisories and practitioner outcomes, per referrer and per employer.",
        "Rows that cannot be read are counted and listed with their line numbers. One audit",
        "record summarises the run; nothing else in the register changes."},
    footer = {"", "Examples:",
        "  entitlement audit referrals.csv",
        "  entitlement audit referrals.jsonl --out audit.html",
        "  entitlement audit export.log --log-format csv --format csv --out audit.csv --force",
        "",
        "Without --out the report goes to standard output and a summary to standard error.",
        "A progress bar is drawn on standard error when the tool runs on a terminal."})
final class AuditCommand extends RegisterCommand {

  @Parameters(index = "0", paramLabel = "<log>",
      description = "The referral log; its extension (.csv, .jsonl, .ndjson) gives its format.")
  Path log;

  @Option(names = "--log-format", paramLabel = "<format>",
      description = "csv or jsonl (default: from the extension of <log>).")
  String logFormat;

  @Option(names = "--format", paramLabel = "<format>",
      description = "json, csv or html (default: from the extension of --out, else json).")
  String format;

  @Option(names = "--out", paramLabel = "<file>",
      description = "The report to write (default: standard output).")
  Path out;

  @Option(names = "--force", description = "Replace --out when it exists.")
  boolean force;

  @Option(names = "--as", paramLabel = "<actor>", defaultValue = "system:audit",
      description = "Who runs the audit: a person id, or system:<component> (default: ${DEFAULT-VALUE}).")
  Actor as;

  @Option(names = "--at", paramLabel = "<instant>",
      description = "The audit record's instant (default: now).")
  Instant at;

  @Option(names = "--cause", paramLabel = "<text>",
      description = "Why, for the audit record (default: \"Retrospective audit of <log>\").")
  String cause;

  /** The report formats. */
  enum ReportFormat {
    JSON, CSV, HTML
  }

  private Format chosenLog;
  private ReportFormat chosenReport;

  @Override
  void validate() {
    chosenLog = logFormat != null ? logFormatNamed(logFormat) : Format.of(log).orElseThrow(() ->
        usage(log + " has no extension of a referral log (.csv, .jsonl, .ndjson): name one or"
            + " give --log-format"));
    chosenReport = format != null ? reportFormatNamed(format)
        : out == null ? ReportFormat.JSON : fromExtension(out);
    if (Files.isDirectory(log)) {
      throw new CliFailure(ExitCodes.NO_INPUT, log + " is a directory, not a referral log");
    }
    if (!Files.isReadable(log)) {
      throw new CliFailure(ExitCodes.NO_INPUT, log + (Files.exists(log) ? " cannot be read"
          : " does not exist"));
    }
    if (out != null) {
      OutputFile.check(out, force);
    }
  }

  private Format logFormatNamed(String text) {
    return switch (text.toLowerCase(Locale.ROOT)) {
      case "csv" -> Format.CSV;
      case "jsonl", "ndjson" -> Format.JSON_LINES;
      default -> throw usage("--log-format must be csv or jsonl, not '" + text + "'");
    };
  }

  private ReportFormat reportFormatNamed(String text) {
    return switch (text.toLowerCase(Locale.ROOT)) {
      case "json" -> ReportFormat.JSON;
      case "csv" -> ReportFormat.CSV;
      case "html" -> ReportFormat.HTML;
      default -> throw usage("--format must be json, csv or html, not '" + text + "'");
    };
  }

  private ReportFormat fromExtension(Path file) {
    String name = String.valueOf(file.getFileName()).toLowerCase(Locale.ROOT);
    if (name.endsWith(".csv")) {
      return ReportFormat.CSV;
    }
    if (name.endsWith(".html") || name.endsWith(".htm")) {
      return ReportFormat.HTML;
    }
    if (name.endsWith(".json")) {
      return ReportFormat.JSON;
    }
    throw usage("--out " + file + " has no extension of a report (.json, .csv, .html): name one"
        + " or give --format");
  }

  private ParameterException usage(String message) {
    return new ParameterException(spec.commandLine(), message);
  }

  @Override
  int run(Session session) throws IOException {
    long size = Files.size(log);
    Progress progress = TerminalProgress.onTerminal(size);
    ReferralAuditReport report;
    try (LogReader reader = open(progress)) {
      CommandContext context = new CommandContext(as, at != null ? at : session.now(),
          cause != null ? cause : "Retrospective audit of " + log.getFileName());
      Run run = session.register().pastReferrals().begin(log.getFileName().toString(), context);
      for (Entry entry : reader) {
        if (entry instanceof Row row) {
          run.request(row.line(), row.request());
        } else if (entry instanceof RowError error) {
          run.skipped(error.line(), error.column().isEmpty() ? error.message()
              : error.column() + ": " + error.message());
        }
      }
      TerminalProgress.finish(progress);
      report = run.finish();
    } catch (UnreadableLogException unreadable) {
      TerminalProgress.finish(progress);
      throw new CliFailure(ExitCodes.IO, unreadable.getMessage(), unreadable);
    }
    write(report);
    err().println(summary(report));
    return ExitCodes.OK;
  }

  /** Opens the log; a file or header that is not a log's stops the command before any row. */
  private LogReader open(Progress progress) {
    try {
      return ReferralLogs.read(log, chosenLog, progress);
    } catch (UnreadableLogException unreadable) {
      int code = unreadable.getCause() instanceof NoSuchFileException ? ExitCodes.NO_INPUT
          : ExitCodes.DATA;
      throw new CliFailure(code, unreadable.getMessage(), unreadable);
    }
  }

  private void write(ReferralAuditReport report) throws IOException {
    if (out == null) {
      OutputStream stdout = new BufferedOutputStream(System.out);
      render(report, stdout);
      stdout.flush();
      return;
    }
    try {
      OutputFile.write(out, partial -> {
        try (OutputStream file = new BufferedOutputStream(Files.newOutputStream(partial))) {
          render(report, file);
        }
      });
    } catch (IOException | UncheckedIOException failed) {
      throw new CliFailure(ExitCodes.IO, out + " cannot be written: " + failed.getMessage(), failed);
    }
  }

  private void render(ReferralAuditReport report, OutputStream to) throws IOException {
    switch (chosenReport) {
      case JSON -> AuditReportFiles.writeJson(report, to);
      case CSV -> AuditReportFiles.writeCsv(report, to);
      case HTML -> AuditReportPage.write(report, to);
    }
  }

  static String summary(ReferralAuditReport report) {
    return String.format(Locale.ROOT, "Audited %,d requests from %s (%,d rows, %,d skipped): %,d"
            + " entitled (%.1f%%), %,d not entitled; %d referrers at %d employers; audit record %d",
        report.total().requests(), report.log(), report.rows(), report.skipped(),
        report.total().entitled(), report.total().shareEntitled() * 100,
        report.total().notEntitled(), report.referrers().size(), report.employers().size(),
        report.auditSequence());
  }
}
