package org.irmer.entitlement.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code entitlement check}: every outcome is its exit code, explained, and as JSON to its schema. */
class CheckIT {

  static final String CHECKED = "2026-12-01T10:00:00Z";

  static final Path TEMPLATE = Register.sampleTrust();

  @TempDir
  Path work;

  Register register;

  @BeforeEach
  void copy() {
    register = Register.copyOf(TEMPLATE, work);
  }

  private Tool.Result check(String... more) {
    String[] base = {"check", "--referrer", "HV-1001", "--setting", "ED@HV-GENERAL", "--info",
        "CLINICAL_QUESTION", "--sex", "MALE", "--pregnancy", "NOT_PREGNANT", "--at", CHECKED};
    String[] args = new String[base.length + more.length];
    System.arraycopy(base, 0, args, 0, base.length);
    System.arraycopy(more, 0, args, base.length, more.length);
    return register.run(args);
  }

  @Test
  void anEntitledCheckExitsZeroNamingItsRule() {
    Tool.Result result = check("--exam", "XANKR", "--birth-date", "1980-06-15").expect(0);

    assertThat(result.out()).startsWith("ENTITLED: Aisha Okafor (HV-1001) asks for X-ray ankle right"
        + " (XANKR) in the emergency department at HV-GENERAL")
        .contains("basis: INDIVIDUAL_ENTITLEMENT, rule limbs of entitlement ENT-HV-1001-1 v1");
  }

  @Test
  void aRefusedCheckExitsOneWithEveryReason() {
    Tool.Result result = register.run("check", "--referrer", "HV-1001", "--setting",
        "WARD@HV-GENERAL", "--exam", "XKNER", "--birth-date", "1980-06-15", "--info",
        "CLINICAL_QUESTION", "--at", CHECKED).expect(1);

    assertThat(result.out()).startsWith("NOT_ENTITLED")
        .contains("- OUT_OF_SCOPE_EXAMINATION: The scope does not cover X-ray knee right")
        .contains("- OUT_OF_SCOPE_SETTING: The scope does not cover requests from WARD@HV-GENERAL");
  }

  @Test
  void aCheckMissingWhatTheProceduresNeedExitsTwo() {
    Tool.Result result = register.run("check", "--referrer", "KM-2003", "--exam", "XLSPI",
        "--birth-date", "1996-03-02", "--sex", "FEMALE", "--info", "CLINICAL_QUESTION", "--at", CHECKED)
        .expect(2);

    assertThat(result.out()).startsWith("INSUFFICIENT_INFORMATION").contains("MISSING_PREGNANCY_STATUS");
  }

  @Test
  void anUnknownExaminationIsIndeterminateAndExitsTwo() {
    assertThat(check("--exam", "XZZZZ", "--birth-date", "1980-06-15").expect(2).out())
        .startsWith("INDETERMINATE").contains("UNKNOWN_EXAMINATION");
  }

  @Test
  void everyOutcomeAsJsonKeepsToTheDecisionSchema() {
    for (String[] args : new String[][] {{"--exam", "XANKR", "--birth-date", "1980-06-15"},
        {"--exam", "XKNER", "--birth-date", "1980-06-15"}, {"--exam", "XZZZZ"},
        {"--exam", "XLSPI", "--birth-date", "1980-06-15", "--indication", "SIMPLE_MECHANICAL_BACK_PAIN"}}) {
      String[] withJson = new String[args.length + 1];
      System.arraycopy(args, 0, withJson, 0, args.length);
      withJson[args.length] = "--json";
      Tool.Result result = check(withJson);

      Schemas.assertValid("decision.schema.json", result.out());
      JsonNode decision = Register.json(result.out());
      assertThat(result.exit()).isEqualTo(switch (decision.get("outcome").asText()) {
        case "ENTITLED" -> 0;
        case "NOT_ENTITLED" -> 1;
        default -> 2;
      });
    }
  }

  @Test
  void aRequestFileIsCheckedLikeTheOptions() throws IOException {
    Path file = Files.writeString(work.resolve("request.json"), """
        {"referrer": "HV-1001", "exam": "XANKR", "birthDate": "1980-06-15", "sex": "MALE",
         "pregnancy": "NOT_PREGNANT", "setting": "ED@HV-GENERAL", "info": ["CLINICAL_QUESTION"],
         "at": "2026-12-01T10:00:00Z", "order": "ORD-1"}
        """);

    Tool.Result result = register.run("check", "--file", file.toString(), "--json").expect(0);

    Schemas.assertValid("decision.schema.json", result.out());
    assertThat(Register.json(result.out()).get("request").get("orderId").asText()).isEqualTo("ORD-1");
  }

  @Test
  void badInputIsRefusedNamingWhatAndWhereAndChangesNothing() throws IOException {
    Path unknownField = Files.writeString(work.resolve("unknown.json"),
        "{\"referrer\": \"HV-1003\",\n \"exam\": \"XANKR\",\n \"colour\": \"red\"}\n");
    Path wrongType = Files.writeString(work.resolve("type.json"),
        "{\"referrer\": \"HV-1003\",\n \"exam\": \"XANKR\",\n \"info\": {\"a\": 1}}\n");
    Path malformed = Files.writeString(work.resolve("malformed.json"),
        "{\"referrer\": \"HV-1003\",\n \"exam\": \"XANKR\"\n \"at\": 3\n");
    Path badDate = Files.writeString(work.resolve("date.json"),
        "{\"referrer\": \"HV-1003\", \"exam\": \"XANKR\", \"birthDate\": \"1990-02-30\"}\n");

    register.assertChangesNothing(() -> {
      assertThat(register.run("check", "--file", unknownField.toString()).expect(65).err())
          .contains("unknown.json:3:").contains("colour");
      assertThat(register.run("check", "--file", wrongType.toString()).expect(65).err())
          .contains("type.json:3:");
      assertThat(register.run("check", "--file", malformed.toString()).expect(65).err())
          .contains("malformed.json:3:");
      assertThat(register.run("check", "--file", badDate.toString()).expect(65).err())
          .contains("date.json").contains("birthDate").contains("1990-02-30");
      assertThat(register.run("check", "--file", work.resolve("absent.json").toString()).expect(66).err())
          .contains("absent.json: no such file");
      assertThat(check("--exam", "XANKR", "--at", "2026-03-16 10:30").expect(64).err())
          .contains("--at").contains("'2026-03-16 10:30' is not an instant");
      assertThat(check("--exam", "XANKR", "--birth-date", "14/07/1990").expect(64).err())
          .contains("--birth-date").contains("not a date");
      assertThat(register.run("check", "--referrer", "HV-9999", "--exam", "XANKR").expect(67).err())
          .contains("no person HV-9999");
      assertThat(register.run("check", "--referer", "HV-1001").expect(64).err())
          .contains("Unknown option").contains("--referrer");
      assertThat(register.run("check", "--exam", "XANKR").expect(64).err()).contains("--referrer");

    });
  }
}
