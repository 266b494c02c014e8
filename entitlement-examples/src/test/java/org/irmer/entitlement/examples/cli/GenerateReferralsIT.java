package org.irmer.entitlement.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code entitlement generate-referrals}: a referral log from the register, which it leaves alone. */
class GenerateReferralsIT {

  static final String FROM = "2026-01-01T00:00:00Z";
  static final String TO = "2026-12-01T00:00:00Z";

  static final Path TEMPLATE = Register.sampleTrust();

  @TempDir
  Path work;

  Register register;

  @BeforeEach
  void copy() {
    register = Register.copyOf(TEMPLATE, work);
  }

  private Tool.Result generate(String out, String... more) {
    List<String> args = new ArrayList<>(List.of("generate-referrals", "--from", FROM,
        "--to", TO, "--out", out));
    args.addAll(List.of(more));
    return register.run(args.toArray(String[]::new));
  }

  @Test
  void writesTenThousandRowsByDefaultAndLeavesTheRegisterAndTrailAsTheyWere() throws IOException {
    Register.State before = register.state();

    Tool.Result result = generate("referrals.csv", "--json").expect(0);

    Schemas.assertValid("generate-referrals.schema.json", result.out());
    JsonNode summary = Register.json(result.out());
    assertThat(summary.get("rows").asLong()).isEqualTo(10_000);
    assertThat(summary.get("format").asText()).isEqualTo("csv");
    long aimed = StreamSupport.stream(summary.get("aims").spliterator(), false)
        .mapToLong(JsonNode::asLong).sum();
    assertThat(aimed).isEqualTo(10_000);
    assertThat(summary.get("aims").get("INSIDE").asLong()).isBetween(7_500L, 8_500L);
    List<String> lines = Files.readAllLines(work.resolve("referrals.csv"));
    assertThat(lines).hasSize(10_001);
    assertThat(lines.get(0)).startsWith("referrer,employer,exam,");
    assertThat(register.state()).isEqualTo(before);
    try (var leftovers = Files.list(work)) {
      assertThat(leftovers.map(path -> path.getFileName().toString()))
          .noneMatch(name -> name.endsWith(".part"));
    }
  }

  @Test
  void theSameSeedWritesTheSameBytesAndAnotherSeedOthers() throws IOException {
    generate("a.jsonl", "--rows", "300", "--seed", "11").expect(0);
    generate("b.log", "--rows", "300", "--seed", "11", "--format", "jsonl").expect(0);
    Tool.Result other = generate("c.jsonl", "--rows", "300", "--seed", "12").expect(0);

    byte[] first = Files.readAllBytes(work.resolve("a.jsonl"));
    assertThat(Files.readAllLines(work.resolve("a.jsonl"))).hasSize(300)
        .allSatisfy(line -> assertThat(line).startsWith("{\"referrer\":"));
    assertThat(Files.readAllBytes(work.resolve("b.log"))).isEqualTo(first);
    assertThat(Files.readAllBytes(work.resolve("c.jsonl"))).isNotEqualTo(first);
    assertThat(other.out()).startsWith("Wrote 300 referrals to c.jsonl (JSON lines, seed 12, "
        + FROM + " to " + TO + "):").contains("inside a scope rule");
  }

  @Test
  void refusesToReplaceALogUnlessForced() throws IOException {
    Path existing = Files.writeString(work.resolve("kept.csv"), "not to be lost\n");

    Tool.Result refused = generate("kept.csv", "--rows", "5").expect(ExitCodes.CANNOT_CREATE);

    assertThat(refused.err()).contains("kept.csv already exists: give --force to replace it");
    assertThat(existing).hasContent("not to be lost");
    generate("kept.csv", "--rows", "5", "--force").expect(0);
    assertThat(Files.readAllLines(existing)).hasSize(6);
  }

  @Test
  void badArgumentsAreUsageErrorsAndWriteNothing() throws IOException {
    assertThat(generate("x.csv", "--rows", "-1").expect(ExitCodes.USAGE).err())
        .contains("--rows must not be negative: -1");
    assertThat(generate("x.csv", "--rows", "many").expect(ExitCodes.USAGE).err())
        .contains("'many' is not a long");
    assertThat(generate("x.csv", "--format", "xml").expect(ExitCodes.USAGE).err())
        .contains("--format must be csv or jsonl, not 'xml'");
    assertThat(generate("x.txt").expect(ExitCodes.USAGE).err())
        .contains("has no extension of a referral log");
    assertThat(generate("x.csv", "--inside-share", "2").expect(ExitCodes.USAGE).err())
        .contains("--inside-share must be between 0 and 1");
    assertThat(register.run("generate-referrals", "--from", TO, "--to", FROM, "--out", "x.csv")
        .expect(ExitCodes.USAGE).err()).contains("must be before --to");
    assertThat(register.run("generate-referrals").expect(ExitCodes.USAGE).err())
        .contains("Missing required option: '--out=<file>'");
    try (var files = Files.list(work)) {
      assertThat(files.map(path -> path.getFileName().toString()))
          .containsExactly("entitlement-data");
    }
  }

  @Test
  void aDirectoryThatDoesNotExistCannotBeWrittenTo() {
    assertThat(generate("missing/x.csv").expect(ExitCodes.CANNOT_CREATE).err())
        .contains("does not exist");
  }
}
