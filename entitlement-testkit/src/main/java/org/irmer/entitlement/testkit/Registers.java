package org.irmer.entitlement.testkit;

import static org.quicktheories.generators.SourceDSL.integers;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.irmer.entitlement.core.domain.BodyRegionTree;
import org.irmer.entitlement.core.domain.Delegate;
import org.irmer.entitlement.core.domain.Delegation;
import org.irmer.entitlement.core.domain.DelegationId;
import org.irmer.entitlement.core.domain.Employer;
import org.irmer.entitlement.core.domain.EmployerId;
import org.irmer.entitlement.core.domain.Entitlement;
import org.irmer.entitlement.core.domain.EntitlementId;
import org.irmer.entitlement.core.domain.EntitlementSubject;
import org.irmer.entitlement.core.domain.GuidelineEntry;
import org.irmer.entitlement.core.domain.Person;
import org.irmer.entitlement.core.domain.PersonId;
import org.irmer.entitlement.core.domain.ProfessionalRegistration;
import org.irmer.entitlement.core.domain.Role;
import org.irmer.entitlement.core.domain.SharedResponsibilityAgreement;
import org.irmer.entitlement.core.domain.TrainingRecord;
import org.irmer.entitlement.core.domain.WrittenProcedures;
import org.irmer.entitlement.core.port.out.ExaminationCatalogue;
import org.quicktheories.core.Gen;
import org.quicktheories.core.RandomnessSource;
import org.quicktheories.generators.Generate;

/**
 * Generators of whole registers: every kind of record of {@link RegisterGenerators} and {@link
 * CatalogueGenerators} together, consistent with one another, for properties over a register as a
 * whole (exports and imports, migrations, copies between stores).
 *
 * <p>Each record is drawn by the generator of its kind and then tied to records drawn before it:
 * a role to one of the people and one of the employers; an individual entitlement to one of the
 * roles, a group entitlement to an employer; every entitlement to a delegation of its employer, a
 * version of that employer's procedures and, now and then, an earlier entitlement it supersedes;
 * an agreement to two different employers. A record whose id was drawn before is left out (a
 * delegation is renamed instead), so ids are unique. Every store version is 0.
 */
public final class Registers {

  private Registers() {}

  /**
   * Registers over the standard region tree or a generated one, with a catalogue of 1 to 12
   * examinations, up to 6 guideline entries, 1 to 3 employers with 1 to 3 versions of procedures
   * each, 1 to 8 people, up to 8 roles, 1 or 2 delegations per employer, up to 8 entitlements, up
   * to 6 training records, up to 3 agreements (with two employers or more) and, for some of the
   * people's registrations, the regulator's own entry.
   */
  public static Gen<RegisterRecords> registers() {
    Gen<BodyRegionTree> trees =
        Generate.oneOf(
            Generate.constant(BodyRegionTree.standard()), CatalogueGenerators.regionTrees());
    return trees.flatMap(
        tree ->
            Gens.listOf(CatalogueGenerators.examinations(tree), 1, 12)
                .map(exams -> ExaminationCatalogues.of(tree, distinct(exams, e -> e.code())))
                .flatMap(catalogue -> registers(tree, catalogue)));
  }

