package org.irmer.entitlement.adapter.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.irmer.entitlement.testkit.contract.ContractFixtures.D0;
import static org.irmer.entitlement.testkit.contract.ContractFixtures.agreement;
import static org.irmer.entitlement.testkit.contract.ContractFixtures.delegation;
import static org.irmer.entitlement.testkit.contract.ContractFixtures.employer;
import static org.irmer.entitlement.testkit.contract.ContractFixtures.person;
import static org.irmer.entitlement.testkit.contract.ContractFixtures.role;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.ToLongFunction;
import org.irmer.entitlement.core.domain.Delegation;
import org.irmer.entitlement.core.domain.Employer;
import org.irmer.entitlement.core.domain.Person;
import org.irmer.entitlement.core.domain.Role;
import org.irmer.entitlement.core.domain.SharedResponsibilityAgreement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every version is kept (issue 8, exact history) also for the records whose port reads only the
 * latest: employers, people with their registrations, roles, delegations and agreements. Read
 * behind the adapter, each version is a row of its own, as it was saved.
 */
class H2HistoryKeptTests {

  private String url;
  private JdbcRegister register;
  private Connection owner;

  @BeforeEach
  void open() throws SQLException {
    url = "jdbc:h2:mem:" + TestDatabases.newSchema() + ";DB_CLOSE_DELAY=-1";
    register = JdbcRegister.on(url).open();
    owner = DriverManager.getConnection(url);
  }

  @AfterEach
  void close() throws SQLException {
    owner.close();
    register.close();
  }

  @Test
  void keepsEveryVersionOfAnEmployer() throws SQLException {
    assertEveryVersionKept("employer", Employer.class, employer("RX1"), Employer::version,
        (employer, n) -> Employer.builder().from(employer).name("Renamed " + n).build(),
        (employer, expected) -> register.employers().save(employer, expected));
  }

  @Test
  void keepsEveryVersionOfAPersonWithTheRegistrationItNamed() throws SQLException {
    assertEveryVersionKept("person", Person.class, person("P1"), Person::version,
        (person, n) -> Person.builder().from(person).familyName("Renamed " + n).build(),
        (person, expected) -> register.people().save(person, expected));
  }

  @Test
  void keepsEveryVersionOfARole() throws SQLException {
    assertEveryVersionKept("role", Role.class, role("R1", "P1", "RX1", D0), Role::version,
        (role, n) -> Role.builder().from(role).title("Title " + n).build(),
        (role, expected) -> register.people().saveRole(role, expected));
  }

  @Test
  void keepsEveryVersionOfADelegation() throws SQLException {
    assertEveryVersionKept("delegation", Delegation.class, delegation("D1", "RX1"),
        Delegation::version,
        (delegation, n) -> Delegation.builder().from(delegation).validFrom(D0.plusDays(n)).build(),
        (delegation, expected) -> register.delegations().save(delegation, expected));
  }

  @Test
  void keepsEveryVersionOfAnAgreement() throws SQLException {
    assertEveryVersionKept("agreement", SharedResponsibilityAgreement.class,
        agreement("AG1", "RX1", "RX2"), SharedResponsibilityAgreement::version,
        (agreement, n) -> SharedResponsibilityAgreement.builder().from(agreement)
            .validFrom(D0.plusDays(n)).build(),
        (agreement, expected) -> register.agreements().save(agreement, expected));
  }

  /** Saves three versions of {@code first} and reads every row of {@code <kind>_version} back. */
  private <T> void assertEveryVersionKept(String kind, Class<T> type, T first,
      ToLongFunction<T> version, BiFunction<T, Integer, T> change, BiFunction<T, Long, T> save)
      throws SQLException {
    List<T> saved = new ArrayList<>();
    T latest = save.apply(first, 0L);
    saved.add(latest);
    for (int n = 1; n <= 2; n++) {
      latest = save.apply(change.apply(latest, n), version.applyAsLong(latest));
      saved.add(latest);
    }

    assertThat(rows(kind, type)).as("every version of the %s, as saved", kind)
        .containsExactlyElementsOf(saved);
  }

  private <T> List<T> rows(String kind, Class<T> type) throws SQLException {
    List<T> rows = new ArrayList<>();
    try (PreparedStatement select =
            owner.prepareStatement("SELECT body FROM " + kind + "_version ORDER BY version");
        ResultSet found = select.executeQuery()) {
      while (found.next()) {
        rows.add(DomainJson.read(found.getString(1), type));
      }
    }
    return rows;
  }
}
