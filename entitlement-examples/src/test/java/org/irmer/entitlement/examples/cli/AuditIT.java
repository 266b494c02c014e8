package org.irmer.entitlement.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code entitlement audit} on the sample trust: a generated log judged row by row as of each
 * row's instant, reported as JSON and CSV; bad rows counted and listed; a log that is not one
 * stops the command before anything is recorded.
 */
class AuditIT {

  private static final String HEADER = "referrer,employer,exam,birthDate,sex,pregnancy,setting,"
      + "indication,info,urgency,contrast,at,order,channel,reference,client";

  @TempDir
  Path work;

  Register register;

  @BeforeEach
  void copy() {
    register = Register.copyOf(GenerateReferralsIT.TEMPLATE, work);
  }

  private void generate(String out, int rows, String insideShare) {
    register.run("generate-referrals", "--from", GenerateReferralsIT.FROM, "--to",
        GenerateReferralsIT.TO, "--out", out, "--rows", Integer.toString(rows), "--inside-share",
        insideShare).expect(0);
  }

  @Test
  void judgesAGeneratedLogAndRecordsOneAuditRecord() throws IOException {
    generate("referrals.csv", 2_000, "0.8");
    Register.State before = register.state();

    Tool.Result result = register.run("audit", "referrals.csv", "--out", "audit.json").expect(0);

    JsonNode report = Register.json(Files.readString(work.resolve("audit.json")));
    assertThat(report.get("log").asText()).isEqualTo("referrals.csv");
    assertThat(report.get("rows").asLong()).isEqualTo(2_000);
    assertThat(report.get("skipped").asLong()).isZero();
    JsonNode total = report.get("total");
    assertThat(total.get("requests").asLong()).isEqualTo(2_000);
    assertThat(total.get("entitled").asLong()).as("about 80%% aimed inside a rule")
        .isBetween(1_200L, 1_800L);
    assertThat(total.get("notEntitled").asLong())
        .isEqualTo(2_000 - total.get("entitled").asLong());
    assertThat(total.get("reasons").size()).isGreaterThan(2);
    assertThat(report.get("referrers").size()).isGreaterThan(1);
    long byEmployer = 0;
    for (JsonNode employer : report.get("employers")) {
      byEmployer += employer.get("counts").get("requests").asLong();
    }
    assertThat(byEmployer).isEqualTo(2_000);
    assertThat(result.err()).contains("Audited 2,000 requests from referrals.csv");
    Register.State after = register.state();
    assertThat(after.files()).as("the register").isEqualTo(before.files());
    assertThat(after.trailSize()).as("one audit record").isEqualTo(before.trailSize() + 1);
    assertThat(report.get("auditSequence").asLong()).isEqualTo(after.trailSize());
  }

  /**
   * The generator aims every row inside a scope rule of an entitlement that holds on its date; the
   * sample trust's lapsed registrations and training still refuse some, and nothing else does.
   */
  @Test
  void aLogAimedOnlyInsideTheScopesIsRefusedOnlyForRegistrationOrTraining() throws IOException {
    generate("inside.jsonl", 1_000, "1");

    Tool.Result result = register.run("audit", "inside.jsonl").expect(0);

    JsonNode total = Register.json(result.out()).get("total");
    assertThat(total.get("requests").asLong()).isEqualTo(1_000);
    assertThat(total.get("entitled").asLong()).isGreaterThan(800);
    List<String> reasons = new java.util.ArrayList<>();
    total.get("reasons").fieldNames().forEachRemaining(reasons::add);
    assertThat(reasons).isSubsetOf("REGISTRATION_NOT_CURRENT", "TRAINING_EXPIRED",
        "TRAINING_MISSING");
  }

