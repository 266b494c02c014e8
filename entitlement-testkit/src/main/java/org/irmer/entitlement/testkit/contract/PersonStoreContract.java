package org.irmer.entitlement.testkit.contract;

import static com.google.common.base.Preconditions.checkState;
import static org.assertj.core.api.Assertions.assertThat;
import static org.irmer.entitlement.testkit.contract.ContractFixtures.D0;
import static org.irmer.entitlement.testkit.contract.ContractFixtures.T0;
import static org.irmer.entitlement.testkit.contract.ContractFixtures.person;
import static org.irmer.entitlement.testkit.contract.ContractFixtures.role;

import com.google.common.collect.ImmutableList;
import java.time.Duration;
import java.util.Optional;
import org.irmer.entitlement.core.domain.LevelOfPractice;
import org.irmer.entitlement.core.domain.Person;
import org.irmer.entitlement.core.domain.PersonId;
import org.irmer.entitlement.core.domain.ProfessionalRegistration;
import org.irmer.entitlement.core.domain.RegistrationStatus;
import org.irmer.entitlement.core.domain.Role;
import org.irmer.entitlement.core.port.out.PersonStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link PersonStore}: people and their roles, each versioned with optimistic
 * concurrency; a person's roles sorted by start date then id.
 */
public abstract class PersonStoreContract {

  private PersonStore store;

  /**
   * An empty {@code PersonStore}, sharing nothing with any returned before: a new database schema, a
   * truncated one, or a new object. Called once before each test, on a new test instance.
   */
  protected abstract PersonStore newStore();

  @BeforeEach
  final void createStore() {
    store = newStore();
    checkState(store != null, "newStore() returned null");
  }

  /** Versions and optimistic concurrency of people. */
  @Nested
  class People extends VersionedRecordChecks<Person> {

    @Override
    Person record(String id) {
      return person(id);
    }

    @Override
    Person variant(Person person, int n) {
      return Person.builder().from(person).givenName("Variant " + n).build();
    }

    @Override
    Person withVersion(Person person, long version) {
      return Person.builder().from(person).version(version).build();
    }

    @Override
    long version(Person person) {
      return person.version();
    }

    @Override
    Person save(Person person, long expectedVersion) {
      return store.save(person, expectedVersion);
    }

    @Override
    Optional<Person> find(Person person) {
      return store.find(person.id());
    }

    @Override
    ImmutableList<Person> listing(Person person) {
      return store.all();
    }
  }

  /** Versions and optimistic concurrency of roles. */
  @Nested
  class Roles extends VersionedRecordChecks<Role> {

    @Override
    Role record(String id) {
      return role(id, "P1", "RX1", D0);
    }

    @Override
    Role variant(Role role, int n) {
      return Role.builder().from(role).title("Variant " + n).build();
    }

    @Override
    Role withVersion(Role role, long version) {
      return Role.builder().from(role).version(version).build();
    }

    @Override
    long version(Role role) {
      return role.version();
    }

    @Override
    Role save(Role role, long expectedVersion) {
      return store.saveRole(role, expectedVersion);
    }

    @Override
    Optional<Role> find(Role role) {
      return store.role(role.id());
    }

    @Override
    ImmutableList<Role> listing(Role role) {
      return store.roles(role.person());
    }
  }

  @Test
  void listsAPersonsRolesByStartDateThenId() {
    Role late = store.saveRole(role("R1", "P1", "RX1", D0.plusYears(1)), 0);
    Role earlyB = store.saveRole(role("R3", "P1", "RX2", D0), 0);
    Role earlyA = store.saveRole(role("R2", "P1", "RX1", D0), 0);
    Role earliest = store.saveRole(role("R4", "P1", "RX1", D0.minusYears(2)), 0);
    earlyA = store.saveRole(Role.builder().from(earlyA).level(LevelOfPractice.CONSULTANT).build(), 1);

    assertThat(store.roles(PersonId.of("P1"))).containsExactly(earliest, earlyA, earlyB, late);
  }

  @Test
  void listsOnlyThePersonsOwnRoles() {
    Role own = store.saveRole(role("R2", "P1", "RX1", D0), 0);
    store.saveRole(role("R1", "P2", "RX1", D0), 0);

    assertThat(store.roles(PersonId.of("P1"))).containsExactly(own);
    assertThat(store.roles(PersonId.of("unknown"))).isEmpty();
  }

  @Test
  void keepsPeopleAndRolesApart() {
    Person person = store.save(person("P1"), 0);
    Role role = store.saveRole(role("R1", "P1", "RX1", D0), 0);

    assertThat(role.version()).isEqualTo(1);
    assertThat(store.find(PersonId.of("P1"))).contains(person);
    assertThat(store.all()).containsExactly(person);
  }

  @Test
  void keepsAPersonWithoutRegistrationExactlyAsSaved() {
    Person unregistered = Person.builder().from(person("P1")).registration(Optional.empty()).build();

    Person saved = store.save(unregistered, 0);

    assertThat(saved.registration()).isEmpty();
    assertThat(store.find(PersonId.of("P1"))).contains(saved);
  }

  @Test
  void keepsTheInstantsOfARegistrationToTheMicrosecondDroppingFinerDigits() {
    Person person = person("P1");
    ProfessionalRegistration registration = person.registration().orElseThrow();
    Person finer = Person.builder().from(person)
        .registration(ProfessionalRegistration.builder().from(registration)
            .status(RegistrationStatus.LAPSED)
            .checkedAt(T0.plus(Duration.ofNanos(999)))
            .statusSince(T0.minusSeconds(60).plus(Duration.ofNanos(1)))
            .build())
        .build();
    Person truncated = Person.builder().from(finer)
        .registration(ProfessionalRegistration.builder().from(finer.registration().orElseThrow())
            .checkedAt(T0)
            .statusSince(T0.minusSeconds(60))
            .build())
        .version(1)
        .build();

    Person saved = store.save(finer, 0);

    assertThat(saved).as("the value returned by the save").isEqualTo(truncated);
    assertThat(store.find(PersonId.of("P1"))).contains(truncated);
  }
}
