package org.irmer.entitlement.adapter.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.irmer.entitlement.testkit.contract.ContractFixtures.auditEvent;

import com.google.common.collect.ImmutableList;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.irmer.entitlement.core.domain.AuditCheckpoint;
import org.irmer.entitlement.core.domain.AuditEvent;
import org.irmer.entitlement.core.domain.AuditTrailEntry;
import org.irmer.entitlement.core.domain.BrokenLink;
import org.irmer.entitlement.core.domain.CheckpointKey;
import org.irmer.entitlement.core.domain.TrailDefect;
import org.irmer.entitlement.core.domain.TrailVerification;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tampering with the audit trail directly in SQL, as the owner of its tables with the guard trigger
 * switched off for the session ({@code session_replication_role = replica}), is found by
 * verification against the latest checkpoint, read back from the file it was exported to: each
 * test names the first broken link and what is wrong with it.
 */
class PostgresTrailTamperingTests {

  private static final CheckpointKey KEY = CheckpointKey.generateEd25519("tamper-key");
  private static final int RECORDS = 10;

  @TempDir
  Path kept;

  private JdbcRegister register;
  private String schema;
  private ImmutableList<AuditTrailEntry> appended;
  private AuditCheckpoint anchor;

  @BeforeEach
  void appendTenRecordsAndKeepTheirCheckpointInAFile() throws IOException {
    register = TestDatabases.postgres().checkpointKey(KEY).open();
    ImmutableList.Builder<AuditTrailEntry> entries = ImmutableList.builder();
    for (int n = 1; n <= RECORDS; n++) {
      entries.add(register.auditTrail().append(auditEvent(n)));
    }
    appended = entries.build();
    Path file = kept.resolve("checkpoints.txt");
    Files.writeString(file, register.checkpoints().issue().line() + "\n");
    List<String> lines = Files.readAllLines(file);
    anchor = AuditCheckpoint.parse(lines.get(lines.size() - 1));
    schema = ((Database) register.transactions()).call("reading the schema", connection ->
        connection.getSchema());
  }

  @AfterEach
  void close() {
    register.close();
  }

  /** Runs SQL as the owner, with the guard trigger off for the session, as an intruder would. */
  private void tamper(String... statements) throws SQLException {
    try (Connection owner = TestDatabases.postgresOwner(schema);
        Statement statement = owner.createStatement()) {
      statement.execute("SET session_replication_role = replica");
      for (String sql : statements) {
        statement.execute(sql);
      }
    }
  }

  private void write(AuditTrailEntry entry, String sql) throws SQLException {
    try (Connection owner = TestDatabases.postgresOwner(schema);
        Statement replica = owner.createStatement();
        PreparedStatement write = owner.prepareStatement(sql)) {
      replica.execute("SET session_replication_role = replica");
      write.setString(1, entry.previousHash());
      write.setString(2, entry.hash());
      write.setString(3, DomainJson.write(entry.event()));
      write.setLong(4, entry.sequence());
      write.executeUpdate();
    }
  }

  private BrokenLink firstBrokenLink() {
    TrailVerification verification = register.checkpoints().verify(anchor);
    assertThat(verification.intact()).as("verification of the tampered trail").isFalse();
    // An auditor's register on the same database, given only the public key, finds the same.
    try (JdbcRegister auditor = TestDatabases.postgres(schema).checkpointKey(KEY.verifier()).open()) {
      assertThat(auditor.checkpoints().verify(anchor)).isEqualTo(verification);
    }
    return verification.firstBrokenLink().orElseThrow();
  }

  private static AuditEvent forged(AuditEvent event) {
    return AuditEvent.builder().from(event).result("REFUSED").build();
  }

  @Test
  void verifiesTheUntouchedTrail() {
    TrailVerification verification = register.checkpoints().verify(anchor);

    assertThat(verification.intact()).as("%s", verification).isTrue();
    assertThat(verification.checked()).isEqualTo(RECORDS);
  }

  @Test
  void findsARowEdited() throws SQLException {
    tamper("UPDATE audit_trail SET event = CAST(replace(CAST(event AS text), 'ACCEPTED', 'REFUSED')"
        + " AS json) WHERE sequence = 4");

    BrokenLink link = firstBrokenLink();

    assertThat(link.sequence()).isEqualTo(4);
    assertThat(link.defect()).isEqualTo(TrailDefect.CONTENT_ALTERED);
  }

