package org.irmer.entitlement.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code entitlement tasks} on the sample trust after a sweep has raised its tasks: the list and
 * one task as text and as JSON held to their schemas, a decision by a delegate of the task's
 * employer that runs its command and is final, a decision by anyone else refused with the reason
 * and exit 1, and unknown tasks and malformed arguments refused before anything is recorded.
 */
class TasksIT {

  static final String SWEPT = "2026-12-01T11:00:00Z";
  static final String DELEGATE = "HV-0001";

  /** The sample trust, swept once. */
  @TempDir
  static Path template;

  @TempDir
  Path work;

  Register register;

  @BeforeAll
  static void sweep() {
    Register.template(Register.sampleTrust(), template, new String[] {"sweep", "--at", SWEPT});
  }

  @BeforeEach
  void copy() {
    register = Register.copyOf(template, work);
  }

  private JsonNode listed(String... filters) {
    List<String> args = new ArrayList<>(List.of("tasks", "list", "--format", "json"));
    args.addAll(List.of(filters));
    Tool.Result result = register.run(args.toArray(String[]::new)).expect(0);
    Schemas.assertValid("tasks.schema.json", result.out());
    return Register.json(result.out()).get("tasks");
  }

  /** The first open task for the delegates of RHV, whose delegate is {@value #DELEGATE}. */
  private JsonNode openTaskAtRhv() {
    JsonNode open = listed("--employer", "RHV", "--state", "OPEN");
    assertThat(open).as("the sweep raises tasks for RHV's delegates").isNotEmpty();
    return open.get(0);
  }

  @Test
  void theSweepRaisesTasksThatAreListedByEachCriterionAndShownWithTheirHistory() {
    JsonNode all = listed();
    assertThat(all).isNotEmpty();
    assertThat(all).allSatisfy(task -> assertThat(task.get("state").asText()).isEqualTo("OPEN"));
    JsonNode first = all.get(0);
    String kind = first.get("kind").asText();
    assertThat(listed("--kind", kind)).allSatisfy(
        task -> assertThat(task.get("kind").asText()).isEqualTo(kind));
    String referrer = first.get("referrer").asText();
    assertThat(listed("--referrer", referrer)).isNotEmpty().allSatisfy(
        task -> assertThat(task.get("referrer").asText()).isEqualTo(referrer));
    assertThat(listed("--state", "DECIDED")).isEmpty();

    String id = first.get("id").asText();
    Tool.Result shown = register.run("tasks", "show", id, "--format", "json").expect(0);
    Schemas.assertValid("task.schema.json", shown.out());
    JsonNode task = Register.json(shown.out());
    assertThat(task.get("task")).isEqualTo(first);
    assertThat(task.get("history")).hasSize(1);
    assertThat(register.run("tasks", "show", id).expect(0).out())
        .contains("Task " + id + " (v1): " + kind + ", OPEN")
        .contains("cause " + first.get("cause").get("key").asText())
        .contains("decisions allowed: KEEP");
    assertThat(register.run("tasks", "list").expect(0).out()).contains(id + "  OPEN  due ");
  }

  @Test
  void aDelegatesDecisionIsRecordedAndFinalAndAnyoneElseIsRefusedWithTheReason() {
    JsonNode task = openTaskAtRhv();
    String id = task.get("id").asText();
    String referrer = task.get("referrer").asText();
    long before = register.state().trailSize();

    Tool.Result byTheReferrer = register.run("tasks", "decide", id, "KEEP", "--as", referrer,
        "--at", "2026-12-01T12:00:00Z").expect(1);
    assertThat(byTheReferrer.out()).contains("tasks decide: refused")
        .contains("- NOT_A_CURRENT_DELEGATE: ");
    assertThat(register.state().trailSize()).as("the refusal is audited").isEqualTo(before + 1);

    Tool.Result decided = register.run("tasks", "decide", id, "keep", "--as", DELEGATE, "--note",
        "reviewed with the referrer; scope kept", "--at", "2026-12-01T12:30:00Z", "--json")
        .expect(0);
    Schemas.assertValid("command-result.schema.json", decided.out());
    JsonNode result = Register.json(decided.out());
    assertThat(result.get("accepted").asBoolean()).isTrue();
    assertThat(result.get("changed").get(0).get("kind").asText()).isEqualTo("task");
    assertThat(result.get("changed").get(0).get("state").asText()).isEqualTo("DECIDED v2");

    JsonNode shown = Register.json(register.run("tasks", "show", id, "--format", "json")
        .expect(0).out());
    assertThat(shown.get("task").get("decision").asText()).isEqualTo("KEEP");
    assertThat(shown.get("task").get("decidedBy").asText()).isEqualTo(DELEGATE);
    assertThat(shown.get("task").get("note").asText())
        .isEqualTo("reviewed with the referrer; scope kept");
    assertThat(shown.get("history")).hasSize(2);
    assertThat(listed("--state", "DECIDED")).extracting(node -> node.get("id").asText())
        .containsExactly(id);

    assertThat(register.run("tasks", "decide", id, "KEEP", "--as", DELEGATE, "--at",
        "2026-12-01T13:00:00Z").expect(1).out()).contains("- ILLEGAL_TRANSITION: ");
  }

  @Test
  void unknownTasksAndMalformedArgumentsAreRefusedAndChangeNothing() {
    String id = openTaskAtRhv().get("id").asText();

    register.assertChangesNothing(() -> {
      assertThat(register.run("tasks", "show", "T-NOPE").expect(67).err())
          .contains("the register has no task T-NOPE");
      assertThat(register.run("tasks", "decide", "T-NOPE", "KEEP", "--as", DELEGATE).expect(67)
          .err()).contains("T-NOPE");
      assertThat(register.run("tasks", "decide", id, "KEEP", "--as", "HV-NOBODY").expect(67)
          .err()).contains("HV-NOBODY");
      assertThat(register.run("tasks", "decide", id, "POSTPONE", "--as", DELEGATE).expect(64)
          .err()).contains("POSTPONE");
      assertThat(register.run("tasks", "decide", id, "KEEP", "--as", DELEGATE, "--note", "a",
          "--cause", "b").expect(64).err()).contains("--note");
      assertThat(register.run("tasks", "list", "--state", "PENDING").expect(64).err())
          .contains("--state");
      assertThat(register.run("tasks", "list", "--employer", "NOWHERE").expect(67).err())
          .contains("NOWHERE");
      assertThat(register.run("tasks", "list", "--format", "xml").expect(64).err())
          .contains("--format");
    });
  }
}
