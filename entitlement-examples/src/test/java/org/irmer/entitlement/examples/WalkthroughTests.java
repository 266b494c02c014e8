package org.irmer.entitlement.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The walkthrough tells the story it promises, decision by decision. */
class WalkthroughTests {

  private static String run() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    new Walkthrough(new PrintStream(bytes, true, StandardCharsets.UTF_8), SampleTrust.create()).run();
    return bytes.toString(StandardCharsets.UTF_8);
  }

  @Test
  void everyApplicationIsApprovedAndThePhysiotherapistWaitsForMriSafetyTraining() {
    String output = run();

    assertThat(output).contains("approve APP-2026-001: done -> entitlement E-APP-2026-001 ACTIVE");
    assertThat(output).contains("approve APP-2026-002: done -> entitlement E-APP-2026-002 PENDING_PREREQUISITES");
    assertThat(output).contains("approve APP-2026-003: done -> entitlement E-APP-2026-003 ACTIVE");
    assertThat(output).contains("record MRI safety training: done");
  }

  @Test
  void decisionsBeforeAndAfterTheSuspensionAreExplained() {
    String output = run();
    String before = output.substring(output.indexOf("3. Requests"), output.indexOf("4. The delegate"));
    String after = output.substring(output.indexOf("5. The same requests"));

    assertThat(before).contains("ENTITLED: Aisha Okafor asks for X-ray ankle right");
    assertThat(before).contains("OUT_OF_SCOPE_EXAMINATION: The scope does not cover X-ray knee right");
    assertThat(before).contains("OUT_OF_SCOPE_AGE: The scope does not cover patients aged 12");
    assertThat(before).contains("ENTITLED: Callum Reid asks for MRI knee right");
    assertThat(before).contains("guideline: Simple mechanical low back pain: not indicated");
    assertThat(before).contains("OUT_OF_SCOPE_SETTING");
    assertThat(after).contains("ENTITLEMENT_SUSPENDED");
    assertThat(after).contains("ENTITLED: Bethan Hughes asks for X-ray foot right");
    assertThat(output).contains("first broken link: none");
  }
}
