package org.irmer.entitlement.adapter.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.irmer.entitlement.testkit.contract.ContractFixtures.D0;
import static org.irmer.entitlement.testkit.contract.ContractFixtures.application;
import static org.irmer.entitlement.testkit.contract.ContractFixtures.employer;
import static org.irmer.entitlement.testkit.contract.ContractFixtures.notification;
import static org.irmer.entitlement.testkit.contract.ContractFixtures.person;
import static org.irmer.entitlement.testkit.contract.ContractFixtures.training;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.irmer.entitlement.core.domain.ApplicationId;
import org.irmer.entitlement.core.domain.EmployerId;
import org.irmer.entitlement.core.domain.ExaminationCode;
import org.irmer.entitlement.core.domain.PersonId;
import org.irmer.entitlement.core.domain.Regulator;
import org.irmer.entitlement.core.port.out.CorruptRecordException;
import org.irmer.entitlement.core.port.out.StoreUnavailableException;
import org.junit.jupiter.api.Test;

/**
 * What the contract suites cannot provoke portably: every port of the register raises the
 * library's typed exceptions, never a driver's, when the database is gone, and a record edited
 * behind the adapter into something that is no longer a valid value fails to read as corrupt.
 */
class H2StoreFailuresTests {

  @Test
  void raisesStoreUnavailableFromEveryPortOnceTheDatabaseIsGone() {
    JdbcRegister register = TestDatabases.h2().open();
    register.close();
    List<ThrowingCallable> calls = List.of(
        () -> register.employers().find(EmployerId.of("RX1")),
        () -> register.employers().save(employer("RX1"), 0),
        () -> register.people().find(PersonId.of("P1")),
        () -> register.people().roles(PersonId.of("P1")),
        () -> register.delegations().forEmployer(EmployerId.of("RX1")),
        () -> register.applications().history(ApplicationId.of("A1")),
        () -> register.training().add(training("T1", "P1", D0)),
        () -> register.complianceEvents().forReferrer(PersonId.of("P1"), EmployerId.of("RX1")),
        () -> register.auditRecords().forReferrer(PersonId.of("P1"), EmployerId.of("RX1")),
        () -> register.notices().pending(),
        () -> register.agreements().all(),
        () -> register.examinations().find(ExaminationCode.of("XKNEL")),
        () -> register.examinations().regions(),
        () -> register.guidelines().all(),
        () -> register.registrationLookup().lookup(Regulator.GMC, "7012345"),
        () -> register.notifications().send(notification(1)),
        () -> register.transactions().inTransaction(() -> "work"));

    for (ThrowingCallable call : calls) {
      assertThatThrownBy(call).isInstanceOf(StoreUnavailableException.class)
          .hasCauseInstanceOf(SQLException.class);
    }
  }

  @Test
  void readsABodyEditedIntoAnInvalidValueAsCorrupt() throws SQLException {
    String url = "jdbc:h2:mem:" + TestDatabases.newSchema() + ";DB_CLOSE_DELAY=-1";
    try (JdbcRegister register = JdbcRegister.on(url).open();
        Connection owner = DriverManager.getConnection(url)) {
      register.people().save(person("P1"), 0);
      register.applications().save(application("A1", "P1", "RX1"), 0);
      try (Statement edit = owner.createStatement()) {
        edit.executeUpdate("UPDATE person_version SET body = '{\"id\":\"P1\"}'");
        edit.executeUpdate("UPDATE application_version SET body = 'not json'");
      }

      assertThatThrownBy(() -> register.people().find(PersonId.of("P1")))
          .isInstanceOf(CorruptRecordException.class);
      assertThatThrownBy(() -> register.applications().find(ApplicationId.of("A1")))
          .isInstanceOf(CorruptRecordException.class);
      assertThat(register.people().find(PersonId.of("P2"))).isEmpty();
    }
  }
}
