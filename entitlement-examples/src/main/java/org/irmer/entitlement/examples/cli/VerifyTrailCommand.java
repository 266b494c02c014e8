package org.irmer.entitlement.examples.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.irmer.entitlement.core.domain.AuditCheckpoint;
import org.irmer.entitlement.core.domain.TrailVerification;
import org.irmer.entitlement.core.port.out.AuditTrail;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Verifies the audit trail (principle 10): every link of the hash chain from the first record, and
 * the signed checkpoint kept outside the database, which also shows a truncated or re-chained tail.
 * Exit 0 when intact, 1 naming the first broken link.
 */
@Command(name = "verify-trail", mixinStandardHelpOptions = true,
    description = {"Verifies the audit trail's hash chain from the first record and against the",
        "last checkpoint line in <data>/checkpoints.txt (or --anchor). Exit 0 intact, 1 broken,",
        "naming the first broken link. --json gives the size and the head hash too."},
    footer = {"", "Examples:", "  entitlement verify-trail",
        "  entitlement verify-trail --anchor \"$(tail -1 entitlement-data/checkpoints.txt)\" --json"})
final class VerifyTrailCommand extends RegisterCommand {

  @Option(names = "--anchor", paramLabel = "<line>",
      description = "A checkpoint line to verify against (default: the last of <data>/checkpoints.txt).")
  String anchor;

  @Option(names = "--no-anchor", description = "Verify the hash chain only.")
  boolean noAnchor;

  @Option(names = "--json", description = "Print as JSON (verify-trail.schema.json).")
  boolean json;

  @Override
  int run(Session session) {
    AuditTrail trail = session.ports().auditTrail();
    Optional<AuditCheckpoint> against = noAnchor ? Optional.empty() : anchor(session);
    TrailVerification verification = against
        .map(checkpoint -> session.database().checkpoints().verify(checkpoint))
        .orElseGet(() -> TrailVerification.verify(trail::read));
    long size = trail.size();
    String head = Trail.headHash(trail);
    if (json) {
      ObjectNode node = Json.object();
      node.put("intact", verification.intact());
      node.put("size", size);
      node.put("headHash", head);
      node.put("checked", verification.checked());
      if (verification.anchor().isPresent()) {
        AuditCheckpoint a = verification.anchor().get();
        node.putObject("anchor").put("sequence", a.sequence()).put("headHash", a.headHash())
            .put("issuedAt", a.issuedAt().toString()).put("keyId", a.keyId());
      } else {
        node.putNull("anchor");
      }
      if (verification.firstBrokenLink().isPresent()) {
        var link = verification.firstBrokenLink().get();
        node.putObject("firstBrokenLink").put("sequence", link.sequence())
            .put("defect", link.defect().name()).put("message", link.message());
      } else {
        node.putNull("firstBrokenLink");
      }
      Json.print(out(), node);
    } else if (verification.intact()) {
      out().println("The audit trail is intact: " + size + " records, head " + head
          + verification.anchor().map(a -> ", anchored by the checkpoint at record " + a.sequence()
              + " signed by " + a.keyId()).orElse(", no checkpoint to verify against"));
    } else {
      out().println("The audit trail is BROKEN at " + verification.firstBrokenLink().orElseThrow());
      out().println("  " + verification.checked() + " records were sound before it; the trail holds "
          + size + " records.");
    }
    return verification.intact() ? ExitCodes.OK : ExitCodes.REFUSED;
  }

  private Optional<AuditCheckpoint> anchor(Session session) {
    if (anchor != null) {
      return Optional.of(parse(anchor, "--anchor"));
    }
    Path file = session.options().checkpointsFile();
    if (!Files.exists(file)) {
      return Optional.empty();
    }
    try {
      List<String> lines = Files.readAllLines(file).stream().filter(l -> !l.isBlank()).toList();
      return lines.isEmpty() ? Optional.empty()
          : Optional.of(parse(lines.get(lines.size() - 1), file + ":" + lines.size()));
    } catch (IOException unreadable) {
      throw new CliFailure(ExitCodes.NO_INPUT, file + " cannot be read: " + unreadable.getMessage());
    }
  }

  private static AuditCheckpoint parse(String line, String where) {
    try {
      return AuditCheckpoint.parse(line);
    } catch (IllegalArgumentException malformed) {
      throw CliFailure.data(where + ": " + malformed.getMessage());
    }
  }
}
