package org.irmer.entitlement.rules;

import com.google.common.collect.ImmutableList;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.irmer.entitlement.core.domain.AgreementId;
import org.irmer.entitlement.core.domain.BodyRegionTree;
import org.irmer.entitlement.core.domain.Employer;
import org.irmer.entitlement.core.domain.EmployerId;
import org.irmer.entitlement.core.domain.Entitlement;
import org.irmer.entitlement.core.domain.EntitlementId;
import org.irmer.entitlement.core.domain.Examination;
import org.irmer.entitlement.core.domain.ExaminationCode;
import org.irmer.entitlement.core.domain.GuidelineEntry;
import org.irmer.entitlement.core.domain.IndicationCode;
import org.irmer.entitlement.core.domain.Person;
import org.irmer.entitlement.core.domain.PersonId;
import org.irmer.entitlement.core.domain.Role;
import org.irmer.entitlement.core.domain.RoleId;
import org.irmer.entitlement.core.domain.SharedResponsibilityAgreement;
import org.irmer.entitlement.core.domain.TrainingRecord;
import org.irmer.entitlement.core.domain.WrittenProcedures;
import org.irmer.entitlement.core.port.out.AgreementStore;
import org.irmer.entitlement.core.port.out.EmployerStore;
import org.irmer.entitlement.core.port.out.EntitlementStore;
import org.irmer.entitlement.core.port.out.ExaminationCatalogue;
import org.irmer.entitlement.core.port.out.GuidelineCatalogue;
import org.irmer.entitlement.core.port.out.PersonStore;
import org.irmer.entitlement.core.port.out.Register;
import org.irmer.entitlement.core.port.out.TrainingStore;

/**
 * A register whose stores return every list of rows in a new random order on each read, as a
 * database without an {@code ORDER BY} may: the in-memory stores sort by id, so loading the same
 * records in another order does not reach the engines' own ordering. Writes go to the stores
 * underneath. DOMAIN.md section 5, rule 9: the decisions must not change.
 */
final class ShuffledStores {

  private ShuffledStores() {}

  static Register of(Register register, long seed) {
    Random random = new Random(seed);
    return new Register(new Employers(register.employers(), random), new People(register.people(), random),
        register.delegations(), register.applications(),
        new Entitlements(register.entitlements(), random), new Training(register.training(), random),
        register.complianceEvents(), register.auditRecords(), register.notices(),
        new Agreements(register.agreements(), random), register.tasks(), register.activity(),
        new Catalogue(register.examinations(), random), new Guidelines(register.guidelines(), random),
        register.auditTrail(), register.notifications(), register.registrationLookup(),
        register.transactions(), register.changes());
  }

  private static <T> ImmutableList<T> shuffled(ImmutableList<T> rows, Random random) {
    List<T> copy = new ArrayList<>(rows);
    Collections.shuffle(copy, random);
    return ImmutableList.copyOf(copy);
  }

  private record Employers(EmployerStore store, Random random) implements EmployerStore {
    @Override
    public Optional<Employer> find(EmployerId id) {
      return store.find(id);
    }

    @Override
    public ImmutableList<Employer> all() {
      return shuffled(store.all(), random);
    }

    @Override
    public Employer save(Employer employer, long expectedVersion) {
      return store.save(employer, expectedVersion);
    }

    @Override
    public Optional<WrittenProcedures> procedures(EmployerId employer, int version) {
      return store.procedures(employer, version);
    }

    @Override
    public WrittenProcedures addProcedures(WrittenProcedures procedures) {
      return store.addProcedures(procedures);
    }
  }

  private record People(PersonStore store, Random random) implements PersonStore {
    @Override
    public Optional<Person> find(PersonId id) {
      return store.find(id);
    }

    @Override
    public ImmutableList<Person> all() {
      return shuffled(store.all(), random);
    }

    @Override
    public Person save(Person person, long expectedVersion) {
      return store.save(person, expectedVersion);
    }