  private static Gen<RegisterRecords> registers(BodyRegionTree tree, ExaminationCatalogue catalogue) {
    Gen<Integer> counts = integers().between(0, 8);
    Gen<GuidelineEntry> guidelines = CatalogueGenerators.guidelineEntries(catalogue);
    Gen<Employer> employers = RegisterGenerators.employers();
    Gen<WrittenProcedures> procedures = RegisterGenerators.procedures(tree);
    Gen<Person> people = RegisterGenerators.people();
    Gen<Role> roles = RegisterGenerators.roles();
    Gen<Delegation> delegations = RegisterGenerators.delegations();
    Gen<Entitlement> entitlements = RegisterGenerators.entitlements(catalogue);
    Gen<TrainingRecord> training = RegisterGenerators.trainingRecords();
    Gen<SharedResponsibilityAgreement> agreements = RegisterGenerators.agreements();
    Gen<ProfessionalRegistration> registrations = RegisterGenerators.registrations();
    Gen<Boolean> coins = Generate.booleans();
    return in -> {
      Draw draw = new Draw(in, counts, coins);
      ImmutableList<Employer> employerList =
          distinct(draw.some(employers, 1, 3), employer -> employer.id());
      List<WrittenProcedures> procedureList = new ArrayList<>();
      List<Employer> versionedEmployers = new ArrayList<>();
      for (Employer employer : employerList) {
        int versions = draw.count(1, 3);
        for (int version = 1; version <= versions; version++) {
          procedureList.add(
              WrittenProcedures.builder()
                  .from(procedures.generate(in))
                  .employer(employer.id())
                  .version(version)
                  .recordVersion(0)
                  .build());
        }
        versionedEmployers.add(
            Employer.builder()
                .from(employer)
                .proceduresVersion(draw.count(1, versions))
                .version(0)
                .build());
      }
      ImmutableList<Person> personList =
          distinct(
              draw.some(people, 1, 8).stream()
                  .map(person -> Person.builder().from(person).version(0).build())
                  .toList(),
              Person::id);
      Gen<PersonId> personIds = Gens.pick(personList.stream().map(Person::id).toList());
      Gen<EmployerId> employerIds = Gens.pick(employerList.stream().map(Employer::id).toList());

      ImmutableList<Role> roleList =
          distinct(
              draw.some(roles, 0, 8).stream()
                  .map(
                      role ->
                          Role.builder()
                              .from(role)
                              .person(personIds.generate(in))
                              .employer(employerIds.generate(in))
                              .version(0)
                              .build())
                  .toList(),
              Role::id);

      List<Delegation> delegationList = new ArrayList<>();
      Set<DelegationId> delegationIds = new HashSet<>();
      for (Employer employer : employerList) {
        for (Delegation delegation : draw.some(delegations, 1, 2)) {
          // Renamed rather than left out: every employer keeps a delegation to grant under.
          DelegationId id = delegation.id();
          while (!delegationIds.add(id)) {
            id = DelegationId.of(id.value() + "-" + delegationIds.size());
          }
          delegationList.add(
              Delegation.builder()
                  .from(delegation)
                  .id(id)
                  .employer(employer.id())
                  .delegate(
                      delegation.delegate().person().isPresent()
                          ? Delegate.person(personIds.generate(in))
                          : delegation.delegate())
                  .version(0)
                  .build());
        }
      }

      List<Entitlement> entitlementList = new ArrayList<>();
      for (Entitlement entitlement : draw.some(entitlements, 0, 8)) {
        entitlementList.add(
            tied(entitlement, draw, roleList, delegationList, procedureList, personIds,
                employerIds, entitlementList));
      }

      ImmutableList<TrainingRecord> trainingList =
          distinct(
              draw.some(training, 0, 6).stream()
                  .map(
                      record ->
                          TrainingRecord.builder()
                              .from(record)
                              .person(personIds.generate(in))
                              .verifiedBy(draw.maybe(personIds))
                              .build())
                  .toList(),
              TrainingRecord::id);

      List<SharedResponsibilityAgreement> agreementList = new ArrayList<>();
      if (employerList.size() > 1) {
        Gen<Integer> indexes = integers().between(0, employerList.size() - 1);
        Gen<Integer> steps = integers().between(1, employerList.size() - 1);
        for (SharedResponsibilityAgreement agreement : draw.some(agreements, 0, 3)) {
          int first = indexes.generate(in);
          int second = (first + steps.generate(in)) % employerList.size();
          agreementList.add(
              SharedResponsibilityAgreement.builder()
                  .from(agreement)
                  .entitlingEmployer(employerList.get(first).id())
                  .recognisingEmployer(employerList.get(second).id())
                  .version(0)
                  .build());
        }
      }

      return new RegisterRecords(
          tree,
          ImmutableList.copyOf(catalogue.all()),
          distinct(draw.some(guidelines, 0, 6), GuidelineEntry::id),
          ImmutableList.copyOf(versionedEmployers),
          ImmutableList.copyOf(procedureList),
          personList,
          roleList,
          ImmutableList.copyOf(delegationList),
          distinct(entitlementList, Entitlement::id),
          trainingList,
          distinct(agreementList, SharedResponsibilityAgreement::id),
          regulatorEntries(personList, registrations, draw));
    };
  }

