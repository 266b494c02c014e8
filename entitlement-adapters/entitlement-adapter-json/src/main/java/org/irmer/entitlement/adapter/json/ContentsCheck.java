package org.irmer.entitlement.adapter.json;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.irmer.entitlement.adapter.json.DomainReader.Located;
import org.irmer.entitlement.adapter.json.DomainReader.Records;
import org.irmer.entitlement.core.domain.BodyRegion;
import org.irmer.entitlement.core.domain.BodyRegionTree;
import org.irmer.entitlement.core.domain.Delegation;
import org.irmer.entitlement.core.domain.Employer;
import org.irmer.entitlement.core.domain.Entitlement;
import org.irmer.entitlement.core.domain.ExaminationCode;
import org.irmer.entitlement.core.domain.PersonId;
import org.irmer.entitlement.core.domain.Role;
import org.irmer.entitlement.core.domain.ScopeRule;

/**
 * The checks that span records and files: an id used twice (in one file or across files), and a
 * reference to a record that no file holds (an entitlement naming an unknown person, employer,
 * role, delegation, examination or region; a regulator's entry for a registration no person
 * holds; and so on). Each problem is reported at the member that names the id.
 */
final class ContentsCheck {

  private final Records records;
  private final BodyRegionTree tree;
  private final boolean hasCatalogue;
  private final Problems problems;

  private final Map<String, Located<Employer>> employers;
  private final Set<String> procedures;
  private final Set<String> people;
  private final Map<String, Located<Role>> roles;
  private final Map<String, Located<Delegation>> delegations;
  private final Set<String> entitlements;
  private final Set<String> examinations;

  ContentsCheck(Records records, BodyRegionTree tree, boolean hasCatalogue, Problems problems) {
    this.records = records;
    this.tree = tree;
    this.hasCatalogue = hasCatalogue;
    this.problems = problems;
    employers = unique("employer", records.employers, employer -> employer.id().value(), "id");
    procedures = unique("procedures", records.procedures,
        procedures -> procedures.employer() + " version " + procedures.version(), "version")
        .keySet();
    people = unique("person", records.people, person -> person.id().value(), "id").keySet();
    roles = unique("role", records.roles, role -> role.id().value(), "id");
    delegations = unique("delegation", records.delegations, d -> d.id().value(), "id");
    entitlements = unique("entitlement", records.entitlements, e -> e.id().value(), "id").keySet();
    unique("training record", records.training, record -> record.id().value(), "id");
    unique("agreement", records.agreements, agreement -> agreement.id().value(), "id");
    examinations = unique("examination", records.examinations, exam -> exam.code().value(),
        "code").keySet();
    unique("guideline", records.guidelines, entry -> entry.id().value(), "id");
    unique("regulator's register entry", records.regulatorRegister,
        entry -> entry.regulator() + " " + entry.number(), "number");
  }

  /** The records of one kind by key; a key seen before is a DUPLICATE problem at the later one. */
  private <T> Map<String, Located<T>> unique(String kind, List<Located<T>> located,
      Function<T, String> key, String member) {
    Map<String, Located<T>> byKey = new HashMap<>();
    for (Located<T> record : located) {
      String id = key.apply(record.value());
      Located<T> earlier = byKey.putIfAbsent(id, record);
      if (earlier != null) {
        SourceFile.Position at = earlier.source().positionOf(earlier.pointer());
        problems.at(record.source(), record.pointer() + "/" + member, "duplicate " + kind + " '"
            + id + "': already defined at " + earlier.source().path() + ":" + at.line() + ":"
            + at.column() + " (expected each id once across all files)");
      }
    }
    return byKey;
  }

  void checkReferences() {
    for (Located<Employer> employer : records.employers) {
      Employer value = employer.value();
      if (!procedures.contains(value.id() + " version " + value.proceduresVersion())) {
        at(employer, "procedures-version", "no procedures version " + value.proceduresVersion()
            + " of employer '" + value.id() + "': expected a version listed in procedures");
      }
    }
    for (var procedures : records.procedures) {
      employer(procedures, "employer", procedures.value().employer().value());
      int i = 0;
      for (BodyRegion region : procedures.value().pregnancyEnquiry().regions()) {
        region(procedures, "pregnancy-enquiry/regions/" + i++, region);
      }
    }
    for (Located<Role> role : records.roles) {
      person(role, "person", role.value().person());
      employer(role, "employer", role.value().employer().value());
    }
    for (Located<Delegation> delegation : records.delegations) {
      employer(delegation, "employer", delegation.value().employer().value());
      delegation.value().delegate().person()
          .ifPresent(person -> person(delegation, "delegate-person", person));
    }
    for (Located<Entitlement> entitlement : records.entitlements) {
      entitlement(entitlement);
    }
    for (var record : records.training) {
      person(record, "person", record.value().person());
      record.value().verifiedBy().ifPresent(person -> person(record, "verified-by", person));
    }
    for (var agreement : records.agreements) {
      employer(agreement, "entitling-employer", agreement.value().entitlingEmployer().value());
      employer(agreement, "recognising-employer", agreement.value().recognisingEmployer().value());
    }
    for (var examination : records.examinations) {
      region(examination, "region", examination.value().region());
    }
    for (var guideline : records.guidelines) {
      examination(guideline, "examination", guideline.value().examination());
    }
    Set<String> registrations = records.people.stream()
        .flatMap(person -> person.value().registration().stream())
        .map(registration -> registration.regulator() + " " + registration.number())
        .collect(Collectors.toSet());
    for (var entry : records.regulatorRegister) {
      // An export writes the entries of the register's people; one for nobody would be lost.
      if (!registrations.contains(entry.value().regulator() + " " + entry.value().number())) {
        at(entry, "number", "no person is registered as " + entry.value().regulator() + " "
            + entry.value().number() + ": expected the regulator and number of a registration"
            + " in people");
      }
    }
  }

