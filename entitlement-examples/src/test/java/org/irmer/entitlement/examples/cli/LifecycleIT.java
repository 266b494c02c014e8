package org.irmer.entitlement.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The lifecycle commands as separate processes: an accepted command prints what changed and exits
 * 0, a refused one every reason and exits 1; names the register does not know exit 67 and record
 * nothing.
 */
class LifecycleIT {

  static final Path TEMPLATE = Register.sampleTrust();

  @TempDir
  Path work;

  Register register;

  @BeforeEach
  void copy() {
    register = Register.copyOf(TEMPLATE, work);
  }

  private JsonNode result(Tool.Result result) {
    Schemas.assertValid("command-result.schema.json", result.out());
    return Register.json(result.out());
  }

  @Test
  void anApprovedApplicationEntitlesAndASuspensionRefusesAtOnce() {
    register.run(Stories.checkKnee("2026-12-01T09:45:00Z")).expect(1);
    JsonNode applied = result(register.run(append(Stories.APPLY, "--json")).expect(0));
    assertThat(applied.get("changed").get(0).get("state").asText()).isEqualTo("SUBMITTED v1");

    JsonNode approved = result(register.run(append(Stories.APPROVE, "--json")).expect(0));
    assertThat(approved.get("changed").get(0).get("id").asText()).isEqualTo("E-APP-IT-1");
    assertThat(approved.get("changed").get(0).get("state").asText()).isEqualTo("ACTIVE v1");
    assertThat(register.run(Stories.checkKnee("2026-12-01T10:00:00Z")).expect(0).out())
        .contains("rule knee of entitlement E-APP-IT-1");
    String listed = register.run("list", "applications", "--employer", "RHV", "--json").expect(0)
        .out();
    Schemas.assertValid("list.schema.json", listed);
    assertThat(Register.json(listed).get("applications").findValue("times").toString())
        .contains("\"decidedOn\":\"2026-12-01\"").contains("\"workingDays\":0")
        .contains("\"withinTargets\":true");
    assertThat(register.run("list", "applications", "--employer", "RHV").expect(0).out())
        .contains("decided 2026-12-01: 0 working days (target 10), 0 in all (target 28)");

    Tool.Result suspended = register.run("suspend", "E-APP-IT-1", "--as", "HV-0001", "--cause",
        "incident under review", "--at", "2026-12-01T10:15:00Z").expect(0);
    assertThat(suspended.out()).contains("suspend: accepted")
        .contains("E-APP-IT-1 SUSPENDED v2").contains("incident under review");
    assertThat(register.run(Stories.checkKnee("2026-12-01T10:30:00Z")).expect(1).out())
        .startsWith("NOT_ENTITLED").doesNotContain("rule knee");

    result(register.run("reinstate", "E-APP-IT-1", "--as", "HV-0001", "--at",
        "2026-12-01T11:00:00Z", "--json").expect(0));
    result(register.run("revoke", "E-APP-IT-1", "--as", "HV-0001", "--cause", "left the service",
        "--at", "2026-12-01T11:30:00Z", "--json").expect(0));
    assertThat(register.run("history", "E-APP-IT-1").expect(0).out())
        .contains("v4 recorded 2026-12-01T11:30:00Z: E-APP-IT-1 REVOKED v4")
        .contains("submit-application by HV-1001").contains("approve-application by HV-0001")
        .contains("suspend-entitlement by HV-0001").contains("revoke-entitlement by HV-0001");
  }

  @Test
  void aRefusedCommandPrintsEveryReasonExitsOneAndIsAudited() {
    register.run(Stories.APPLY).expect(0);
    long before = register.state().trailSize();

    Tool.Result ownApproval = register.run("approve", "APP-IT-1", "--as", "HV-1001", "--at",
        "2026-12-01T09:30:00Z");

    ownApproval.expect(1);
    assertThat(ownApproval.out()).contains("start-review: refused").contains("- NOT_A_CURRENT_DELEGATE: ");
    assertThat(register.state().trailSize()).isEqualTo(before + 1);
    JsonNode refused = result(register.run("refuse", "APP-IT-1", "--as", "HV-1002", "--cause", "no",
        "--at", "2026-12-01T09:30:00Z", "--json").expect(1));
    assertThat(refused.get("accepted").asBoolean()).isFalse();
    assertThat(refused.get("refusals").get(0).get("code").asText()).isNotEmpty();
  }

