package org.irmer.entitlement.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** show, list and history: the register read in plain English and as JSON to their schemas. */
class ReadIT {

  @TempDir
  static Path template;

  static Register register;

  @BeforeAll
  static void approveAnApplicationOnTheSampleTrust(@TempDir Path work) {
    Register.template(Register.sampleTrust(), template, Stories.APPLY, Stories.APPROVE);
    register = Register.copyOf(template, work);
  }

  @Test
  void showPutsEachScopeInPlainEnglishWithTrainingDueDates() {
    Tool.Result shown = register.run("show", "HV-1001").expect(0);

    assertThat(shown.out()).startsWith("Aisha Okafor (HV-1001), nurse")
        .contains("registration: NMC ")
        .contains("ENT-HV-1001-1 ACTIVE v1, valid 2025-05-01 to 2028-04-30")
        .contains("limbs: plain radiography of the lower limb and the upper limb, except the elbow,"
            + " the femur and the knee, for patients aged 2 and over, in the emergency department at"
            + " HV-GENERAL or the minor injuries unit at HV-COMMUNITY")
        .contains("knee: plain radiography of the knee, for patients aged 16 and over, in the emergency"
            + " department at HV-GENERAL")
        .contains("IRMER_REFERRER, completed 2025-02-10, due again by 2028-02-09")
        .contains("APP-IT-1 APPROVED v3, granted E-APP-IT-1");
    Tool.Result json = register.run("show", "HV-1001", "--json").expect(0);
    Schemas.assertValid("show.schema.json", json.out());
    assertThat(Register.json(json.out()).get("entitlements")).hasSize(2);
  }

  @Test
  void listsAreFilteredByEmployerStatusAndProfession() {
    Tool.Result paramedics = register.run("list", "referrers", "--profession", "PARAMEDIC").expect(0);
    assertThat(paramedics.out()).contains("HV-1003").contains("KM-2004").doesNotContain("HV-1001");

    Tool.Result suspended = register.run("list", "entitlements", "--status", "SUSPENDED", "--json").expect(0);
    Schemas.assertValid("list.schema.json", suspended.out());
    JsonNode entitlements = Register.json(suspended.out()).get("entitlements");
    assertThat(entitlements).isNotEmpty();
    entitlements.forEach(e -> assertThat(e.get("status").asText()).isEqualTo("SUSPENDED"));

    Tool.Result atKestrel = register.run("list", "referrers", "--employer", "RKM", "--json").expect(0);
    Schemas.assertValid("list.schema.json", atKestrel.out());
    Register.json(atKestrel.out()).get("referrers")
        .forEach(r -> assertThat(r.get("id").asText()).startsWith("KM-"));

    Tool.Result applications = register.run("list", "applications", "--status", "APPROVED", "--json").expect(0);
    Schemas.assertValid("list.schema.json", applications.out());
    assertThat(Register.json(applications.out()).get("applications").get(0).get("id").asText())
        .isEqualTo("APP-IT-1");
  }

  @Test
  void historyGivesEveryVersionWithItsAuditRecords() {
    Tool.Result history = register.run("history", "E-APP-IT-1", "--json").expect(0);

    Schemas.assertValid("history.schema.json", history.out());
    JsonNode document = Register.json(history.out());
    assertThat(document.get("versions")).hasSize(1);
    assertThat(document.get("audit").toString()).contains("submit-application", "approve-application");
  }

  @Test
  void unknownNamesExit67AndBadArgumentsExit64AndChangeNothing() {
    register.assertChangesNothing(() -> {
      assertThat(register.run("show", "HV-9999").expect(67).err()).contains("no person HV-9999");
      assertThat(register.run("history", "ENT-NOPE").expect(67).err())
          .contains("no entitlement ENT-NOPE");
      assertThat(register.run("list", "things").expect(64).err()).contains("things");
      assertThat(register.run("list", "entitlements", "--status", "ASLEEP").expect(64).err())
          .contains("--status ASLEEP", "SUSPENDED");
      assertThat(register.run("list", "referrers", "--status", "ACTIVE").expect(64).err())
          .contains("REGISTERED");
      assertThat(register.run("list", "entitlements", "--employer").expect(64).err())
          .contains("--employer");
      assertThat(register.run("history").expect(64).err()).contains("<entitlement>");
    });
  }
}
