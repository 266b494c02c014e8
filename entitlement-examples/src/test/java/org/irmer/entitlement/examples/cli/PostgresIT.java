package org.irmer.entitlement.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.irmer.entitlement.testkit.postgres.TestPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tool on PostgreSQL ({@code --db jdbc:postgresql://...}), as separate processes: the sample
 * trust imported, checked, an entitlement suspended and then refused, the trail verified, read
 * back with show and list; a bad import changes nothing there either. The server is the testkit's
 * {@link TestPostgres}: embedded unless {@code ENTITLEMENT_TEST_PG_URL} names one; when it cannot
 * start, this test fails.
 */
class PostgresIT {

  private final TestPostgres server = TestPostgres.server();
  private final String schema = "cli_it_" + ProcessHandle.current().pid();

  @TempDir
  Path work;

  /** Drops the test's schema, so that a server named by the environment is left as it was. */
  @AfterEach
  void dropTheSchema() throws SQLException {
    try (Connection connection = DriverManager.getConnection(server.url(), server.user(),
            server.password());
        Statement statement = connection.createStatement()) {
      statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
    }
  }

  @Test
  void theSampleTrustOnPostgresIsImportedCheckedSuspendedVerifiedAndRead() throws SQLException {
    Register register = Register.onDatabase(work, server.url(), server.user(), server.password(),
        schema);
    Path sampleTrust = SampleTrustFiles.writeTo(work.resolve("sample-trust"));

    assertThat(register.run("import", sampleTrust.toString(), "--at", "2026-01-05T09:00:00Z")
        .expect(0).out()).startsWith("Imported ").contains("audit record #1");
    Register.State imported = register.state();
    assertThat(register.run("import", sampleTrust.toString()).expect(65).err())
        .contains("nothing was imported");
    assertThat(register.state()).isEqualTo(imported);

    assertThat(register.run(ankle("2026-12-01T10:00:00Z")).expect(0).out())
        .startsWith("ENTITLED").contains("ENT-HV-1001-1");
    assertThat(register.run(Stories.checkKnee("2026-12-01T10:05:00Z")).expect(1).out())
        .startsWith("NOT_ENTITLED").contains("OUT_OF_SCOPE_EXAMINATION");
    assertThat(register.run("suspend", "ENT-HV-1001-1", "--as", "HV-0001", "--cause",
        "incident under review", "--at", "2026-12-01T10:15:00Z").expect(0).out())
        .contains("suspend: accepted").contains("ENT-HV-1001-1 SUSPENDED v2");
    assertThat(register.run(ankle("2026-12-01T10:30:00Z")).expect(1).out())
        .startsWith("NOT_ENTITLED");

    Tool.Result verified = register.run("verify-trail", "--json").expect(0);
    Schemas.assertValid("verify-trail.schema.json", verified.out());
    JsonNode trail = Register.json(verified.out());
    assertThat(trail.get("intact").asBoolean()).isTrue();
    assertThat(trail.get("size").asLong()).isEqualTo(rows("audit_trail"))
        .isGreaterThan(imported.trailSize());
    assertThat(register.run("show", "HV-1001").expect(0).out())
        .startsWith("Aisha Okafor (HV-1001)").contains("ENT-HV-1001-1 SUSPENDED v2");
    Tool.Result suspended = register.run("list", "entitlements", "--status", "SUSPENDED", "--json")
        .expect(0);
    Schemas.assertValid("list.schema.json", suspended.out());
    assertThat(Register.json(suspended.out()).get("entitlements").findValuesAsText("id"))
        .contains("ENT-HV-1001-1");
    assertThat(Files.exists(work.resolve("entitlement-data/register.mv.db")))
        .as("no embedded database beside PostgreSQL").isFalse();
  }

  private static String[] ankle(String at) {
    return new String[] {"check", "--referrer", "HV-1001", "--exam", "XANKR", "--setting",
        "ED@HV-GENERAL", "--birth-date", "1980-06-15", "--sex", "MALE", "--pregnancy",
        "NOT_PREGNANT", "--info", "CLINICAL_QUESTION", "--at", at};
  }

  /** The rows of {@code table} in {@code schema}, counted behind the tool's back. */
  private long rows(String table) throws SQLException {
    try (Connection connection = DriverManager.getConnection(server.url(), server.user(),
            server.password());
        Statement statement = connection.createStatement();
        ResultSet count = statement.executeQuery(
            "SELECT count(*) FROM " + schema + "." + table)) {
      count.next();
      return count.getLong(1);
    }
  }
}
