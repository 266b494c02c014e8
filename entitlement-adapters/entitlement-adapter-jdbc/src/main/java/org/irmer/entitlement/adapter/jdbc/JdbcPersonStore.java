package org.irmer.entitlement.adapter.jdbc;

import com.google.common.collect.ImmutableList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.irmer.entitlement.adapter.jdbc.VersionedTable.Column;
import org.irmer.entitlement.core.domain.Person;
import org.irmer.entitlement.core.domain.PersonId;
import org.irmer.entitlement.core.domain.ProfessionalRegistration;
import org.irmer.entitlement.core.domain.Role;
import org.irmer.entitlement.core.domain.RoleId;
import org.irmer.entitlement.core.port.out.PersonStore;

/**
 * People in {@code person_version} and {@code person_head}, each version with the professional
 * registration it names; their roles, numbered apart, in {@code role_version} and {@code
 * role_head}, looked up by the person.
 */
final class JdbcPersonStore implements PersonStore {

  private static final Column<Role> PERSON = new Column<>("person_id", role -> role.person().value());
  private static final Comparator<Role> BY_START_THEN_ID =
      Comparator.comparing(Role::validFrom).thenComparing(Role::id);

  private final VersionedTable<Person> people;
  private final VersionedTable<Role> roles;

  JdbcPersonStore(Database database) {
    people = new VersionedTable<>(database, "person", "person", Person.class,
        person -> person.id().value(), Person::version,
        (person, version) -> Person.builder().from(person).version(version)
            .registration(person.registration().map(JdbcPersonStore::asStored)).build(),
        null, List.of());
    roles = new VersionedTable<>(database, "role", "role", Role.class, role -> role.id().value(),
        Role::version, (role, version) -> Role.builder().from(role).version(version).build(), null,
        List.of(PERSON));
  }

  /** A registration with its instants to the microsecond, as the store keeps them. */
  private static ProfessionalRegistration asStored(ProfessionalRegistration registration) {
    return ProfessionalRegistration.builder().from(registration)
        .checkedAt(Micros.truncate(registration.checkedAt()))
        .statusSince(registration.statusSince().map(Micros::truncate))
        .build();
  }

  @Override
  public Optional<Person> find(PersonId id) {
    return people.latest(id.value());
  }

  @Override
  public ImmutableList<Person> all() {
    return people.latestAll();
  }

  @Override
  public Person save(Person person, long expectedVersion) {
    return people.save(person, expectedVersion);
  }

  @Override
  public Optional<Role> role(RoleId id) {
    return roles.latest(id.value());
  }

  @Override
  public ImmutableList<Role> allRoles() {
    return roles.latestAll();
  }

  @Override
  public ImmutableList<Role> roles(PersonId person) {
    return roles.latestWhere(PERSON, person.value()).stream().sorted(BY_START_THEN_ID)
        .collect(ImmutableList.toImmutableList());
  }

  @Override
  public Role saveRole(Role role, long expectedVersion) {
    return roles.save(role, expectedVersion);
  }
}
