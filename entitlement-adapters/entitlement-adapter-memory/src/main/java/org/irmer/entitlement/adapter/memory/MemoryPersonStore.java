package org.irmer.entitlement.adapter.memory;

import com.google.common.collect.ImmutableList;
import java.util.Comparator;
import java.util.Optional;
import org.irmer.entitlement.core.domain.Person;
import org.irmer.entitlement.core.domain.PersonId;
import org.irmer.entitlement.core.domain.Role;
import org.irmer.entitlement.core.domain.RoleId;
import org.irmer.entitlement.core.port.out.PersonStore;

final class MemoryPersonStore implements PersonStore {

  private final VersionedRecords<PersonId, Person> people;
  private final VersionedRecords<RoleId, Role> roles;

  MemoryPersonStore(UndoJournal journal) {
    people = new VersionedRecords<>("person", Person::version,
        (person, version) -> Person.builder().from(person).version(version)
            .registration(person.registration().map(StoredInstants::truncate)).build(),
        journal);
    roles = new VersionedRecords<>("role", Role::version,
        (role, version) -> Role.builder().from(role).version(version).build(), journal);
  }

  @Override
  public Optional<Person> find(PersonId id) {
    return people.latest(id);
  }

  @Override
  public ImmutableList<Person> all() {
    return people.latestWhere(person -> true);
  }

  @Override
  public Person save(Person person, long expectedVersion) {
    return people.save(person.id(), person, expectedVersion);
  }

  @Override
  public Optional<Role> role(RoleId id) {
    return roles.latest(id);
  }

  @Override
  public ImmutableList<Role> allRoles() {
    return roles.latestWhere(role -> true);
  }

  @Override
  public ImmutableList<Role> roles(PersonId person) {
    return roles.latestWhere(role -> role.person().equals(person)).stream()
        .sorted(Comparator.comparing(Role::validFrom).thenComparing(Role::id))
        .collect(ImmutableList.toImmutableList());
  }

  @Override
  public Role saveRole(Role role, long expectedVersion) {
    return roles.save(role.id(), role, expectedVersion);
  }
}
