package org.irmer.entitlement.examples.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.irmer.entitlement.core.domain.AuditCheckpoint;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Signs a checkpoint of the audit trail's head with the key kept outside the database, and
 * appends its line to {@code <data>/checkpoints.txt}, where the database's writers cannot reach
 * it: {@code verify-trail} then shows a truncated or re-chained tail (principle 10).
 */
@Command(name = "checkpoint", mixinStandardHelpOptions = true,
    description = {"Signs a checkpoint of the audit trail's head with the checkpoint key (--key, or",
        "<data>/checkpoint-key.pem generated once) and appends its line to <data>/checkpoints.txt."},
    footer = {"", "Examples:", "  entitlement checkpoint", "  entitlement checkpoint --key /secure/trust-2026.pem --key-id trust-2026"})
final class CheckpointCommand extends RegisterCommand {

  @Option(names = "--json", description = "Print as JSON (checkpoint.schema.json).")
  boolean json;

  @Override
  int run(Session session) {
    AuditCheckpoint checkpoint = session.database().checkpoints().issue();
    Path file = session.options().checkpointsFile();
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      Files.writeString(file, checkpoint.line() + "\n", StandardCharsets.US_ASCII,
          StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    } catch (IOException failure) {
      throw new CliFailure(ExitCodes.CANNOT_CREATE, file + " cannot be written: " + failure.getMessage());
    }
    if (json) {
      Json.print(out(), Json.object().put("sequence", checkpoint.sequence())
          .put("headHash", checkpoint.headHash()).put("issuedAt", checkpoint.issuedAt().toString())
          .put("keyId", checkpoint.keyId()).put("algorithm", checkpoint.algorithm().name())
          .put("line", checkpoint.line()).put("file", file.toString()));
    } else {
      out().println("Checkpoint of record " + checkpoint.sequence() + " (head " + checkpoint.headHash()
          + ") signed by " + checkpoint.keyId() + "; its line is appended to " + file + ":");
      out().println(checkpoint.line());
    }
    return ExitCodes.OK;
  }
}
