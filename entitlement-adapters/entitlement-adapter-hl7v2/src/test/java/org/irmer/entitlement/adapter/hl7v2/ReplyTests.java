package org.irmer.entitlement.adapter.hl7v2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.irmer.entitlement.adapter.hl7v2.Messages.field;
import static org.irmer.entitlement.adapter.hl7v2.Messages.load;
import static org.irmer.entitlement.adapter.hl7v2.Messages.segments;
import static org.irmer.entitlement.adapter.hl7v2.Messages.set;

import ca.uhn.hl7v2.DefaultHapiContext;
import ca.uhn.hl7v2.HapiContext;
import ca.uhn.hl7v2.model.Message;
import ca.uhn.hl7v2.util.Terser;
import java.util.List;
import java.util.Optional;
import org.irmer.entitlement.adapter.hl7v2.Hl7v2Orders.ReplyMode;
import org.irmer.entitlement.core.domain.AuditTrailEntry;
import org.irmer.entitlement.core.port.out.Register;
import org.irmer.entitlement.rules.wiring.EntitlementRegister;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Replies as HL7 v2 defines them: AA only when every order is entitled, AR with one ERR per reason,
 * AE naming the position of what could not be read; each decision and each unreadable message in
 * the audit trail.
 */
class ReplyTests {

  private static final String KNEE = "XKNER^X-ray knee right^NICIP";

  private final Register ports = Trust.inMemory();
  private final EntitlementRegister register =
      EntitlementRegister.over(ports).clock(Fixtures.CLOCK).open();
  private final Hl7v2Orders orders = Hl7v2Orders.over(register, Fixtures.configuration().build());
  private final Hl7v2Orders acks = Hl7v2Orders.over(register,
      Fixtures.configuration().replyMode(ReplyMode.ACK).build());

  @AfterEach
  void close() {
    register.close();
  }

  private static Message parse(String reply) throws Exception {
    try (HapiContext context = new DefaultHapiContext()) {
      return context.getPipeParser().parse(reply);
    }
  }

  private static String msa1(String reply) {
    return field(segments(reply, "MSA").get(0), 1);
  }

  @ParameterizedTest
  @ValueSource(strings = {"2.3", "2.3.1", "2.4", "2.5", "2.5.1"})
  void anEntitledOrderIsAcceptedWithAnOrrInTheMessagesVersion(String version) throws Exception {
    String reply = orders.reply(load("orm-o01-" + version + ".hl7"));

    Message parsed = parse(reply);
    Terser terser = new Terser(parsed);
    assertThat(parsed.getVersion()).isEqualTo(version);
    assertThat(terser.get("/MSH-9-1")).isEqualTo("ORR");
    assertThat(terser.get("/MSH-9-2")).isEqualTo("O02");
    assertThat(terser.get("/MSA-1")).isEqualTo("AA");
    assertThat(terser.get("/MSA-2")).isEqualTo("ORM-" + version.replace(".", ""));
    assertThat(terser.get("/MSH-3-1")).isEqualTo("RIS");
    assertThat(terser.get("/MSH-5-1")).isEqualTo("ICE");
    assertThat(terser.get("/MSH-6-1")).isEqualTo("RA1-ED");
    assertThat(segments(reply, "ERR")).isEmpty();
    assertThat(segments(reply, "ORC")).singleElement().asString().startsWith("ORC|OK|PLC1001");
  }

  @ParameterizedTest
  @ValueSource(strings = {"2.5", "2.5.1"})
  void anEntitledImagingOrderIsAcceptedWithAnOri(String version) throws Exception {
    String reply = orders.reply(load("omi-o23-" + version + ".hl7"));

    Terser terser = new Terser(parse(reply));
    assertThat(terser.get("/MSH-9-1")).isEqualTo("ORI");
    assertThat(terser.get("/MSH-9-2")).isEqualTo("O24");
    assertThat(terser.get("/MSA-1")).isEqualTo("AA");
    assertThat(segments(reply, "ORC")).singleElement().asString().startsWith("ORC|OK|PLC2001");
    assertThat(segments(reply, "IPC")).hasSize(1);
    assertThat(segments(reply, "OBR")).hasSize(1);
  }