  @Test
  void findsARowOverwrittenWithSomethingThatIsNotAnEvent() throws SQLException {
    tamper("UPDATE audit_trail SET event = CAST('{\"erased\": true}' AS json) WHERE sequence = 6");

    BrokenLink link = firstBrokenLink();

    assertThat(link.sequence()).isEqualTo(6);
    assertThat(link.defect()).isEqualTo(TrailDefect.CONTENT_ALTERED);
    assertThat(link.message()).contains("record 6 cannot be read");
    assertThat(register.auditTrail().firstBrokenLink()).contains(6L);
  }

  @Test
  void findsARowDeleted() throws SQLException {
    tamper("DELETE FROM audit_trail WHERE sequence = 4");

    BrokenLink link = firstBrokenLink();

    assertThat(link.sequence()).isEqualTo(4);
    assertThat(link.defect()).isEqualTo(TrailDefect.SEQUENCE_GAP);
    assertThat(link.message()).contains("after record 3 the trail goes on at record 5");
  }

  @Test
  void findsARowInserted() throws SQLException {
    // Make room at 4 by moving every later record up one, then insert a record chained to 3.
    tamper("UPDATE audit_trail SET sequence = -sequence - 1 WHERE sequence >= 4",
        "UPDATE audit_trail SET sequence = -sequence WHERE sequence < 0");
    AuditTrailEntry inserted = AuditTrailEntry.chain(appended.get(2), forged(auditEvent(99)));
    write(inserted, "INSERT INTO audit_trail (previous_hash, hash, event, sequence)"
        + " VALUES (?, ?, CAST(? AS json), ?)");

    BrokenLink link = firstBrokenLink();

    // The inserted record is consistent in itself; the link after it names the record it displaced.
    assertThat(link.sequence()).isEqualTo(5);
    assertThat(link.defect()).isEqualTo(TrailDefect.CHAIN_BROKEN);
  }

  @Test
  void findsTwoRowsReordered() throws SQLException {
    tamper("UPDATE audit_trail SET sequence = -1 WHERE sequence = 4",
        "UPDATE audit_trail SET sequence = 4 WHERE sequence = 5",
        "UPDATE audit_trail SET sequence = 5 WHERE sequence = -1");

    BrokenLink link = firstBrokenLink();

    assertThat(link.sequence()).isEqualTo(4);
    assertThat(link.defect()).isEqualTo(TrailDefect.CHAIN_BROKEN);
  }

  @Test
  void findsTheTailTruncated() throws SQLException {
    tamper("DELETE FROM audit_trail WHERE sequence > 7",
        "UPDATE audit_trail_head SET sequence = 7, hash = '" + appended.get(6).hash() + "'");

    BrokenLink link = firstBrokenLink();

    // The chain that is left is intact: only the checkpoint shows that records are gone.
    assertThat(register.auditTrail().firstBrokenLink()).isEmpty();
    assertThat(link.sequence()).isEqualTo(8);
    assertThat(link.defect()).isEqualTo(TrailDefect.MISSING_RECORDS);
  }

  @Test
  void findsATailReChainedWithCorrectHashes() throws SQLException {
    AuditTrailEntry previous = appended.get(4);
    for (int i = 5; i < RECORDS; i++) {
      AuditTrailEntry original = appended.get(i);
      AuditTrailEntry rechained = AuditTrailEntry.chain(previous,
          i == 5 ? forged(original.event()) : original.event());
      write(rechained, "UPDATE audit_trail SET previous_hash = ?, hash = ?, event = CAST(? AS json)"
          + " WHERE sequence = ?");
      previous = rechained;
    }

    BrokenLink link = firstBrokenLink();

    // Every link of the forged chain holds: only the checkpoint, kept outside, shows the forgery.
    assertThat(register.auditTrail().firstBrokenLink()).isEmpty();
    assertThat(link.sequence()).isEqualTo(RECORDS);
    assertThat(link.defect()).isEqualTo(TrailDefect.CHECKPOINT_MISMATCH);
  }
}
