package org.irmer.entitlement.examples.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.irmer.entitlement.core.domain.Application;
import org.irmer.entitlement.core.domain.ApplicationId;
import org.irmer.entitlement.core.domain.ApplicationStatus;
import org.irmer.entitlement.core.domain.ApplicationTimes;
import org.irmer.entitlement.core.domain.EmployerId;
import org.irmer.entitlement.core.domain.Entitlement;
import org.irmer.entitlement.core.domain.EntitlementStatus;
import org.irmer.entitlement.core.domain.Person;
import org.irmer.entitlement.core.domain.Profession;
import org.irmer.entitlement.core.domain.RegistrationStatus;
import org.irmer.entitlement.core.port.out.Register;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Lists referrers, entitlements or applications, filtered by employer, status and profession. */
@Command(name = "list", mixinStandardHelpOptions = true,
    description = {"Lists referrers, entitlements or applications. --status filters entitlements",
        "and applications by their status, and referrers by their registration status."},
    footer = {"", "Examples:",
        "  entitlement list referrers --profession PARAMEDIC",
        "  entitlement list entitlements --status ACTIVE --employer RHV",
        "  entitlement list applications --status UNDER_REVIEW --json"})
final class ListCommand extends RegisterCommand {

  /** What is listed. */
  enum What { REFERRERS, ENTITLEMENTS, APPLICATIONS }

  @Parameters(paramLabel = "<what>", description = "referrers, entitlements or applications.")
  What what;

  @Option(names = "--employer", paramLabel = "<employer>") EmployerId employer;

  @Option(names = "--status", paramLabel = "<status>") String status;

  @Option(names = "--profession", paramLabel = "<profession>",
      description = "For example NURSE, PHYSIOTHERAPIST, PARAMEDIC.")
  Profession profession;

  @Option(names = "--json", description = "Print as JSON (list.schema.json).")
  boolean json;

  @Override
  int run(Session session) {
    checkStatus();
    Register ports = session.ports();
    ObjectNode document = Json.object();
    document.put("what", what.name().toLowerCase(Locale.ROOT));
    List<String> lines = new ArrayList<>();
    switch (what) {
      case REFERRERS -> {
        ArrayNode items = document.putArray("referrers");
        for (Person person : ports.people().all()) {
          boolean atEmployer = ports.people().roles(person.id()).stream()
              .anyMatch(role -> employer == null || role.employer().equals(employer));
          String registration = person.registration().map(r -> r.status().name()).orElse("NONE");
          if (!atEmployer || !matches(profession, person) || (status != null
              && !registration.equalsIgnoreCase(status))) {
            continue;
          }
          long live = ports.entitlements().forPerson(person.id()).stream()
              .filter(e -> !e.status().isFinal()).count();
          items.addObject().put("id", person.id().value()).put("name", person.displayName())
              .put("profession", person.profession().name()).put("registration", registration)
              .put("liveEntitlements", live);
          lines.add(person.id().value() + "  " + person.displayName() + ", "
              + person.profession().name() + ", registration " + registration + ", " + live
              + " live entitlement" + (live == 1 ? "" : "s"));
        }
      }
      case ENTITLEMENTS -> {
        List<Entitlement> chosen = ports.entitlements().all().stream()
            .filter(e -> employer == null || e.employer().equals(employer))
            .filter(e -> status == null || e.status().name().equalsIgnoreCase(status))
            .filter(e -> profession == null || e.subject().person().flatMap(ports.people()::find)
                .map(p -> p.profession() == profession).orElse(false))
            .toList();
        document.set("entitlements", ShowCommand.entitlements(chosen));
        chosen.forEach(e -> lines.add(Words.entitlement(e) + ", for " + e.subject()));
      }
      case APPLICATIONS -> {
        ArrayNode items = document.putArray("applications");
        Map<EmployerId, Map<ApplicationId, ApplicationTimes>> timesAt = new HashMap<>();
        for (Person person : ports.people().all()) {
          if (!matches(profession, person)) {
            continue;
          }
          for (Application a : ports.applications().forApplicant(person.id())) {
            if ((employer != null && !a.employer().equals(employer))
                || (status != null && !a.status().name().equalsIgnoreCase(status))) {
              continue;
            }
            ObjectNode item = items.addObject().put("id", a.id().value())
                .put("applicant", a.applicant().value()).put("employer", a.employer().value())
                .put("status", a.status().name()).put("version", a.version());
            Json.put(item, "entitlement", a.entitlement().map(id -> id.value()));
            Optional<ApplicationTimes> times = Optional.ofNullable(timesAt
                .computeIfAbsent(a.employer(), at -> byApplication(session, at)).get(a.id()));
            item.set("times", times.<JsonNode>map(ListCommand::times).orElse(NullNode.getInstance()));
            lines.add(Words.application(a) + ", by " + person.displayName()
                + times.map(ListCommand::timesInWords).orElse(""));
          }
        }
      }
      default -> throw new IllegalStateException("no such list: " + what);
    }
    if (json) {
      Json.print(out(), document);
    } else if (lines.isEmpty()) {
      out().println("none");
    } else {
      lines.forEach(out()::println);
    }
    return ExitCodes.OK;
  }

