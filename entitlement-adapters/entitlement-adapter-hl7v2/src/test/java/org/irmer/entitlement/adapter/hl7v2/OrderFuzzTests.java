package org.irmer.entitlement.adapter.hl7v2;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.List;
import org.irmer.entitlement.adapter.hl7v2.Hl7v2Orders.Hl7v2MappingException;
import org.irmer.entitlement.core.domain.ReferralRequest;
import org.irmer.entitlement.rules.wiring.EntitlementRegister;

/**
 * Coverage-guided fuzzing (Jazzer) of the message-to-request mapping and of the replies: whatever
 * the text, mapping gives requests or a {@link Hl7v2MappingException} and nothing else, and the
 * reply is an HL7 v2 message with MSA-1 AA, AR or AE, AA only when every order checks as
 * entitled.
 *
 * <p>In a normal build the inputs saved under {@code OrderFuzzTestsInputs/<method>/} in the test
 * resources are replayed as regression tests; {@code JAZZER_FUZZ=1} fuzzes for real (see the
 * module's README).
 */
class OrderFuzzTests {

  private static final EntitlementRegister REGISTER = Fixtures.register();
  private static final Hl7v2Orders ORDERS =
      Hl7v2Orders.over(REGISTER, Fixtures.configuration().build());
  private static final List<String> SAMPLES = List.of("orm-o01-2.3.hl7", "orm-o01-2.3.1.hl7",
      "orm-o01-2.4.hl7", "orm-o01-2.5.hl7", "orm-o01-2.5.1.hl7", "omi-o23-2.5.hl7",
      "omi-o23-2.5.1.hl7", "orm-o01-2.4-two-orders.hl7", "omi-o23-2.5.1-two-orders.hl7");

  @FuzzTest(maxDuration = "60s")
  void mapping(FuzzedDataProvider data) {
    String message = message(data);
    List<ReferralRequest> requests;
    try {
      requests = ORDERS.requests(message);
    } catch (Hl7v2MappingException e) {
      assertThat(e.problems()).isNotEmpty();
      requests = null;
    }
    String reply = ORDERS.reply(message);
    assertThat(reply).startsWith("MSH|^~\\&|");
    String ack = Messages.field(Messages.segments(reply, "MSA").get(0), 1);
    if (requests == null) {
      assertThat(ack).isEqualTo("AE");
    } else {
      assertThat(ack).isIn("AA", "AR", "AE");
      if (ack.equals("AA")) {
        assertThat(requests).allSatisfy(r ->
            assertThat(REGISTER.referrals().check(r).allowsRequest()).isTrue());
      }
    }
  }

  /** A sample message with some fields replaced, or the fuzzer's text itself. */
  private static String message(FuzzedDataProvider data) {
    if (!data.consumeBoolean()) {
      return data.consumeRemainingAsString();
    }
    String message = Messages.load(SAMPLES.get(data.consumeInt(0, SAMPLES.size() - 1)));
    String[] segments = {"MSH", "PID", "PV1", "ORC", "OBR", "OBX", "TQ1", "IPC"};
    int edits = data.consumeInt(1, 4);
    for (int i = 0; i < edits; i++) {
      String segment = segments[data.consumeInt(0, segments.length - 1)];
      if (!message.contains("\r" + segment + "|") && !segment.equals("MSH")) {
        continue;
      }
      int field = data.consumeInt(segment.equals("MSH") ? 3 : 1, 32);
      message = Messages.set(message, segment, field, data.consumeString(40));
    }
    return message;
  }
}