  @Test
  void writesTheCountsAsCsvARowPerReferrerEmployerAndTotal() throws IOException {
    generate("referrals.jsonl", 500, "0.8");

    register.run("audit", "referrals.jsonl", "--out", "audit.csv").expect(0);

    List<String> lines = Files.readAllLines(work.resolve("audit.csv"));
    assertThat(lines.get(0)).startsWith(
        "level,employer,referrer,requests,entitled,notEntitled,shareEntitled,outcome:ENTITLED,");
    assertThat(lines.get(0)).contains(",reason:OUT_OF_SCOPE_EXAMINATION,", ",advisory:NOT_INDICATED,",
        ",practitioner:NOT_JUSTIFIED");
    assertThat(lines.get(lines.size() - 1)).startsWith("total,,,500,");
    assertThat(lines).anySatisfy(line -> assertThat(line).startsWith("referrer,"))
        .anySatisfy(line -> assertThat(line).startsWith("employer,"));
  }

  @Test
  void writesOneSelfContainedHtmlPage() throws IOException {
    generate("referrals.csv", 300, "0.8");

    register.run("audit", "referrals.csv", "--out", "audit.html").expect(0);

    String page = Files.readString(work.resolve("audit.html"));
    assertThat(page).startsWith("<!DOCTYPE html>").contains("Retrospective audit of referrals",
        "id=\"chart-outcomes\"", "echarts").doesNotContain("<script src=", "<link ");
  }

  @Test
  void countsAndListsTheRowsThatCannotBeReadAndGoesOn() throws IOException {
    generate("good.csv", 10, "1");
    List<String> good = Files.readAllLines(work.resolve("good.csv"));
    Files.write(work.resolve("mixed.csv"), List.of(HEADER, good.get(1),
        good.get(2).replace("Z,", ","), "HV-1003,HV", good.get(3)));

    Tool.Result result = register.run("audit", "mixed.csv").expect(0);

    JsonNode report = Register.json(result.out());
    assertThat(report.get("rows").asLong()).isEqualTo(4);
    assertThat(report.get("skipped").asLong()).isEqualTo(2);
    assertThat(report.get("total").get("requests").asLong()).isEqualTo(2);
    JsonNode skipped = report.get("firstSkipped");
    assertThat(skipped.get(0).get("line").asLong()).isEqualTo(3);
    assertThat(skipped.get(0).get("why").asText()).startsWith("at: '")
        .contains("write an instant with its offset");
    assertThat(skipped.get(1).get("line").asLong()).isEqualTo(4);
    assertThat(skipped.get(1).get("why").asText())
        .isEqualTo("the row has 2 fields where the header has 16");
    assertThat(result.err()).contains("2 skipped");
  }

  @Test
  void aLogWithoutItsRequiredColumnsStopsBeforeAnyRowAndRecordsNothing() {
    register.assertChangesNothing(() -> {
      Files.write(work.resolve("headless.csv"), List.of("referrer,employer,exam", "HV-1003,HV,XCHES"));
      Tool.Result result = register.run("audit", "headless.csv").expect(ExitCodes.DATA);
      assertThat(result.err()).contains("headless.csv: line 1: the header lacks the required"
          + " column(s) at");
      assertThat(result.out()).isEmpty();
    });
  }

  @Test
  void badArgumentsAndMissingFilesChangeNothing() throws IOException {
    generate("referrals.csv", 5, "1");
    Files.writeString(work.resolve("kept.json"), "not to be lost");
    register.assertChangesNothing(() -> {
      assertThat(register.run("audit", "missing.csv").expect(ExitCodes.NO_INPUT).err())
          .contains("missing.csv does not exist");
      assertThat(register.run("audit", "referrals.txt").expect(ExitCodes.USAGE).err())
          .contains("has no extension of a referral log");
      assertThat(register.run("audit", "referrals.csv", "--format", "pdf").expect(ExitCodes.USAGE)
          .err()).contains("--format must be json, csv or html, not 'pdf'");
      assertThat(register.run("audit", "referrals.csv", "--out", "kept.json")
          .expect(ExitCodes.CANNOT_CREATE).err()).contains("already exists: give --force");
      assertThat(register.run("audit").expect(ExitCodes.USAGE).err())
          .contains("Missing required parameter: '<log>'");
    });
    assertThat(work.resolve("kept.json")).hasContent("not to be lost");
  }
}
