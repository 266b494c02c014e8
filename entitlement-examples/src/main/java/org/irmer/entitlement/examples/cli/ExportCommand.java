package org.irmer.entitlement.examples.cli;

import java.nio.file.Path;
import java.util.List;
import org.irmer.entitlement.adapter.json.RegisterFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Exports the register as it stands into register files, one per section, sorted so that two
 * exports diff well and {@code import} reads them back to the same contents.
 */
@Command(name = "export", mixinStandardHelpOptions = true,
    description = {"Exports the register as it stands into register files, one per section."},
    footer = {"", "Examples:", "  entitlement export backup/2026-03-16", "  entitlement export out --format json"})
final class ExportCommand extends RegisterCommand {

  @Parameters(paramLabel = "<dir>", description = "The directory to write (created when missing).")
  Path directory;

  @Option(names = "--format", paramLabel = "<format>", defaultValue = "YAML",
      description = "YAML or JSON (default: ${DEFAULT-VALUE}).")
  RegisterFiles.Format format;

  @Override
  int run(Session session) {
    List<Path> files;
    try {
      files = RegisterFiles.exportTo(session.ports(), directory, format);
    } catch (RegisterFiles.InvalidRegisterFiles cannot) {
      throw new CliFailure(ExitCodes.CANNOT_CREATE, cannot.getMessage());
    }
    out().println("Exported the register to " + directory + ":");
    files.forEach(file -> out().println("  " + file.getFileName()));
    return ExitCodes.OK;
  }
}
