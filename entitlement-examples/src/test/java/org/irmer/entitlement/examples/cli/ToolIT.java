package org.irmer.entitlement.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The tool's help, completion and usage errors, which need no register. */
class ToolIT {

  @TempDir
  Path work;

  @Test
  void everySubcommandHasHelpWithExamplesAndTheExitCodes() {
    Tool.Result help = Tool.in(work, "--help").expect(0);
    assertThat(help.out()).contains("Usage: entitlement").contains("Exit codes:");
    for (String command : new String[] {"import", "export", "check", "apply", "approve", "refuse",
        "suspend", "reinstate", "revoke", "notify-change", "record-training", "record-registration",
        "record-audit", "record-feedback", "show", "list", "history", "sweep", "tasks", "verify-trail",
        "checkpoint", "demo", "completion"}) {
      assertThat(help.out()).as("the main help lists %s", command).contains("  " + command + " ");
    }
    assertThat(Tool.in(work, "check", "--help").expect(0).out()).contains("Examples:")
        .contains("65  bad input data");
  }

  @Test
  void completionIsAScriptForBash() {
    assertThat(Tool.in(work, "completion").expect(0).out()).contains("complete -F")
        .contains("verify-trail");
  }

  @Test
  void usageErrorsExit64WithASuggestion() {
    assertThat(Tool.in(work, "chekc").expect(64).err()).contains("check");
    assertThat(Tool.in(work, "show").expect(64).err()).contains("<referrer>");
  }
}
