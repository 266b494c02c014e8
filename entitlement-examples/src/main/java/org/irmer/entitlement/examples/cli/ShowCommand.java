package org.irmer.entitlement.examples.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.irmer.entitlement.core.domain.Application;
import org.irmer.entitlement.core.domain.Entitlement;
import org.irmer.entitlement.core.domain.Person;
import org.irmer.entitlement.core.domain.PersonId;
import org.irmer.entitlement.core.domain.Role;
import org.irmer.entitlement.core.domain.ScopeRule;
import org.irmer.entitlement.core.domain.ScopeWording;
import org.irmer.entitlement.core.domain.TrainingRecord;
import org.irmer.entitlement.core.port.out.Register;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Everything the register holds about one referrer, as a governance lead reads it: registration,
 * roles, each entitlement with its written scope in plain English (principle 3), training with the
 * day each falls due again (principle 4), and applications.
 */
@Command(name = "show", mixinStandardHelpOptions = true,
    description = {"Shows a referrer: registration, roles, each entitlement's scope in plain",
        "English, training with due dates, and applications."},
    footer = {"", "Examples:", "  entitlement show HV-1001", "  entitlement show HV-1001 --json"})
final class ShowCommand extends RegisterCommand {

  private static final ZoneId LONDON = ZoneId.of("Europe/London");

  @Parameters(paramLabel = "<referrer>", description = "The referrer's person id.")
  PersonId referrer;

  @Option(names = "--json", description = "Print as JSON (show.schema.json).")
  boolean json;

  @Override
  int run(Session session) {
    Register ports = session.ports();
    Person person = ports.people().find(referrer).orElseThrow(() -> CliFailure.unknown(
        "the register has no person " + referrer.value() + " (entitlement list referrers lists them)"));
    LocalDate today = session.now().atZone(LONDON).toLocalDate();
    List<Role> roles = ports.people().roles(referrer);
    List<Entitlement> entitlements = ports.entitlements().forPerson(referrer);
    List<TrainingRecord> training = ports.training().forPerson(referrer);
    List<Application> applications = ports.applications().forApplicant(referrer);
    if (json) {
      Json.print(out(), document(person, roles, entitlements, training, applications, today));
    } else {
      print(out(), person, roles, entitlements, training, applications, today);
    }
    return ExitCodes.OK;
  }

  private static void print(PrintWriter out, Person person, List<Role> roles,
      List<Entitlement> entitlements, List<TrainingRecord> training, List<Application> applications,
      LocalDate today) {
    out.println(person.displayName() + " (" + person.id().value() + "), "
        + ScopeWording.profession(person.profession()));
    out.println("  status: " + status(entitlements, today));
    out.println("  registration: " + person.registration().map(r -> r.regulator() + " " + r.number()
        + " " + r.status() + r.statusSince().map(s -> " since " + s).orElse("") + ", first registered "
        + r.registeredOn() + ", checked " + r.checkedAt()).orElse("none: cannot be entitled"));
    out.println("  roles:");
    roles.forEach(role -> out.println("    " + role.id().value() + ": " + role.title() + " at "
        + role.employer().value() + " (" + role.level() + "), from " + role.validFrom()
        + role.validTo().map(end -> " to " + end).orElse("")));
    out.println("  entitlements:" + (entitlements.isEmpty() ? " none" : ""));
    for (Entitlement entitlement : entitlements) {
      out.println("    " + Words.entitlement(entitlement));
      out.println("      scope v" + entitlement.scope().version() + ":");
      for (ScopeRule rule : entitlement.scope().rules()) {
        out.println("        " + rule.id() + ": " + ScopeWording.rule(rule));
      }
      entitlement.reviewDue().ifPresent(due -> out.println("      review due " + due));
    }
    out.println("  training:" + (training.isEmpty() ? " none" : ""));
    training.forEach(record -> out.println("    " + record.type().code() + ", completed "
        + record.completed() + record.expires().map(end -> ", due again by " + end).orElse(", never expires")
        + (record.isCurrentOn(today) ? " (current)" : " (not current)")));
    out.println("  applications:" + (applications.isEmpty() ? " none" : ""));
    applications.forEach(application -> out.println("    " + Words.application(application)));
  }

  /** Entitled when any entitlement is active and within its validity today. */
  static String status(List<Entitlement> entitlements, LocalDate today) {
    long active = entitlements.stream().filter(e -> e.status()
        == org.irmer.entitlement.core.domain.EntitlementStatus.ACTIVE && e.isWithinValidity(today)).count();
    if (active > 0) {
      return "entitled under " + active + " active entitlement" + (active == 1 ? "" : "s");
    }
    return entitlements.isEmpty() ? "not entitled: no entitlement"
        : "not entitled: no active entitlement today";
  }

  private static ObjectNode document(Person person, List<Role> roles, List<Entitlement> entitlements,
      List<TrainingRecord> training, List<Application> applications, LocalDate today) {
    ObjectNode node = Json.object();
    node.put("id", person.id().value());
    node.put("name", person.displayName());
    node.put("profession", person.profession().name());
    node.put("status", status(entitlements, today));
    if (person.registration().isPresent()) {
      var r = person.registration().get();
      ObjectNode registration = node.putObject("registration");
      registration.put("regulator", r.regulator().name());
      registration.put("number", r.number());
      registration.put("status", r.status().name());
      Json.put(registration, "statusSince", r.statusSince());
      registration.put("registeredOn", r.registeredOn().toString());
      registration.put("checkedAt", r.checkedAt().toString());
    } else {
      node.putNull("registration");
    }
    ArrayNode roleNodes = node.putArray("roles");
    roles.forEach(role -> Json.put(roleNodes.addObject().put("id", role.id().value())
        .put("title", role.title()).put("employer", role.employer().value())
        .put("level", role.level().name()).put("validFrom", role.validFrom().toString()),
        "validTo", role.validTo()));
    node.set("entitlements", entitlements(entitlements));
    ArrayNode trainingNodes = node.putArray("training");
    training.forEach(record -> Json.put(trainingNodes.addObject().put("id", record.id().value())
        .put("type", record.type().code()).put("completed", record.completed().toString()),
        "expires", record.expires()).put("current", record.isCurrentOn(today)));
    ArrayNode applicationNodes = node.putArray("applications");
    applications.forEach(application -> Json.put(applicationNodes.addObject()
        .put("id", application.id().value()).put("status", application.status().name())
        .put("version", application.version()), "entitlement",
        application.entitlement().map(id -> id.value())));
    return node;
  }

  /** Entitlements with their scopes, as list.schema.json and show.schema.json describe them. */
  static ArrayNode entitlements(List<Entitlement> entitlements) {
    ArrayNode array = Json.array();
    for (Entitlement e : entitlements) {
      ObjectNode node = array.addObject();
      node.put("id", e.id().value());
      node.put("version", e.version());
      node.put("subject", e.subject().toString());
      node.put("employer", e.employer().value());
      node.put("status", e.status().name());
      Json.put(node, "statusReason", e.statusReason());
      node.put("validFrom", e.validFrom().toString());
      node.put("validTo", e.validTo().toString());
      Json.put(node, "reviewDue", e.reviewDue());
      node.put("scopeVersion", e.scope().version());
      ArrayNode rules = node.putArray("rules");
      e.scope().rules().forEach(rule -> rules.addObject().put("id", rule.id())
          .put("text", ScopeWording.rule(rule)));
    }
    return array;
  }
}
