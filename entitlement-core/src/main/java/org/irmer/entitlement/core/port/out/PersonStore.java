package org.irmer.entitlement.core.port.out;

import com.google.common.collect.ImmutableList;
import java.util.Optional;
import org.irmer.entitlement.core.domain.Person;
import org.irmer.entitlement.core.domain.PersonId;
import org.irmer.entitlement.core.domain.Role;
import org.irmer.entitlement.core.domain.RoleId;

/** People known to the register, their professional registrations and their roles. */
public interface PersonStore {

  /** The latest version of the person; empty when unknown. */
  Optional<Person> find(PersonId id);

  /** Every person, latest versions, sorted by id. */
  ImmutableList<Person> all();

  /**
   * Saves a new version of {@code person}; {@code expectedVersion} is the version read (0 for a new
   * person). Returns the saved value, whose version is {@code expectedVersion + 1} and whose
   * registration's instants are truncated to the microsecond, as stored.
   *
   * @throws DuplicateRecordException when {@code expectedVersion} is 0 and the id is already stored
   * @throws ConcurrentChangeException when {@code expectedVersion} is no longer the latest
   */
  Person save(Person person, long expectedVersion);

  /** The role; empty when unknown. */
  Optional<Role> role(RoleId id);

  /** The latest version of every role of every person, sorted by id. */
  ImmutableList<Role> allRoles();

  /** Every role the person has held or holds, sorted by start date then id. */
  ImmutableList<Role> roles(PersonId person);

  /**
   * Saves a new version of {@code role}; {@code expectedVersion} is the version read (0 for a new
   * role). Returns the saved value, whose version is {@code expectedVersion + 1}. Roles and people
   * are numbered apart.
   *
   * @throws DuplicateRecordException when {@code expectedVersion} is 0 and the id is already stored
   * @throws ConcurrentChangeException when {@code expectedVersion} is no longer the latest
   */
  Role saveRole(Role role, long expectedVersion);
}
