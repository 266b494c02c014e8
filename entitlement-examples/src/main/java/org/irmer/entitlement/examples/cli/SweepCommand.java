package org.irmer.entitlement.examples.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import org.irmer.entitlement.core.domain.RegistrationChange;
import org.irmer.entitlement.core.domain.SweepReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Runs the compliance sweep (principle 6). {@code --dry-run} runs the same sweep inside one unit of
 * work of the register's database and rolls it back: the report is what the sweep would do, and
 * nothing it wrote (statuses, notices, audit records, notifications) is kept. The sweep's own
 * units of work join the enclosing one (Transactions' contract), so none commits on its own.
 */
@Command(name = "sweep", mixinStandardHelpOptions = true,
    description = {"Runs the compliance sweep: notices due take effect, registrations are compared",
        "with the regulators' registers, entitlements past their end expire, lapsed training and",
        "overdue audits suspend, reviews due are flagged. --dry-run changes nothing."},
    footer = {"", "Examples:", "  entitlement sweep --dry-run", "  entitlement sweep --at 2026-06-01T02:00:00Z --json"})
final class SweepCommand extends RegisterCommand {

  @Option(names = "--at", paramLabel = "<instant>", description = "The sweep's instant (default: now).")
  Instant at;

  @Option(names = "--dry-run", description = "Report what the sweep would do, and change nothing.")
  boolean dryRun;

  @Option(names = "--json", description = "Print as JSON (sweep.schema.json).")
  boolean json;

  @Override
  int run(Session session) {
    Instant when = at != null ? at : session.now();
    SweepReport report = dryRun ? dryRun(session, when)
        : session.register().complianceSweep().sweep(when);
    if (json) {
      Json.print(out(), document(report, dryRun));
    } else {
      describe(report, dryRun).forEach(out()::println);
    }
    return ExitCodes.OK;
  }

  static SweepReport dryRun(Session session, Instant when) {
    try {
      session.ports().transactions().inTransaction(() -> {
        throw new RolledBack(session.register().complianceSweep().sweep(when));
      });
      throw new IllegalStateException("the dry run's unit of work returned");
    } catch (RolledBack rolledBack) {
      return rolledBack.report;
    }
  }

  static List<String> describe(SweepReport report, boolean dryRun) {
    String verb = dryRun ? "would be " : "";
    return List.of(
        (dryRun ? "Dry run of the compliance sweep at " : "Compliance sweep at ") + report.at()
            + (dryRun ? " (nothing was changed)" : ""),
        "  notices " + verb + "applied: " + ids(report.noticesApplied()),
        "  entitlements " + verb + "expired: " + ids(report.expired()),
        "  entitlements " + verb + "suspended: " + ids(report.suspended()),
        "  registrations " + verb + "recorded: " + ids(report.registrationChanges().stream()
            .map(SweepCommand::registration).toList()),
        "  flagged for review: " + (report.flagged().isEmpty() ? "none"
            : report.flagged().size() + "\n    " + String.join("\n    ", report.flagged())),
        "  tasks " + verb + "raised: " + ids(report.tasksRaised()));
  }

  static String registration(RegistrationChange change) {
    return change.person().value() + " " + change.from() + " -> " + change.to() + " ("
        + change.source() + ")";
  }

  private static String ids(List<?> items) {
    return items.isEmpty() ? "none" : items.size() + " (" + String.join(", ",
        items.stream().map(Object::toString).toList()) + ")";
  }

  static ObjectNode document(SweepReport report, boolean dryRun) {
    ObjectNode node = Json.object();
    node.put("at", report.at().toString());
    node.put("dryRun", dryRun);
    node.set("noticesApplied", Json.strings(report.noticesApplied().stream().map(id -> id.value()).toList()));
    node.set("expired", Json.strings(report.expired().stream().map(id -> id.value()).toList()));
    node.set("suspended", Json.strings(report.suspended().stream().map(id -> id.value()).toList()));
    node.set("registrationChanges", Json.strings(report.registrationChanges().stream()
        .map(SweepCommand::registration).toList()));
    node.set("flagged", Json.strings(report.flagged()));
    node.set("tasksRaised", Json.strings(report.tasksRaised().stream().map(id -> id.value()).toList()));
    return node;
  }

  /** Carries the dry run's report out of the unit of work it rolls back. */
  private static final class RolledBack extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient SweepReport report;

    RolledBack(SweepReport report) {
      super("dry run", null, false, false);
      this.report = report;
    }
  }
}