  /**
   * The times of the applications at {@code employer} against its written procedures' targets
   * (principle 2; {@code ManageApplications.times}), now; none without procedures.
   */
  private static Map<ApplicationId, ApplicationTimes> byApplication(Session session,
      EmployerId employer) {
    Map<ApplicationId, ApplicationTimes> times = new HashMap<>();
    session.register().applications().times(employer, session.now())
        .forEach(each -> times.put(each.application(), each));
    return times;
  }

  private static ObjectNode times(ApplicationTimes times) {
    ObjectNode node = Json.object().put("submittedOn", times.submittedOn().toString());
    Json.put(node, "decidedOn", times.decidedOn().map(LocalDate::toString));
    return node.put("workingDays", times.workingDays())
        .put("workingDaysTarget", times.workingDaysTarget())
        .put("daysInAll", times.daysInAll()).put("daysInAllTarget", times.daysInAllTarget())
        .put("withinTargets", times.withinWorkingDaysTarget() && times.withinDaysInAllTarget());
  }

  private static String timesInWords(ApplicationTimes times) {
    return "; submitted " + times.submittedOn()
        + times.decidedOn().map(on -> ", decided " + on).orElse(", waiting") + ": "
        + times.workingDays() + " working day" + (times.workingDays() == 1 ? "" : "s")
        + " (target " + times.workingDaysTarget() + "), " + times.daysInAll() + " in all (target "
        + times.daysInAllTarget() + ")"
        + (times.withinWorkingDaysTarget() && times.withinDaysInAllTarget() ? "" : ", PAST TARGET");
  }

  /**
   * Refuses a {@code --status} that no listed record can have (a typo would otherwise list
   * nothing and exit 0), naming the statuses that exist for what is listed.
   */
  private void checkStatus() {
    if (status == null) {
      return;
    }
    List<String> known = switch (what) {
      case REFERRERS -> Stream.concat(Arrays.stream(RegistrationStatus.values()).map(Enum::name),
          Stream.of("NONE")).toList();
      case ENTITLEMENTS -> Arrays.stream(EntitlementStatus.values()).map(Enum::name).toList();
      case APPLICATIONS -> Arrays.stream(ApplicationStatus.values()).map(Enum::name).toList();
    };
    if (known.stream().noneMatch(name -> name.equalsIgnoreCase(status))) {
      throw new CliFailure(ExitCodes.USAGE, "--status " + status + ": no "
          + what.name().toLowerCase(Locale.ROOT) + " have that status; one of "
          + String.join(", ", known));
    }
  }

  private static boolean matches(Profession profession, Person person) {
    return Optional.ofNullable(profession).map(p -> p == person.profession()).orElse(true);
  }
}
