package org.irmer.entitlement.adapter.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.irmer.entitlement.testkit.contract.ContractFixtures.T0;

import com.google.common.collect.ImmutableSortedMap;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.irmer.entitlement.core.domain.Actor;
import org.irmer.entitlement.core.domain.AuditEvent;
import org.irmer.entitlement.core.domain.AuditTrailEntry;
import org.irmer.entitlement.core.domain.EmployerId;
import org.irmer.entitlement.core.domain.PersonId;
import org.irmer.entitlement.core.domain.ReferralCount;
import org.irmer.entitlement.core.port.out.ReferralActivity;
import org.irmer.entitlement.core.port.out.StoreUnavailableException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A database whose trail was written before {@code referral_request} existed: migration 4.1
 * indexes the referral decisions already recorded, so the activity counted from the index is the
 * activity the trail shows, and decisions appended afterwards are counted with them.
 */
class H2ReferralRequestBackfillTests {

  private static final PersonId P1 = PersonId.of("P1");
  private static final EmployerId RX1 = EmployerId.of("RX1");

  private String url;
  private Connection owner;
  private String previousHash = "0".repeat(64);
  private long sequence;

  @BeforeEach
  void migrateToTheSchemaBeforeTheIndex() throws SQLException {
    url = "jdbc:h2:mem:" + TestDatabases.newSchema() + ";DB_CLOSE_DELAY=-1";
    Map<String, String> substitutions = new HashMap<>(Dialect.H2.substitutions());
    substitutions.put("application_role", JdbcRegister.DEFAULT_APPLICATION_ROLE);
    Flyway.configure(JdbcRegister.class.getClassLoader()).dataSource(url, null, null)
        .locations(Dialect.H2.migrationLocations()).placeholders(substitutions).target("3")
        .loggers("slf4j").load().migrate();
    owner = DriverManager.getConnection(url);
  }

  @AfterEach
  void close() throws SQLException {
    owner.close();
  }

  @Test
  void indexesTheDecisionsAlreadyInTheTrailAndCountsThoseAppendedLater() throws SQLException {
    write(decision("P1", "RX1", T0, "ENTITLED"));
    write(decision("P1", "RX1", T0.plusSeconds(1), "NOT_ENTITLED"));
    write(decision("P2", "RX1", T0.plusSeconds(2), "ENTITLED"));
    write(AuditEvent.builder().from(decision("P1", "RX1", T0, "ACCEPTED"))
        .action("suspend-entitlement").build());
    write(AuditEvent.builder().from(decision("P1", "RX1", T0, "ENTITLED"))
        .actor(Actor.system("P1")).build());
    for (int i = 0; i < 1_500; i++) {
      write(decision("P3", "RX2", T0.plusSeconds(i), "ENTITLED"));
    }

    try (JdbcRegister register = JdbcRegister.on(url).open()) {
      ReferralActivity activity = register.activity();
      assertThat(activity.requests(P1, RX1, T0, T0.plusSeconds(60)))
          .isEqualTo(new ReferralCount(2, 1));
      assertThat(activity.requests(PersonId.of("P3"), EmployerId.of("RX2"), T0,
          T0.plusSeconds(10_000))).isEqualTo(new ReferralCount(1_500, 1_500));

      register.auditTrail().append(decision("P1", "RX1", T0.plusSeconds(5), "ENTITLED"));

      assertThat(activity.requests(P1, RX1, T0, T0.plusSeconds(60)))
          .isEqualTo(new ReferralCount(3, 2));
      assertThat(register.auditTrail().firstBrokenLink()).isEmpty();
    }
  }

  @Test
  void refusesToOpenARegisterWhoseTrailHoldsARecordItCannotRead() throws SQLException {
    write(decision("P1", "RX1", T0, "ENTITLED"));
    try (PreparedStatement spoil =
        owner.prepareStatement("UPDATE audit_trail SET event = '{\"action\": 1}' WHERE sequence = 1")) {
      spoil.executeUpdate();
    }

    assertThatThrownBy(() -> JdbcRegister.on(url).open())
        .isInstanceOf(StoreUnavailableException.class)
        .hasMessageContaining("audit trail record 1 could not be read");
    assertThatThrownBy(() -> JdbcRegister.on(url).open())
        .as("the index is not taken as filled: the next open refuses too, naming the migration")
        .isInstanceOf(StoreUnavailableException.class)
        .hasMessageContaining("failed migration to version 4.1");
  }

  /** Appends {@code event} behind the adapter, as a register before the index wrote it. */
  private void write(AuditEvent event) throws SQLException {
    sequence++;
    String hash = AuditTrailEntry.hashOf(sequence, event, previousHash);
    try (PreparedStatement insert = owner.prepareStatement(
        "INSERT INTO audit_trail (sequence, previous_hash, hash, event) VALUES (?, ?, ?, ?)")) {
      insert.setLong(1, sequence);
      insert.setString(2, previousHash);
      insert.setString(3, hash);
      insert.setString(4, AuditEventJson.write(event));
      insert.executeUpdate();
    }
    try (PreparedStatement head = owner.prepareStatement(
        "UPDATE audit_trail_head SET sequence = ?, hash = ? WHERE id = 1")) {
      head.setLong(1, sequence);
      head.setString(2, hash);
      head.executeUpdate();
    }
    previousHash = hash;
  }

  private static AuditEvent decision(String referrer, String employer, Instant at, String result) {
    return AuditEvent.builder()
        .action(ReferralActivity.CHECK_REFERRAL)
        .actor(Actor.person(PersonId.of(referrer)))
        .at(at)
        .subject("order-" + at.toEpochMilli())
        .result(result)
        .details(ImmutableSortedMap.of("employer", employer))
        .build();
  }
}
