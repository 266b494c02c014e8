package org.irmer.entitlement.examples.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import org.irmer.entitlement.core.domain.AuditTrailEntry;
import org.irmer.entitlement.core.domain.Entitlement;
import org.irmer.entitlement.core.domain.EntitlementId;
import org.irmer.entitlement.core.domain.ScopeWording;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Every version of an entitlement and every audit record about it or the application it was
 * granted on (principle 10: what held at any past instant, who changed it, when and why).
 */
@Command(name = "history", mixinStandardHelpOptions = true,
    description = {"Shows every version of an entitlement and every audit record about it and",
        "about the application it was granted on."},
    footer = {"", "Examples:", "  entitlement history E-APP-2026-001", "  entitlement history E-APP-2026-001 --json"})
final class HistoryCommand extends RegisterCommand {

  @Parameters(paramLabel = "<entitlement>") EntitlementId entitlement;

  @Option(names = "--json", description = "Print as JSON (history.schema.json).")
  boolean json;

  @Override
  int run(Session session) {
    List<Entitlement> versions = session.ports().entitlements().history(entitlement);
    if (versions.isEmpty()) {
      throw CliFailure.unknown("the register has no entitlement " + entitlement.value()
          + " (entitlement list entitlements lists them)");
    }
    Set<String> subjects = new HashSet<>();
    versions.forEach(v -> {
      subjects.add(v.id().value());
      v.application().ifPresent(application -> subjects.add(application.value()));
    });
    List<AuditTrailEntry> records = new ArrayList<>();
    Trail.forEach(session.ports().auditTrail(), entry -> {
      if (subjects.contains(entry.event().subject())) {
        records.add(entry);
      }
    });
    if (json) {
      ObjectNode document = Json.object().put("entitlement", entitlement.value());
      ArrayNode versionNodes = document.putArray("versions");
      versions.forEach(v -> versionNodes.addObject().put("version", v.version())
          .put("status", v.status().name()).put("recordedAt", v.recordedAt().toString())
          .put("description", Words.entitlement(v)));
      ArrayNode audit = document.putArray("audit");
      records.forEach(entry -> audit.add(Json.trailEntry(entry)));
      Json.print(out(), document);
      return ExitCodes.OK;
    }
    out().println("Entitlement " + entitlement.value() + ": " + versions.size() + " version"
        + (versions.size() == 1 ? "" : "s"));
    versions.forEach(v -> {
      out().println("  v" + v.version() + " recorded " + v.recordedAt() + ": " + Words.entitlement(v));
      ScopeWording.scope(v.scope()).forEach(rule -> out().println("      " + rule));
    });
    out().println("Audit records (" + records.size() + "):");
    records.forEach(entry -> out().println("  #" + entry.sequence() + " " + entry.event().at() + " "
        + entry.event().action() + " by " + entry.event().actor() + ": " + entry.event().result()
        + entry.event().stateBefore().map(s -> ", " + s).orElse("")
        + entry.event().stateAfter().map(s -> " -> " + s).orElse("")
        + (entry.event().causes().isEmpty() ? "" : "; " + String.join("; ", entry.event().causes()))));
    return ExitCodes.OK;
  }
}