  private void entitlement(Located<Entitlement> located) {
    Entitlement entitlement = located.value();
    String employer = entitlement.employer().value();
    employer(located, "employer", employer);
    entitlement.subject().person().ifPresent(person -> person(located, "person", person));
    entitlement.role().ifPresent(role -> {
      Located<Role> found = roles.get(role.value());
      if (found == null) {
        at(located, "role", "unknown role '" + role + "': expected the id of a role in roles");
      } else if (!found.value().employer().equals(entitlement.employer())
          || !entitlement.subject().person().map(found.value().person()::equals).orElse(false)) {
        at(located, "role", "role '" + role + "' is held by " + found.value().person() + " at "
            + found.value().employer() + ": expected a role of this entitlement's person at "
            + employer + " (an entitlement never follows a person to another role or employer)");
      }
    });
    Located<Delegation> delegation = delegations.get(entitlement.grantedUnder().value());
    if (delegation == null) {
      at(located, "granted-under", "unknown delegation '" + entitlement.grantedUnder()
          + "': expected the id of a delegation in delegations");
    } else if (!delegation.value().employer().equals(entitlement.employer())) {
      at(located, "granted-under", "delegation '" + entitlement.grantedUnder() + "' is of "
          + delegation.value().employer() + ": expected a delegation of " + employer);
    }
    person(located, "granted-by", entitlement.grantedBy());
    entitlement.supervisor().ifPresent(person -> person(located, "supervisor", person));
    entitlement.clinicalLead().ifPresent(person -> person(located, "clinical-lead", person));
    entitlement.accountableManager()
        .ifPresent(person -> person(located, "accountable-manager", person));
    entitlement.supersedes().filter(id -> !entitlements.contains(id.value())).ifPresent(id ->
        at(located, "supersedes", "unknown entitlement '" + id
            + "': expected the id of an entitlement in entitlements"));
    if (employers.containsKey(employer)
        && !procedures.contains(employer + " version " + entitlement.proceduresVersion())) {
      at(located, "procedures-version", "no procedures version "
          + entitlement.proceduresVersion() + " of employer '" + employer
          + "': expected a version listed in procedures");
    }
    int r = 0;
    for (ScopeRule rule : entitlement.scope().rules()) {
      String prefix = "scope/rules/" + r++ + "/";
      regions(located, prefix + "include-regions", rule.includedRegions());
      regions(located, prefix + "exclude-regions", rule.excludedRegions());
      examinations(located, prefix + "include-examinations", rule.includedExaminations());
      examinations(located, prefix + "exclude-examinations", rule.excludedExaminations());
    }
  }

  private void regions(Located<?> located, String member, Set<BodyRegion> regions) {
    int i = 0;
    for (BodyRegion region : regions) {
      region(located, member + "/" + i++, region);
    }
  }

  private void examinations(Located<?> located, String member, Set<ExaminationCode> codes) {
    int i = 0;
    for (ExaminationCode code : codes) {
      examination(located, member + "/" + i++, code);
    }
  }

  private void employer(Located<?> located, String member, String employer) {
    if (!employers.containsKey(employer)) {
      at(located, member, "unknown employer '" + employer
          + "': expected the id of an employer in employers");
    }
  }

  private void person(Located<?> located, String member, PersonId person) {
    if (!people.contains(person.value())) {
      at(located, member, "unknown person '" + person
          + "': expected the id of a person in people");
    }
  }

  private void region(Located<?> located, String member, BodyRegion region) {
    if (!tree.contains(region)) {
      at(located, member, "unknown body region '" + region + "': expected one of "
          + tree.regions().stream().map(BodyRegion::code).sorted()
              .collect(Collectors.joining(", ", "[", "]")));
    }
  }

  private void examination(Located<?> located, String member, ExaminationCode code) {
    if (hasCatalogue && !examinations.contains(code.value())) {
      at(located, member, "unknown examination '" + code
          + "': expected the code of an examination in examinations");
    }
  }

  private void at(Located<?> located, String member, String message) {
    problems.at(located.source(), located.pointer() + "/" + member, message);
  }
}