  @Test
  void trainingRegistrationAuditFeedbackAndNoticesAreRecorded() {
    result(register.run("record-training", "--as", "HV-0001", "--person", "HV-1003", "--type",
        "IRMER_REFERRER", "--completed", "2026-11-25", "--expires", "2029-11-24", "--evidence",
        "e-learning certificate", "--at", "2026-12-01T09:00:00Z", "--json").expect(0));
    assertThat(register.run("check", "--referrer", "HV-1003", "--exam", "XWRIL", "--setting",
        "MIU@HV-COMMUNITY", "--birth-date", "1980-06-15", "--info", "CLINICAL_QUESTION", "--at",
        "2026-12-01T10:00:00Z").expect(0).out()).doesNotContain("TRAINING_EXPIRED_IN_GRACE");

    result(register.run("record-registration", "--as", "HV-0001", "--person", "HV-1002", "--status",
        "SUSPENDED", "--effective", "2026-12-01T08:00:00Z", "--cause", "HCPC letter",
        "--at", "2026-12-01T09:00:00Z", "--json").expect(0));
    assertThat(register.run("check", "--referrer", "HV-1002", "--exam", "XKNEL", "--setting",
        "MSK_OUTPATIENT@HV-GENERAL", "--birth-date", "1980-06-15", "--info", "CLINICAL_QUESTION",
        "--at", "2026-12-01T10:00:00Z").expect(1).out()).contains("REGISTRATION_NOT_CURRENT");

    result(register.run("record-audit", "--as", "HV-0001", "--referrer", "HV-1001", "--from",
        "2026-06-01", "--to", "2026-11-30", "--sample", "20", "--criterion", "justified=true",
        "--outcome", "PASS", "--next-due", "2027-12-01", "--at", "2026-12-01T09:00:00Z", "--json")
        .expect(0));
    // Without --next-due the next audit falls due the procedures' interval (two years at RHV)
    // after the review (principle 10).
    assertThat(result(register.run("record-audit", "--as", "HV-0001", "--referrer", "HV-1004",
        "--from", "2026-06-01", "--to", "2026-11-30", "--sample", "20", "--outcome", "PASS",
        "--reviewed-on", "2026-12-01", "--at", "2026-12-01T09:00:00Z", "--json").expect(0))
        .toString()).contains("2028-12-01");
    JsonNode feedback = result(register.run("record-feedback", "--as", "HV-0001", "--referrer",
        "HV-1001", "--order", "ORD-77", "--description", "Ottawa rules not met", "--at",
        "2026-12-01T09:00:00Z", "--json").expect(0));
    assertThat(feedback.get("changed").get(0).get("description").asText()).contains("NOT_JUSTIFIED");
    result(register.run("notify-change", "leaving", "--as", "HV-1003", "--referrer", "HV-1003",
        "--last-day", "2026-12-31", "--at", "2026-12-01T09:00:00Z", "--json").expect(0));
    assertThat(register.run("show", "HV-1003").expect(0).out()).contains("valid 2025-05-01 to 2026-12-31")
        .contains("ENT-HV-1003-1 ACTIVE v2");
  }

  @Test
  void unknownNamesAndMalformedArgumentsAreRefusedAndChangeNothing() {
    register.assertChangesNothing(() -> {
      assertThat(register.run("suspend", "ENT-NOPE", "--as", "HV-0001").expect(67).err())
          .contains("no entitlement ENT-NOPE");
      assertThat(register.run("approve", "APP-NOPE", "--as", "HV-0001").expect(67).err())
          .contains("no application APP-NOPE");
      assertThat(register.run("suspend", "ENT-HV-1001-1", "--as", "HV-9999").expect(67).err())
          .contains("--as HV-9999");
      assertThat(register.run("record-feedback", "--as", "HV-0001", "--referrer", "XX-1",
          "--description", "x").expect(67).err()).contains("--referrer XX-1");
      assertThat(register.run("suspend", "ENT-HV-1001-1", "--as", "HV-0001", "--at", "yesterday")
          .expect(64).err()).contains("--at").contains("'yesterday' is not an instant");
      assertThat(register.run("suspend", "ENT-HV-1001-1").expect(64).err()).contains("--as");
      assertThat(register.run("apply", "--as", "HV-1001", "--referrer", "HV-1001", "--modality",
          "XRAY").expect(64).err()).contains("--modality").contains("XRAY");
      assertThat(register.run("apply", "--as", "HV-1001", "--referrer", "HV-1001", "--modality",
          "CT", "--include", "HEAD", "--min-age", "40", "--max-age", "20").expect(64).err())
          .contains("minAge 40 is above maxAge 20");
    });
  }

  static String[] append(String[] args, String... more) {
    String[] all = new String[args.length + more.length];
    System.arraycopy(args, 0, all, 0, args.length);
    System.arraycopy(more, 0, all, args.length, more.length);
    return all;
  }
}
