package org.irmer.entitlement.adapter.json;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSortedMap;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.irmer.entitlement.adapter.json.RegisterFiles.Contents;
import org.irmer.entitlement.adapter.json.RegisterFiles.ImportSummary;
import org.irmer.entitlement.adapter.json.RegisterFiles.InvalidRegisterFiles;
import org.irmer.entitlement.adapter.json.RegisterFiles.Problem;
import org.irmer.entitlement.adapter.json.RegisterFiles.Progress;
import org.irmer.entitlement.adapter.json.RegisterFiles.Section;
import org.irmer.entitlement.core.domain.Actor;
import org.irmer.entitlement.core.domain.AuditEvent;
import org.irmer.entitlement.core.domain.AuditTrailEntry;
import org.irmer.entitlement.core.domain.Delegation;
import org.irmer.entitlement.core.domain.Employer;
import org.irmer.entitlement.core.domain.Entitlement;
import org.irmer.entitlement.core.domain.Person;
import org.irmer.entitlement.core.domain.ProfessionalRegistration;
import org.irmer.entitlement.core.domain.Role;
import org.irmer.entitlement.core.domain.SharedResponsibilityAgreement;
import org.irmer.entitlement.core.domain.TrainingRecord;
import org.irmer.entitlement.core.domain.TrainingRecordId;
import org.irmer.entitlement.core.domain.WrittenProcedures;
import org.irmer.entitlement.core.port.out.ChangeFeed;
import org.irmer.entitlement.core.port.out.DuplicateRecordException;
import org.irmer.entitlement.core.port.out.Register;
import org.irmer.entitlement.core.port.out.RegisterChange.Pending;

/**
 * Writes {@link Contents} into a register through its ports in one unit of work, with one audit
 * record, publishing every change; and reads a register's contents back.
 *
 * <p>Before writing, every id is looked up: one the register already holds is a problem at the
 * line the record was read from, and nothing is written. A store that refuses a record during the
 * unit of work (another writer took the id meanwhile) rolls the whole unit back.
 */
final class RegisterImport {

  private RegisterImport() {}

  static ImportSummary importInto(Register ports, Contents contents, Actor actor, Instant at,
      Progress progress) {
    List<Problem> taken = alreadyStored(ports, contents);
    if (!taken.isEmpty()) {
      throw new InvalidRegisterFiles(taken);
    }
    AuditTrailEntry entry;
    try {
      entry = ports.transactions().inTransaction(() -> {
        write(ports, contents, progress);
        return ports.auditTrail().append(auditEvent(contents, actor, at));
      });
    } catch (DuplicateRecordException refused) {
      throw new InvalidRegisterFiles(List.of(contents.originOf(refused.record(),
          "DUPLICATE: " + refused.getMessage() + "; nothing was imported")));
    } catch (IllegalArgumentException refused) {
      throw new InvalidRegisterFiles(List.of(contents.originOf("",
          "the register refused the contents: " + refused.getMessage()
              + "; nothing was imported")));
    }
    return new ImportSummary(contents.counts(), contents.sha256(), entry);
  }

  private static AuditEvent auditEvent(Contents contents, Actor actor, Instant at) {
    ImmutableSortedMap.Builder<String, String> details = ImmutableSortedMap.naturalOrder();
    details.put("sha256", contents.sha256());
    contents.counts().forEach((section, count) -> details.put(section.key(), count.toString()));
    return AuditEvent.builder()
        .action(RegisterFiles.IMPORT_ACTION)
        .actor(actor)
        .at(at)
        .subject(contents.source())
        .result("imported")
        .details(details.build())
        .build();
  }

  private static List<Problem> alreadyStored(Register ports, Contents contents) {
    List<Problem> problems = new ArrayList<>();
    for (Employer employer : contents.employers()) {
      if (ports.employers().find(employer.id()).isPresent()) {
        problems.add(duplicate(contents, "employer " + employer.id()));
      }
    }
    for (WrittenProcedures procedures : contents.procedures()) {
      if (ports.employers().procedures(procedures.employer(), procedures.version()).isPresent()) {
        problems.add(duplicate(contents, "procedures " + procedures.employer() + " "
            + procedures.version()));
      }
    }
    for (Person person : contents.people()) {
      if (ports.people().find(person.id()).isPresent()) {
        problems.add(duplicate(contents, "person " + person.id()));
      }
    }
    for (Role role : contents.roles()) {
      if (ports.people().role(role.id()).isPresent()) {
        problems.add(duplicate(contents, "role " + role.id()));
      }
    }
    for (Delegation delegation : contents.delegations()) {
      if (ports.delegations().find(delegation.id()).isPresent()) {
        problems.add(duplicate(contents, "delegation " + delegation.id()));
      }
    }
    for (Entitlement entitlement : contents.entitlements()) {
      if (ports.entitlements().find(entitlement.id()).isPresent()) {
        problems.add(duplicate(contents, "entitlement " + entitlement.id()));
      }
    }
    if (!contents.training().isEmpty()) {
      Set<TrainingRecordId> stored = new HashSet<>();
      ports.training().all().forEach(record -> stored.add(record.id()));
      for (TrainingRecord record : contents.training()) {
        if (stored.contains(record.id())) {
          problems.add(duplicate(contents, "training " + record.id()));
        }
      }
    }
    for (SharedResponsibilityAgreement agreement : contents.agreements()) {
      if (ports.agreements().find(agreement.id()).isPresent()) {
        problems.add(duplicate(contents, "agreement " + agreement.id()));
      }
    }
    return problems;
  }

