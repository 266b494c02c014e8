package org.irmer.entitlement.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The compliance sweep, its dry run, and the audit trail's verification and checkpoints. */
class TrailIT {

  static final String SWEPT = "2026-12-01T11:00:00Z";

  static final Path TEMPLATE = Register.sampleTrust();

  @TempDir
  Path work;

  Register register;

  @BeforeEach
  void copy() {
    register = Register.copyOf(TEMPLATE, work);
  }

  @Test
  void aDryRunReportsWhatTheSweepDoesAndChangesNothing() {
    Register.State before = register.state();

    JsonNode dryRun = sweep(register.run("sweep", "--dry-run", "--at", SWEPT, "--json").expect(0));

    assertThat(register.state()).isEqualTo(before);
    assertThat(dryRun.get("dryRun").asBoolean()).isTrue();
    assertThat(dryRun.get("suspended").toString()).contains("ENT-HV-1013-1", "ENT-HV-1014-1");
    assertThat(dryRun.get("registrationChanges").toString()).contains("HV-1013 REGISTERED -> LAPSED (LOOKUP)");
    JsonNode swept = sweep(register.run("sweep", "--at", SWEPT, "--json").expect(0));
    assertThat(swept.get("suspended")).isEqualTo(dryRun.get("suspended"));
    assertThat(swept.get("flagged")).isEqualTo(dryRun.get("flagged"));
    assertThat(register.state()).isNotEqualTo(before);
    assertThat(register.run("show", "HV-1013").expect(0).out()).contains("ENT-HV-1013-1 SUSPENDED");
  }

  @Test
  void badArgumentsToTheSweepTheTrailAndTheExportAreRefusedAndChangeNothing() throws IOException {
    Path aFile = Files.writeString(work.resolve("a-file"), "not a directory");

    register.assertChangesNothing(() -> {
      assertThat(register.run("sweep", "--at", "tomorrow").expect(64).err()).contains("--at")
          .contains("'tomorrow' is not an instant");
      assertThat(register.run("sweep", "--dry").expect(64).err()).contains("--dry-run");
      assertThat(register.run("verify-trail", "--anker", "x").expect(64).err())
          .contains("--anchor");
      assertThat(register.run("checkpoint", "extra").expect(64).err()).contains("extra");
      assertThat(register.run("export", aFile.toString()).expect(73).err()).contains("a-file");
      assertThat(register.run("export", work.resolve("out").toString(), "--format", "XML")
          .expect(64).err()).contains("--format").contains("XML");
    });
  }

  private static JsonNode sweep(Tool.Result result) {
    Schemas.assertValid("sweep.schema.json", result.out());
    return Register.json(result.out());
  }

  @Test
  void anIntactTrailExitsZeroWithItsSizeAndHeadAndIsAnchoredByACheckpoint() {
    Tool.Result checkpoint = register.run("checkpoint", "--json").expect(0);
    Schemas.assertValid("checkpoint.schema.json", checkpoint.out());
    JsonNode issued = Register.json(checkpoint.out());

    Tool.Result verified = register.run("verify-trail", "--json").expect(0);

    Schemas.assertValid("verify-trail.schema.json", verified.out());
    JsonNode trail = Register.json(verified.out());
    assertThat(trail.get("intact").asBoolean()).isTrue();
    assertThat(trail.get("size").asLong()).isEqualTo(issued.get("sequence").asLong()).isPositive();
    assertThat(trail.get("headHash").asText()).isEqualTo(issued.get("headHash").asText());
    assertThat(trail.get("anchor").get("sequence").asLong()).isEqualTo(issued.get("sequence").asLong());
    assertThat(work.resolve("entitlement-data/checkpoints.txt")).content()
        .startsWith(issued.get("line").asText());
  }

  @Test
  void aChangedRecordBreaksTheTrailAndIsNamed() throws SQLException {
    register.run(Stories.checkKnee("2026-12-01T10:00:00Z")).expect(1);
    sql("UPDATE audit_trail SET event = REPLACE(event, 'XKNER', 'XANKR') WHERE sequence = 2");

    Tool.Result broken = register.run("verify-trail", "--no-anchor").expect(1);

    assertThat(broken.out()).contains("BROKEN at record 2: CONTENT_ALTERED");
  }

  @Test
  void aTruncatedTailIsFoundAgainstTheCheckpoint() throws SQLException {
    register.run(Stories.checkKnee("2026-12-01T10:00:00Z")).expect(1);
    register.run("checkpoint").expect(0);
    sql("DELETE FROM audit_trail WHERE sequence = 2");
    sql("UPDATE audit_trail_head SET sequence = 1, hash = (SELECT hash FROM audit_trail WHERE sequence = 1)");

    assertThat(register.run("verify-trail", "--no-anchor").expect(0).out()).contains("intact: 1 records");
    JsonNode broken = Register.json(register.run("verify-trail", "--json").expect(1).out());
    assertThat(broken.get("firstBrokenLink").get("defect").asText()).isEqualTo("MISSING_RECORDS");
  }

  private void sql(String statement) throws SQLException {
    Path database = work.resolve("entitlement-data/register").toAbsolutePath();
    assertThat(Files.exists(Path.of(database + ".mv.db"))).isTrue();
    try (Connection connection = DriverManager.getConnection("jdbc:h2:file:" + database, "", "");
        Statement update = connection.createStatement()) {
      assertThat(update.executeUpdate(statement)).isPositive();
    }
  }
}