    @Override
    public Optional<Role> role(RoleId id) {
      return store.role(id);
    }

    @Override
    public ImmutableList<Role> allRoles() {
      return shuffled(store.allRoles(), random);
    }

    @Override
    public ImmutableList<Role> roles(PersonId person) {
      return shuffled(store.roles(person), random);
    }

    @Override
    public Role saveRole(Role role, long expectedVersion) {
      return store.saveRole(role, expectedVersion);
    }
  }

  private record Entitlements(EntitlementStore store, Random random) implements EntitlementStore {
    @Override
    public Optional<Entitlement> find(EntitlementId id) {
      return store.find(id);
    }

    @Override
    public ImmutableList<Entitlement> history(EntitlementId id) {
      return store.history(id);
    }

    @Override
    public ImmutableList<Entitlement> forPerson(PersonId person) {
      return shuffled(store.forPerson(person), random);
    }

    @Override
    public ImmutableList<Entitlement> groupsOf(EmployerId employer) {
      return shuffled(store.groupsOf(employer), random);
    }

    @Override
    public ImmutableList<Entitlement> all() {
      return shuffled(store.all(), random);
    }

    @Override
    public ImmutableList<Entitlement> forPersonAsOf(PersonId person, Instant instant) {
      return shuffled(store.forPersonAsOf(person, instant), random);
    }

    @Override
    public ImmutableList<Entitlement> groupsOfAsOf(EmployerId employer, Instant instant) {
      return shuffled(store.groupsOfAsOf(employer, instant), random);
    }

    @Override
    public Entitlement save(Entitlement entitlement, long expectedVersion) {
      return store.save(entitlement, expectedVersion);
    }
  }

  private record Training(TrainingStore store, Random random) implements TrainingStore {
    @Override
    public ImmutableList<TrainingRecord> forPerson(PersonId person) {
      return shuffled(store.forPerson(person), random);
    }

    @Override
    public ImmutableList<TrainingRecord> all() {
      return shuffled(store.all(), random);
    }

    @Override
    public TrainingRecord add(TrainingRecord record) {
      return store.add(record);
    }
  }

  private record Agreements(AgreementStore store, Random random) implements AgreementStore {
    @Override
    public Optional<SharedResponsibilityAgreement> find(AgreementId id) {
      return store.find(id);
    }

    @Override
    public ImmutableList<SharedResponsibilityAgreement> recognisedBy(EmployerId employer) {
      return shuffled(store.recognisedBy(employer), random);
    }

    @Override
    public ImmutableList<SharedResponsibilityAgreement> all() {
      return shuffled(store.all(), random);
    }

    @Override
    public SharedResponsibilityAgreement save(SharedResponsibilityAgreement agreement,
        long expectedVersion) {
      return store.save(agreement, expectedVersion);
    }
  }

  private record Catalogue(ExaminationCatalogue catalogue, Random random) implements ExaminationCatalogue {
    @Override
    public Optional<Examination> find(ExaminationCode code) {
      return catalogue.find(code);
    }

    @Override
    public ImmutableList<Examination> all() {
      return shuffled(catalogue.all(), random);
    }

    @Override
    public BodyRegionTree regions() {
      return catalogue.regions();
    }

    @Override
    public void replace(BodyRegionTree regions, Iterable<Examination> all) {
      catalogue.replace(regions, all);
    }
  }

  private record Guidelines(GuidelineCatalogue catalogue, Random random) implements GuidelineCatalogue {
    @Override
    public ImmutableList<GuidelineEntry> advice(IndicationCode indication, ExaminationCode examination) {
      return shuffled(catalogue.advice(indication, examination), random);
    }

    @Override
    public ImmutableList<GuidelineEntry> all() {
      return shuffled(catalogue.all(), random);
    }

    @Override
    public void replace(Iterable<GuidelineEntry> all) {
      catalogue.replace(all);
    }
  }
}