  private static Problem duplicate(Contents contents, String record) {
    return contents.originOf(record, "DUPLICATE: " + record
        + " is already stored in the register: expected a new id (an import adds records, it"
        + " never changes those stored)");
  }

  private static void write(Register ports, Contents contents, Progress progress) {
    ChangeFeed changes = ports.changes();
    each(Section.EMPLOYERS, contents.employers(), progress, employer -> {
      ports.employers().save(employer, 0);
      changes.publish(Pending.employer(employer.id()));
    });
    each(Section.PROCEDURES, contents.procedures(), progress, procedures -> {
      ports.employers().addProcedures(procedures);
      changes.publish(Pending.procedures(procedures.employer()));
    });
    each(Section.PEOPLE, contents.people(), progress, person -> {
      ports.people().save(person, 0);
      changes.publish(Pending.person(person.id()));
    });
    each(Section.ROLES, contents.roles(), progress, role -> {
      ports.people().saveRole(role, 0);
      changes.publish(Pending.person(role.person()));
    });
    each(Section.DELEGATIONS, contents.delegations(), progress, delegation -> {
      ports.delegations().save(delegation, 0);
      changes.publish(Pending.delegation(delegation.employer()));
    });
    contents.regions().ifPresent(regions -> {
      ports.examinations().replace(regions, contents.examinations());
      progress.progress(Section.EXAMINATIONS, contents.examinations().size(),
          contents.examinations().size());
    });
    if (contents.hasGuidelines()) {
      ports.guidelines().replace(contents.guidelines());
      progress.progress(Section.GUIDELINES, contents.guidelines().size(),
          contents.guidelines().size());
    }
    each(Section.ENTITLEMENTS, contents.entitlements(), progress, entitlement -> {
      ports.entitlements().save(entitlement, 0);
      changes.publish(entitlement.subject().person().map(Pending::person)
          .orElseGet(() -> Pending.groupEntitlement(entitlement.employer())));
    });
    each(Section.TRAINING, contents.training(), progress, record -> {
      ports.training().add(record);
      changes.publish(Pending.person(record.person()));
    });
    each(Section.AGREEMENTS, contents.agreements(), progress, agreement -> {
      ports.agreements().save(agreement, 0);
      changes.publish(Pending.agreement(agreement.id()));
    });
    each(Section.REGULATOR_REGISTER, contents.regulatorRegister(), progress,
        ports.registrationLookup()::record);
  }

  private static <T> void each(Section section, List<T> records, Progress progress,
      Consumer<T> write) {
    int done = 0;
    for (T record : records) {
      write.accept(record);
      progress.progress(section, ++done, records.size());
    }
  }

  /** What the register holds, with every store version set to 0 (see {@link Contents}). */
  static Contents contentsOf(Register ports) {
    return ports.transactions().reading(() -> read(ports));
  }

  private static Contents read(Register ports) {
    ImmutableList<Employer> employers = ports.employers().all();
    List<WrittenProcedures> procedures = new ArrayList<>();
    List<Delegation> delegations = new ArrayList<>();
    for (Employer employer : employers) {
      for (int version = 1; version <= employer.proceduresVersion()
          || ports.employers().procedures(employer.id(), version).isPresent(); version++) {
        ports.employers().procedures(employer.id(), version).ifPresent(found ->
            procedures.add(WrittenProcedures.builder().from(found).recordVersion(0).build()));
      }
      ports.delegations().forEmployer(employer.id()).forEach(delegation ->
          delegations.add(Delegation.builder().from(delegation).version(0).build()));
    }
    ImmutableList<Person> people = ports.people().all();
    List<ProfessionalRegistration> regulatorRegister = new ArrayList<>();
    for (Person person : people) {
      person.registration().flatMap(registration -> ports.registrationLookup()
          .lookup(registration.regulator(), registration.number()))
          .ifPresent(regulatorRegister::add);
    }
    return Contents.builder()
        .source("register")
        .addEmployers(employers.stream()
            .map(employer -> Employer.builder().from(employer).version(0).build()).toList())
        .addProcedures(procedures)
        .addPeople(people.stream()
            .map(person -> Person.builder().from(person).version(0).build()).toList())
        .addRoles(ports.people().allRoles().stream()
            .map(role -> Role.builder().from(role).version(0).build()).toList())
        .addDelegations(delegations)
        .addEntitlements(ports.entitlements().all().stream()
            .map(entitlement -> Entitlement.builder().from(entitlement).version(0).build())
            .toList())
        .addTraining(ports.training().all())
        .addAgreements(ports.agreements().all().stream()
            .map(agreement -> SharedResponsibilityAgreement.builder().from(agreement).version(0)
                .build())
            .toList())
        .regions(ports.examinations().regions())
        .addExaminations(ports.examinations().all())
        .addGuidelines(ports.guidelines().all())
        .addRegulatorRegister(regulatorRegister.stream().distinct().toList())
        .build();
  }
}