  /**
   * {@code entitlement} tied to the register: an individual one to one of {@code roles} (its person
   * and employer with it), or made a group entitlement when there is no role; granted under a
   * delegation of its employer, by one of the people, under a version of its employer's
   * procedures; superseding, now and then, one of {@code earlier}.
   */
  private static Entitlement tied(
      Entitlement entitlement,
      Draw draw,
      List<Role> roles,
      List<Delegation> delegations,
      List<WrittenProcedures> procedures,
      Gen<PersonId> people,
      Gen<EmployerId> employers,
      List<Entitlement> earlier) {
    var tied = Entitlement.builder().from(entitlement).version(0);
    EmployerId employer;
    Optional<Role> role =
        entitlement.subject().isGroup() || roles.isEmpty()
            ? Optional.empty()
            : Optional.of(draw.one(roles));
    if (role.isPresent()) {
      employer = role.get().employer();
      tied.subject(EntitlementSubject.individual(role.get().person())).role(role.get().id());
    } else {
      employer = draw.in(employers);
      tied.subject(
              entitlement.subject().isGroup()
                  ? entitlement.subject()
                  : EntitlementSubject.group(draw.in(RegisterGenerators.groupCriteria())))
          .role(Optional.empty());
    }
    tied.employer(employer)
        .grantedUnder(
            draw.one(delegations.stream().filter(d -> d.employer().equals(employer)).toList())
                .id())
        .proceduresVersion(
            draw.one(procedures.stream().filter(p -> p.employer().equals(employer)).toList())
                .version())
        .grantedBy(draw.in(people))
        .supervisor(draw.maybe(people))
        .clinicalLead(draw.maybe(people))
        .accountableManager(draw.maybe(people))
        .supersedes(
            earlier.isEmpty() || !draw.coin()
                ? Optional.<EntitlementId>empty()
                : Optional.of(draw.one(earlier).id()));
    return tied.build();
  }

  /**
   * Now and then, for a person's registration, the regulator's own entry for it: the same regulator
   * and number, in a status and as checked at an instant of its own.
   */
  private static ImmutableList<ProfessionalRegistration> regulatorEntries(
      List<Person> people, Gen<ProfessionalRegistration> registrations, Draw draw) {
    ImmutableList.Builder<ProfessionalRegistration> entries = ImmutableList.builder();
    for (Person person : people) {
      Optional<ProfessionalRegistration> registration = person.registration();
      if (registration.isPresent() && draw.coin()) {
        entries.add(
            ProfessionalRegistration.builder()
                .from(draw.in(registrations))
                .regulator(registration.get().regulator())
                .number(registration.get().number())
                .build());
      }
    }
    return distinct(entries.build(), entry -> entry.regulator() + " " + entry.number());
  }

  /** The first record with each key, in order. */
  private static <T, K> ImmutableList<T> distinct(List<T> values, Function<T, K> key) {
    Map<K, T> byKey = new LinkedHashMap<>();
    values.forEach(value -> byKey.putIfAbsent(key.apply(value), value));
    return ImmutableList.copyOf(byKey.values());
  }

  /** Draws from one source of randomness, so that the whole register shrinks as one value. */
  private record Draw(RandomnessSource in, Gen<Integer> counts, Gen<Boolean> coins) {

    int count(int min, int max) {
      return min + counts.generate(in) % (max - min + 1);
    }

    <T> List<T> some(Gen<T> values, int min, int max) {
      int count = count(min, max);
      List<T> drawn = new ArrayList<>(count);
      for (int i = 0; i < count; i++) {
        drawn.add(values.generate(in));
      }
      return drawn;
    }

    <T> T in(Gen<T> values) {
      return values.generate(in);
    }

    <T> T one(List<T> values) {
      return Gens.pick(values).generate(in);
    }

    boolean coin() {
      return coins.generate(in);
    }

    <T> Optional<T> maybe(Gen<T> values) {
      return coin() ? Optional.of(values.generate(in)) : Optional.empty();
    }
  }
}
