package org.irmer.entitlement.examples.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.irmer.entitlement.adapter.json.RegisterFiles;
import org.irmer.entitlement.core.domain.Actor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Imports register files (YAML or JSON, FORMAT.md of entitlement-adapter-json) into the register:
 * every file is read and checked first, and either everything is written in one unit of work with
 * one audit record, or nothing is, and every problem is named with its file, line and column.
 */
@Command(name = "import", mixinStandardHelpOptions = true,
    description = {"Imports register files: a directory of YAML or JSON files (employers.yaml,",
        "people.yaml, entitlements.yaml...) or one file holding every section. All or nothing:",
        "a problem anywhere is reported with its file and line, and nothing is written."},
    footer = {"", "Examples:", "  entitlement import entitlement-data/demo/sample-trust",
        "  entitlement import register.yaml --as HV-0001 --json"})
final class ImportCommand extends RegisterCommand {

  private static final int LARGE = 1_000;

  @Parameters(paramLabel = "<dir|file>", description = "The register files.")
  Path source;

  @Option(names = "--as", paramLabel = "<actor>", defaultValue = "system:import",
      description = "Who imports, recorded in the audit trail (default: ${DEFAULT-VALUE}).")
  Actor actor;

  @Option(names = "--at", paramLabel = "<instant>", description = "The import's instant (default: now).")
  Instant at;

  @Option(names = "--json", description = "Print the summary as JSON (import.schema.json).")
  boolean json;

  private RegisterFiles.Contents contents;

  @Override
  void validate() {
    if (!Files.exists(source)) {
      throw new CliFailure(ExitCodes.NO_INPUT, source + ": no such file or directory");
    }
    contents = read(source, err());
  }

  /** Reads and checks the files, before any database is opened. */
  static RegisterFiles.Contents read(Path source, PrintWriter err) {
    try {
      return RegisterFiles.read(source, progress(err, "read"));
    } catch (RegisterFiles.InvalidRegisterFiles invalid) {
      throw invalid(invalid);
    }
  }

  static CliFailure invalid(RegisterFiles.InvalidRegisterFiles invalid) {
    return CliFailure.data(invalid.problems().size() + (invalid.problems().size() == 1
        ? " problem" : " problems") + " in the register files; nothing was imported:\n  "
        + String.join("\n  ", invalid.problems().stream().map(Object::toString).toList()));
  }

  @Override
  int run(Session session) {
    RegisterFiles.ImportSummary summary;
    try {
      summary = RegisterFiles.importInto(session.ports(), contents, actor,
          at != null ? at : session.now(), progress(err(), "imported"));
    } catch (RegisterFiles.InvalidRegisterFiles invalid) {
      throw invalid(invalid);
    }
    if (json) {
      ObjectNode node = Json.object();
      node.put("source", source.toString());
      node.put("sha256", summary.sha256());
      node.put("auditSequence", summary.audit().sequence());
      node.put("total", summary.total());
      ObjectNode counts = node.putObject("counts");
      summary.counts().forEach((section, count) -> counts.put(section.key(), count));
      Json.print(out(), node);
    } else {
      out().println("Imported " + summary.total() + " records from " + source + " (SHA-256 "
          + summary.sha256() + "), audit record #" + summary.audit().sequence() + ":");
      for (Map.Entry<RegisterFiles.Section, Integer> count : summary.counts().entrySet()) {
        out().println("  " + count.getKey().key() + ": " + count.getValue());
      }
    }
    return ExitCodes.OK;
  }

  /** Tells standard error how far a large section has got, every tenth of it. */
  static RegisterFiles.Progress progress(PrintWriter err, String verb) {
    return (section, done, total) -> {
      if (total >= LARGE && (done == total || done % Math.max(1, total / 10) == 0)) {
        err.println("  " + section.key() + ": " + done + " of " + total + " " + verb);
        err.flush();
      }
    };
  }
}
