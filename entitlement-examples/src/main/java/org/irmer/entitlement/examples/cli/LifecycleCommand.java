package org.irmer.entitlement.examples.cli;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.irmer.entitlement.core.domain.Actor;
import org.irmer.entitlement.core.domain.CommandContext;
import org.irmer.entitlement.core.domain.CommandResult;
import org.irmer.entitlement.core.domain.EmployerId;
import org.irmer.entitlement.core.domain.PersonId;
import org.irmer.entitlement.core.port.out.Register;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * A lifecycle command of the register (ManageApplications, ManageEntitlements,
 * ManageRegistrations): who acts ({@code --as}), when ({@code --at}) and why ({@code --cause}),
 * the three facts every command is audited with (principle 1). An accepted command prints what
 * changed; a refused one prints every reason and exits 1. Records the command names are looked up
 * first: an unknown one is exit 67 and nothing is recorded.
 */
abstract class LifecycleCommand extends RegisterCommand {

  @Option(names = "--as", paramLabel = "<actor>", required = true,
      description = "Who acts: a person id, or system:<component> for a part of the system.")
  Actor actor;

  @Option(names = "--at", paramLabel = "<instant>",
      description = "When (default: now), for example 2026-03-16T10:30:00Z.")
  Instant at;

  @Option(names = "--cause", paramLabel = "<text>",
      description = "Why, in plain words, kept in the audit record.")
  String cause;

  @Option(names = "--json", description = "Print the result as JSON (command-result.schema.json).")
  boolean json;

  /** The cause when none is given. */
  String defaultCause() {
    return "recorded with the entitlement command-line tool";
  }

  CommandContext context(Session session) {
    if (actor.personId().isPresent() && session.ports().people().find(actor.personId().get()).isEmpty()) {
      throw CliFailure.unknown("--as " + actor + ": the register has no such person");
    }
    return new CommandContext(actor, instant(session), cause == null ? defaultCause() : cause);
  }

  Instant instant(Session session) {
    return at != null ? at : session.now();
  }

  /** The command's local date in the employer's zone. */
  LocalDate date(Session session, EmployerId employer) {
    ZoneId zone = session.ports().employers().find(employer).map(e -> e.zone())
        .orElse(ZoneId.of("Europe/London"));
    return instant(session).atZone(zone).toLocalDate();
  }

  static void requirePerson(Register ports, PersonId person, String option) {
    if (ports.people().find(person).isEmpty()) {
      throw CliFailure.unknown(option + " " + person.value() + ": the register has no such person");
    }
  }

  static void requireEmployer(Register ports, EmployerId employer) {
    if (ports.employers().find(employer).isEmpty()) {
      throw CliFailure.unknown("--employer " + employer.value() + ": the register has no such employer");
    }
  }

  /** Prints {@code result} and returns its exit code: 0 accepted, 1 refused. */
  int report(String command, CommandResult<?> result) {
    List<Json.Change> changes = result.toOptional().map(Json.Change::of).orElse(List.of());
    if (json) {
      Json.print(out(), Json.commandResult(command, result, changes));
    } else if (result.isAccepted()) {
      out().println(command + ": accepted");
      changes.forEach(change -> out().println("  " + change.kind() + " " + change.description()));
      if (!result.tasksRaised().isEmpty()) {
        out().println("  tasks raised: " + String.join(", ",
            result.tasksRaised().stream().map(Object::toString).toList()));
      }
    } else {
      out().println(command + ": refused");
      result.refusals().forEach(refusal -> out().println("  - " + refusal.code() + ": "
          + refusal.message()));
    }
    return result.isAccepted() ? ExitCodes.OK : ExitCodes.REFUSED;
  }

  /** The name the command is invoked by, as its {@code @Command} declares it. */
  final String commandName() {
    return getClass().getAnnotation(Command.class).name();
  }
}
