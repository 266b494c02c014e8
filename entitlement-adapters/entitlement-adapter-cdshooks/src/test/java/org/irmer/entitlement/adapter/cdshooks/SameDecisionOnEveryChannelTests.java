package org.irmer.entitlement.adapter.cdshooks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.Parameters;
import org.irmer.entitlement.core.domain.CareSetting;
import org.irmer.entitlement.core.domain.ClinicalInformationItem;
import org.irmer.entitlement.core.domain.ExaminationCode;
import org.irmer.entitlement.core.domain.Outcome;
import org.irmer.entitlement.core.domain.Patient;
import org.irmer.entitlement.core.domain.PersonId;
import org.irmer.entitlement.core.domain.ReasonCode;
import org.irmer.entitlement.core.domain.ReferralDecision;
import org.irmer.entitlement.core.domain.ReferralRequest;
import org.irmer.entitlement.core.domain.Sex;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Scenarios S1 and S2 of DOMAIN.md section 6 give the same outcome and the same reason codes
 * whatever the channel: CDS Hooks {@code order-sign} over HTTP, the FHIR {@code
 * $check-entitlement} operation on the same server and resources, and a request written by hand
 * through the Java API, all against one register. (The HL7 v2 adapter's ScenarioOverMllpTests hold MLLP to the
 * Java API in the same way.)
 */
class SameDecisionOnEveryChannelTests {

  private static final Pattern REASON = Pattern.compile("`([A-Z_]+)`");
  static final String CHECK_ENTITLEMENT = "/fhir/ServiceRequest/$check-entitlement";

  private final Running running = new Running();

  @AfterEach
  void stop() {
    running.close();
  }

  @Test
  void s1IsRefusedOnModalityAndExaminationThroughEveryChannel() {
    Channels s1 = decide(Running.order("sr-mri", "MLSPI", "prac-p", "MSK_OUTPATIENT"),
        byHand(Trust.PHYSIO, "MLSPI", "MSK_OUTPATIENT"));

    assertThat(s1.javaApi().outcome()).isEqualTo(Outcome.NOT_ENTITLED);
    assertThat(s1.javaApi().reasonCodes()).containsExactly(ReasonCode.OUT_OF_SCOPE_MODALITY,
        ReasonCode.OUT_OF_SCOPE_EXAMINATION);
    s1.assertAgree();
  }

  @Test
  void s2RefusesTheKneeAndEntitlesTheAnkleThroughEveryChannel() {
    Channels knee = decide(Running.order("sr-knee", "XKNER", "prac-e", "ED"), byHand(Trust.ENP, "XKNER", "ED"));
    Channels ankle = decide(Running.order("sr-ankle", "XANKR", "prac-e", "ED"), byHand(Trust.ENP, "XANKR", "ED"));

    assertThat(knee.javaApi().reasonCodes()).containsExactly(ReasonCode.OUT_OF_SCOPE_EXAMINATION);
    knee.assertAgree();
    assertThat(ankle.javaApi().outcome()).isEqualTo(Outcome.ENTITLED);
    ankle.assertAgree();
  }

  /** The order through CDS Hooks and {@code $check-entitlement}, and {@code byHand} through the Java API. */
  private Channels decide(ObjectNode order, ReferralRequest byHand) {
    HttpResponse<String> hook = running.call(Running.signPath(), Running.hookCall("order-sign",
        Running.newInstance(), Fhir.bundle(order.deepCopy()), Running.fullPrefetch()).toString());
    assertThat(hook.statusCode()).as(hook.body()).isEqualTo(200);
    List<String> recorded = running.trail().stream().map(entry -> entry.event())
        .filter(event -> event.action().equals("check-referral"))
        .reduce((first, second) -> second).map(event -> event.result()).stream().toList();

    HttpResponse<String> operation = running.call(CHECK_ENTITLEMENT, operationBundle(order).toString());
    assertThat(operation.statusCode()).as(operation.body()).isEqualTo(200);

    return new Channels(Running.json(hook).path("cards"), recorded.get(0),
        Fhir.ORDERS.parse(Parameters.class, operation.body()), running.register.referrals().check(byHand));
  }

  /** The order, with the instant it was signed, and every resource the hook call prefetched, in one Bundle. */
  private static ObjectNode operationBundle(ObjectNode order) {
    ObjectNode signed = order.deepCopy().put("authoredOn", Trust.NOW.toString());
    List<ObjectNode> resources = new ArrayList<>(List.of(signed));
    for (Iterator<JsonNode> it = Running.fullPrefetch().elements(); it.hasNext(); ) {
      resources.add((ObjectNode) it.next());
    }
    return Fhir.bundle(resources.toArray(ObjectNode[]::new));
  }

  private static ReferralRequest byHand(PersonId referrer, String exam, String setting) {
    return ReferralRequest.builder()
        .referrer(referrer)
        .employer(Trust.TRUST_A)
        .examination(ExaminationCode.of(exam))
        .patient(Patient.builder().birthDate(LocalDate.of(1980, 5, 5)).sex(Sex.MALE).build())
        .setting(CareSetting.of(setting))
        .addClinicalInformation(ClinicalInformationItem.CLINICAL_QUESTION)
        .requestedAt(Trust.NOW)
        .build();
  }

  /** One order's decision as each channel gave it. */
  private record Channels(JsonNode cards, String recordedOutcome, Parameters operation,
      ReferralDecision javaApi) {

    void assertAgree() {
      List<String> javaReasons = javaApi.reasons().stream().map(reason -> reason.code().name()).toList();
      assertThat(recordedOutcome).as("CDS Hooks, as recorded").isEqualTo(javaApi.outcome().name());
      assertThat(cardReasons()).as("CDS Hooks, as carded").isEqualTo(javaReasons);
      assertThat(((CodeType) operation.getParameter("outcome").getValue()).getValue())
          .as("$check-entitlement").isEqualTo(javaApi.outcome().name());
      assertThat(operation.getParameter().stream().filter(p -> p.getName().equals("reason"))
          .map(p -> ((CodeType) p.getPart().get(0).getValue()).getValue()).toList())
          .as("$check-entitlement reasons").isEqualTo(javaReasons);
    }

    /** The reason codes of the critical card, in the order it lists them; none without one. */
    private List<String> cardReasons() {
      List<String> codes = new ArrayList<>();
      for (JsonNode card : (ArrayNode) cards) {
        if (card.path("indicator").asText().equals("critical")) {
          Matcher matcher = REASON.matcher(card.path("detail").asText());
          while (matcher.find()) {
            codes.add(matcher.group(1));
          }
        }
      }
      return codes;
    }
  }
}