  @ParameterizedTest
  @ValueSource(strings = {"2.5", "2.5.1"})
  void aRefusalIsAnArWithAnErrPerReasonInTheTwoPointFiveStyle(String version) throws Exception {
    String reply = orders.reply(set(load("orm-o01-" + version + ".hl7"), "OBR", 4, KNEE));

    assertThat(msa1(reply)).isEqualTo("AR");
    List<String> errors = segments(reply, "ERR");
    assertThat(errors).singleElement().satisfies(err -> {
      assertThat(field(err, 2)).isEqualTo("ORC^1");
      assertThat(field(err, 3)).isEqualTo(
          "OUT_OF_SCOPE_EXAMINATION^The examination is outside the scope^99IRMER");
      assertThat(field(err, 4)).isEqualTo("E");
      assertThat(field(err, 8)).isNotBlank();
    });
    assertThat(segments(reply, "ORC")).singleElement().asString().startsWith("ORC|UA|PLC1001");
    assertThat(new Terser(parse(reply)).get("/MSA-1")).isEqualTo("AR");
  }

  @ParameterizedTest
  @ValueSource(strings = {"2.3", "2.3.1", "2.4"})
  void aRefusalBeforeTwoPointFiveCodesItsReasonInErr1(String version) throws Exception {
    String reply = orders.reply(set(load("orm-o01-" + version + ".hl7"), "OBR", 4, KNEE));

    assertThat(msa1(reply)).isEqualTo("AR");
    assertThat(segments(reply, "ERR")).singleElement().asString()
        .startsWith("ERR|ORC^1^^OUT_OF_SCOPE_EXAMINATION&").endsWith("&99IRMER");
    Terser terser = new Terser(parse(reply));
    assertThat(terser.get("/ERR-1-1")).isEqualTo("ORC");
    assertThat(terser.get("/ERR-1-4-1")).isEqualTo("OUT_OF_SCOPE_EXAMINATION");
    assertThat(segments(reply, "ORC")).singleElement().asString().startsWith("ORC|UA|");
  }

  @Test
  void anAckModeReplyIsAPlainAck() throws Exception {
    Terser accepted = new Terser(parse(acks.reply(load("orm-o01-2.5.1.hl7"))));
    String refused = acks.reply(set(load("orm-o01-2.3.hl7"), "OBR", 4, KNEE));

    assertThat(accepted.get("/MSH-9-1")).isEqualTo("ACK");
    assertThat(accepted.get("/MSH-9-2")).isEqualTo("O01");
    assertThat(accepted.get("/MSA-1")).isEqualTo("AA");
    assertThat(field(segments(refused, "MSH").get(0), 9)).isEqualTo("ACK^O01");
    assertThat(msa1(refused)).isEqualTo("AR");
    assertThat(segments(refused, "ORC")).isEmpty();
    assertThat(segments(refused, "ERR")).hasSize(1);
  }

  @Test
  void oneRefusedOrderMakesTheWholeMessageAnArAndEachOrcSaysWhichOrder() {
    String reply = orders.reply(load("orm-o01-2.4-two-orders.hl7"));

    assertThat(msa1(reply)).isEqualTo("AR");
    assertThat(segments(reply, "ORC")).extracting(orc -> field(orc, 1) + " " + field(orc, 2))
        .containsExactly("OK PLC3001", "UA PLC3002");
    assertThat(segments(reply, "ERR")).singleElement().asString().startsWith("ERR|ORC^2^^");
  }

  @Test
  void twoImagingOrdersOneRefusedGiveAnAr() throws Exception {
    String reply = orders.reply(load("omi-o23-2.5.1-two-orders.hl7"));

    assertThat(msa1(reply)).isEqualTo("AR");
    assertThat(segments(reply, "ORC")).extracting(orc -> field(orc, 1))
        .containsExactly("OK", "UA");
    assertThat(segments(reply, "ERR")).singleElement().satisfies(err ->
        assertThat(field(err, 2)).isEqualTo("ORC^2"));
    assertThat(new Terser(parse(reply)).get("/MSH-9-1")).isEqualTo("ORI");
  }

  @Test
  void everyReasonOfARefusalHasItsOwnErr() {
    String reply = orders.reply(set(set(load("orm-o01-2.5.hl7"), "OBR", 4,
        "MLSPI^MRI lumbar spine^NICIP"), "ORC", 12, "P^PHYSIO^PAT^^^^^^RA1"));

    assertThat(msa1(reply)).isEqualTo("AR");
    assertThat(segments(reply, "ERR")).extracting(err -> field(err, 3).split("\\^")[0])
        .contains("OUT_OF_SCOPE_MODALITY", "OUT_OF_SCOPE_EXAMINATION");
  }

