package org.irmer.entitlement.adapter.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.irmer.entitlement.testkit.contract.ContractFixtures.auditEvent;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.irmer.entitlement.core.domain.CheckpointKey;
import org.irmer.entitlement.core.port.out.StoreUnavailableException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * On PostgreSQL the database itself keeps the audit trail, its checkpoints and the referral
 * requests indexed from it append-only: the register's sessions run as the application role, which
 * may insert and select there but not update, delete or truncate; and a trigger refuses those to
 * everyone, the tables' owner included.
 */
class PostgresTrailGuardTests {

  private static final CheckpointKey KEY = CheckpointKey.generateEd25519("guard-key");

  private JdbcRegister register;
  private String schema;

  @BeforeEach
  void open() {
    register = TestDatabases.postgres().checkpointKey(KEY).open();
    register.auditTrail().append(auditEvent(1));
    register.auditTrail().append(auditEvent(2));
    register.checkpoints().issue();
    schema = asApplication("SELECT current_schema()");
  }

  @AfterEach
  void close() {
    register.close();
  }

  private String asApplication(String query) {
    return ((Database) register.transactions()).call("a test query", connection -> {
      try (Statement statement = connection.createStatement();
          ResultSet row = statement.executeQuery(query)) {
        row.next();
        return row.getString(1);
      }
    });
  }

  private void changeAsApplication(String sql) {
    ((Database) register.transactions()).call("a test change", connection -> {
      try (Statement statement = connection.createStatement()) {
        return statement.executeUpdate(sql);
      }
    });
  }

  @Test
  void runsTheRegistersSessionsAsTheApplicationRole() {
    assertThat(asApplication("SELECT current_user")).isEqualTo(JdbcRegister.DEFAULT_APPLICATION_ROLE);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "UPDATE audit_trail SET hash = previous_hash WHERE sequence = 2",
      "DELETE FROM audit_trail WHERE sequence = 2",
      "TRUNCATE audit_trail",
      "UPDATE audit_checkpoint SET sequence = 1",
      "DELETE FROM audit_checkpoint",
      "TRUNCATE audit_checkpoint",
      "UPDATE referral_request SET entitled = NOT entitled",
      "DELETE FROM referral_request",
      "TRUNCATE referral_request"})
  void theApplicationRoleMayNotAlterTheTrailItsCheckpointsOrItsIndex(String change) {
    assertThatThrownBy(() -> changeAsApplication(change))
        .isInstanceOf(StoreUnavailableException.class)
        .hasMessageContaining("42501")
        .hasMessageContaining("permission denied");

    assertThat(register.auditTrail().firstBrokenLink()).isEmpty();
    assertThat(register.auditTrail().size()).isEqualTo(2);
    assertThat(register.checkpoints().issued()).hasSize(1);
  }

  @Test
  void theApplicationRoleMayStillChangeTheRegistersOtherTables() {
    changeAsApplication("UPDATE audit_trail_head SET hash = hash");
    changeAsApplication("DELETE FROM entitlement_head WHERE id = 'none'");
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "UPDATE audit_trail SET hash = previous_hash WHERE sequence = 2",
      "DELETE FROM audit_trail WHERE sequence = 2",
      "TRUNCATE audit_trail",
      "UPDATE audit_checkpoint SET sequence = 1",
      "DELETE FROM audit_checkpoint",
      "TRUNCATE audit_checkpoint",
      "UPDATE referral_request SET entitled = NOT entitled",
      "DELETE FROM referral_request",
      "TRUNCATE referral_request"})
  void theTriggerRefusesTheOwnerToo(String change) throws SQLException {
    try (Connection owner = TestDatabases.postgresOwner(schema);
        Statement statement = owner.createStatement()) {
      assertThatThrownBy(() -> statement.executeUpdate(change))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("the audit trail is append-only");
    }

    assertThat(register.auditTrail().firstBrokenLink()).isEmpty();
    assertThat(register.auditTrail().size()).isEqualTo(2);
    assertThat(register.checkpoints().issued()).hasSize(1);
  }
}
