package org.irmer.entitlement.core.service;

import com.google.common.collect.ImmutableList;
import java.time.Instant;
import java.util.Optional;
import org.irmer.entitlement.core.domain.EmployerId;
import org.irmer.entitlement.core.domain.Entitlement;
import org.irmer.entitlement.core.domain.EntitlementId;
import org.irmer.entitlement.core.domain.Person;
import org.irmer.entitlement.core.domain.PersonId;
import org.irmer.entitlement.core.domain.Role;
import org.irmer.entitlement.core.domain.RoleId;
import org.irmer.entitlement.core.domain.TrainingRecord;
import org.irmer.entitlement.core.port.out.ChangeFeed;
import org.irmer.entitlement.core.port.out.EntitlementStore;
import org.irmer.entitlement.core.port.out.PersonStore;
import org.irmer.entitlement.core.port.out.RegisterChange.Pending;
import org.irmer.entitlement.core.port.out.TrainingStore;

/**
 * The stores as the lifecycle services write them: every write of data that decisions read also
 * publishes what it changed on the {@link ChangeFeed}, in the same unit of work, so that no command
 * can forget to tell the engines (ARCHITECTURE.md, wiring). Reads pass straight through.
 */
final class Publishing {

  private Publishing() {}

  static EntitlementStore entitlements(EntitlementStore store, ChangeFeed changes) {
    return new PublishingEntitlements(store, changes);
  }

  static PersonStore people(PersonStore store, ChangeFeed changes) {
    return new PublishingPeople(store, changes);
  }

  static TrainingStore training(TrainingStore store, ChangeFeed changes) {
    return new PublishingTraining(store, changes);
  }

  private record PublishingEntitlements(EntitlementStore store, ChangeFeed changes)
      implements EntitlementStore {

    @Override
    public Entitlement save(Entitlement entitlement, long expectedVersion) {
      Entitlement saved = store.save(entitlement, expectedVersion);
      changes.publish(saved.subject().person()
          .map(Pending::person)
          .orElseGet(() -> Pending.groupEntitlement(saved.employer())));
      return saved;
    }

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
      return store.forPerson(person);
    }

    @Override
    public ImmutableList<Entitlement> groupsOf(EmployerId employer) {
      return store.groupsOf(employer);
    }

    @Override
    public ImmutableList<Entitlement> all() {
      return store.all();
    }

    @Override
    public ImmutableList<Entitlement> forPersonAsOf(PersonId person, Instant instant) {
      return store.forPersonAsOf(person, instant);
    }

    @Override
    public ImmutableList<Entitlement> groupsOfAsOf(EmployerId employer, Instant instant) {
      return store.groupsOfAsOf(employer, instant);
    }
  }

  private record PublishingPeople(PersonStore store, ChangeFeed changes) implements PersonStore {

    @Override
    public Person save(Person person, long expectedVersion) {
      Person saved = store.save(person, expectedVersion);
      changes.publish(Pending.person(saved.id()));
      return saved;
    }

    @Override
    public Role saveRole(Role role, long expectedVersion) {
      Role saved = store.saveRole(role, expectedVersion);
      changes.publish(Pending.person(saved.person()));
      return saved;
    }

    @Override
    public Optional<Person> find(PersonId id) {
      return store.find(id);
    }

    @Override
    public ImmutableList<Person> all() {
      return store.all();
    }

    @Override
    public Optional<Role> role(RoleId id) {
      return store.role(id);
    }

    @Override
    public ImmutableList<Role> allRoles() {
      return store.allRoles();
    }

    @Override
    public ImmutableList<Role> roles(PersonId person) {
      return store.roles(person);
    }
  }

  private record PublishingTraining(TrainingStore store, ChangeFeed changes) implements TrainingStore {

    @Override
    public TrainingRecord add(TrainingRecord record) {
      TrainingRecord added = store.add(record);
      changes.publish(Pending.person(added.person()));
      return added;
    }

    @Override
    public ImmutableList<TrainingRecord> forPerson(PersonId person) {
      return store.forPerson(person);
    }

    @Override
    public ImmutableList<TrainingRecord> all() {
      return store.all();
    }
  }
}