  @Test
  void anUnknownExaminationIsNotAccepted() {
    String reply = orders.reply(set(load("orm-o01-2.5.hl7"), "OBR", 4, "XNOPE^Unknown^NICIP"));

    assertThat(msa1(reply)).isEqualTo("AR");
    assertThat(segments(reply, "ERR")).extracting(err -> field(err, 3).split("\\^")[0])
        .containsExactly("UNKNOWN_EXAMINATION");
  }

  @Test
  void eachDecisionIsInTheAuditTrailWithTheMessageControlId() {
    long before = ports.auditTrail().size();

    orders.reply(load("orm-o01-2.4-two-orders.hl7"));

    List<AuditTrailEntry> added = ports.auditTrail().read(before + 1, 100);
    assertThat(added.stream().filter(e -> "ORM-24-TWO".equals(
        e.event().details().get("channelReference"))).toList()).hasSize(2)
        .allSatisfy(e -> {
          assertThat(e.event().details()).containsEntry("channel", "hl7v2")
              .containsEntry("client", "ICE^RA1-ED");
        });
  }

  @Test
  void anUnreadableMessageIsAnAeNamingThePositionAndIsRecorded() throws Exception {
    long before = ports.auditTrail().size();

    String reply = orders.reply(set(load("orm-o01-2.5.1.hl7"), "PID", 8, "X"));

    assertThat(msa1(reply)).isEqualTo("AE");
    assertThat(segments(reply, "ERR")).singleElement().satisfies(err -> {
      assertThat(field(err, 2)).isEqualTo("PID^1^8^1^1");
      assertThat(field(err, 3)).isEqualTo("103^Table value not found^HL70357");
      assertThat(field(err, 8)).startsWith("PID-8.1: administrative sex X");
    });
    assertThat(segments(reply, "ORC")).isEmpty();
    assertThat(new Terser(parse(reply)).get("/MSA-2")).isEqualTo("ORM-251");
    List<AuditTrailEntry> added = ports.auditTrail().read(before + 1, 100);
    assertThat(added).singleElement().satisfies(entry -> {
      assertThat(entry.event().action()).isEqualTo("unreadable-message");
      assertThat(entry.event().subject()).isEqualTo("ORM-251");
      assertThat(entry.event().result()).isEqualTo("AE");
      assertThat(entry.event().details()).containsEntry("client", "ICE^RA1-ED")
          .containsEntry("problem", "PID-8.1: administrative sex X is not in HL7 table 0001"
              + " (F, M, O, U, A, N)");
    });
  }

  @Test
  void anUnreadableMessageBeforeTwoPointFiveCodesItsPositionInErr1() {
    String reply = orders.reply(set(set(load("orm-o01-2.3.hl7"), "ORC", 12, ""), "OBR", 16, ""));

    assertThat(msa1(reply)).isEqualTo("AE");
    assertThat(segments(reply, "ERR")).singleElement().asString()
        .isEqualTo("ERR|ORC^1^12^101&ORC-12.1: no ordering provider in ORC-12 or OBR-16&HL70357");
  }

  @Test
  void garbageIsAnsweredWithAnAeAckAndRecorded() {
    long before = ports.auditTrail().size();

    String reply = orders.reply("this is not HL7");

    assertThat(reply).startsWith("MSH|^~\\&|IRMER-ENTITLEMENT|");
    assertThat(field(segments(reply, "MSH").get(0), 9)).isEqualTo("ACK^O01^ACK");
    assertThat(msa1(reply)).isEqualTo("AE");
    assertThat(ports.auditTrail().read(before + 1, 10)).singleElement()
        .satisfies(e -> assertThat(e.event().subject()).isEqualTo("unknown"));
  }

  @Test
  void aFailingDirectoryGivesAnAeNeverAnAcceptance() {
    Hl7v2Orders failing = Hl7v2Orders.over(register, Hl7v2Orders.Configuration
        .referrers((authority, id) -> {
          throw new IllegalStateException("directory down");
        }).build());

    assertThat(msa1(failing.reply(load("orm-o01-2.5.hl7")))).isEqualTo("AE");
  }

  @Test
  void aReplyEscapesWhatItEchoes() throws Exception {
    String message = set(set(load("orm-o01-2.5.hl7"), "MSH", 10, "A\\T\\B"), "ORC", 12,
        "X\\S\\Y^WHO^^^^^^^OTHER");

    String reply = orders.reply(message);

    Terser terser = new Terser(parse(reply));
    assertThat(terser.get("/MSA-2")).isEqualTo("A&B");
    assertThat(terser.get("/ERR-8")).contains("ordering provider X^Y of OTHER");
    assertThat(Optional.ofNullable(terser.get("/MSA-1"))).contains("AE");
  }
}
