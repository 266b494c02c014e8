package org.irmer.entitlement.adapter.cdshooks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.stream.StreamSupport;
import org.irmer.entitlement.core.domain.AuditEvent;
import org.irmer.entitlement.core.domain.AuditTrailEntry;
import org.irmer.entitlement.core.domain.CareSetting;
import org.irmer.entitlement.core.domain.ClinicalInformationItem;
import org.irmer.entitlement.core.domain.ExaminationCode;
import org.irmer.entitlement.core.domain.Outcome;
import org.irmer.entitlement.core.domain.Patient;
import org.irmer.entitlement.core.domain.PersonId;
import org.irmer.entitlement.core.domain.PregnancyStatus;
import org.irmer.entitlement.core.domain.ReasonCode;
import org.irmer.entitlement.core.domain.ReferralDecision;
import org.irmer.entitlement.core.domain.ReferralRequest;
import org.irmer.entitlement.core.domain.Sex;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Scenarios S1 and S2 of DOMAIN.md section 6 end to end through {@code order-sign}, each giving
 * the decision the Java API gives for the same request, worded as cards and recorded with the
 * hook instance and the calling client.
 */
class OrderSignTests {

  private final Running running = new Running();

  @AfterEach
  void stop() {
    running.close();
  }

  @Test
  void s1PhysiotherapistAskingForMriLumbarSpineGetsACriticalCardWithBothReasons() {
    String instance = Running.newInstance();
    HttpResponse<String> response = running.call(Running.signPath(), Running.hookCall("order-sign",
        instance, Fhir.bundle(Running.order("sr-mri", "MLSPI", "prac-p", "MSK_OUTPATIENT")),
        Running.fullPrefetch()).toString());

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode cards = Running.json(response).path("cards");
    assertThat(cards).hasSize(1);
    JsonNode card = cards.get(0);
    assertThat(card.path("indicator").asText()).isEqualTo("critical");
    assertThat(card.path("summary").asText()).isEqualTo("Not entitled to request MRI lumbar spine (MLSPI)")
        .hasSizeLessThanOrEqualTo(140);
    assertThat(card.path("detail").asText())
        .contains("`OUT_OF_SCOPE_MODALITY`", "`OUT_OF_SCOPE_EXAMINATION`")
        .contains("The scope does not cover MRI examinations");
    assertThat(card.path("source").path("label").asText())
        .isEqualTo("Aldermoor Hospitals NHS Trust written procedures, version 1");
    assertThat(card.path("overrideReasons")).isNotEmpty().allSatisfy(reason -> {
      assertThat(reason.path("system").asText()).isEqualTo(Cards.OVERRIDE_SYSTEM);
      assertThat(reason.path("code").asText()).isNotBlank();
    });
    assertThat(card.path("uuid").asText()).hasSize(36);

    ReferralDecision direct = running.register.engine().evaluate(javaRequest(Trust.PHYSIO, "MLSPI",
        "MSK_OUTPATIENT"), org.irmer.entitlement.core.domain.EntitlementType.REFERRER);
    assertThat(direct.outcome()).isEqualTo(Outcome.NOT_ENTITLED);
    assertThat(direct.reasonCodes()).containsExactlyInAnyOrder(ReasonCode.OUT_OF_SCOPE_MODALITY,
        ReasonCode.OUT_OF_SCOPE_EXAMINATION);
    AuditEvent recorded = decisions().get(0);
    assertThat(recorded.result()).isEqualTo(direct.outcome().name());
    assertThat(recorded.causes()).containsExactlyElementsOf(
        direct.reasons().stream().map(Object::toString).toList());
    assertThat(recorded.subject()).isEqualTo("sr-mri");
    assertThat(recorded.details()).containsEntry("channel", "cds-hooks")
        .containsEntry("channelReference", instance)
        .containsEntry("client", Client.ISS)
        .containsEntry("order", "sr-mri");
  }

  @Test
  void s2EmergencyNursePractitionerIsRefusedTheKneeAndEntitledToTheAnkleInOneCall() {
    ObjectNode orders = Fhir.bundle(Running.order("sr-knee", "XKNER", "prac-e", "ED"),
        Running.order("sr-ankle", "XANKR", "prac-e", "ED"));
    HttpResponse<String> response = running.call(Running.signPath(),
        Running.hookCall("order-sign", Running.newInstance(), orders, Running.fullPrefetch()).toString());

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode cards = Running.json(response).path("cards");
    assertThat(cards).hasSize(1);
    assertThat(cards.get(0).path("summary").asText()).isEqualTo("Not entitled to request X-ray knee right (XKNER)");
    assertThat(cards.get(0).path("detail").asText()).contains("`OUT_OF_SCOPE_EXAMINATION`")
        .doesNotContain("OUT_OF_SCOPE_MODALITY");

    ReferralDecision knee = running.register.engine().evaluate(javaRequest(Trust.ENP, "XKNER", "ED"),
        org.irmer.entitlement.core.domain.EntitlementType.REFERRER);
    ReferralDecision ankle = running.register.engine().evaluate(javaRequest(Trust.ENP, "XANKR", "ED"),
        org.irmer.entitlement.core.domain.EntitlementType.REFERRER);
    assertThat(knee.reasonCodes()).containsExactly(ReasonCode.OUT_OF_SCOPE_EXAMINATION);
    assertThat(ankle.outcome()).isEqualTo(Outcome.ENTITLED);
    assertThat(decisions()).extracting(AuditEvent::subject, AuditEvent::result).containsExactly(
        org.assertj.core.groups.Tuple.tuple("sr-knee", knee.outcome().name()),
        org.assertj.core.groups.Tuple.tuple("sr-ankle", ankle.outcome().name()));
  }

  @Test
  void orderSelectWarnsWithTheSameCardsAndRecordsNothing() {
    HttpResponse<String> response = running.call(Running.selectPath(), Running.hookCall("order-select",
        Running.newInstance(), Fhir.bundle(Running.order("sr-mri", "MLSPI", "prac-p", "MSK_OUTPATIENT")),
        Running.fullPrefetch()).toString());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(Running.json(response).path("cards").get(0).path("indicator").asText()).isEqualTo("critical");
    assertThat(running.trail()).isEmpty();
  }

  @Test
  void anOrderThatCannotBeReadIsACriticalCardAndTheOthersAreStillChecked() {
    ObjectNode broken = Running.order("sr-broken", "XANKR", "prac-e", "ED");
    broken.remove("code");
    ObjectNode orders = Fhir.bundle(broken, Running.order("sr-ankle", "XANKR", "prac-e", "ED"));

    HttpResponse<String> response = running.call(Running.signPath(),
        Running.hookCall("order-sign", Running.newInstance(), orders, Running.fullPrefetch()).toString());

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode cards = Running.json(response).path("cards");
    assertThat(cards).hasSize(1);
    assertThat(cards.get(0).path("indicator").asText()).isEqualTo("critical");
    assertThat(cards.get(0).path("detail").asText()).contains("ServiceRequest.code");
    assertThat(running.trail()).extracting(entry -> entry.event().action())
        .containsExactly("unreadable-message", "check-referral");
  }

  @Test
  void discoveryListsBothServicesWithTheirPrefetchTemplates() {
    HttpResponse<String> response = running.get("/cds-services",
        running.client.token(running.audience("/cds-services"), Trust.NOW));

    JsonNode services = Running.json(response).path("services");
    assertThat(StreamSupport.stream(services.spliterator(), false).map(service -> service.path("hook").asText()))
        .containsExactly("order-select", "order-sign");
    assertThat(services.get(1).path("id").asText()).isEqualTo(CdsHooksService.ORDER_SIGN_ID);
    assertThat(services.get(1).path("prefetch").path("patient").asText()).isEqualTo("Patient/{{context.patientId}}");
    assertThat(services.get(1).path("prefetch").path("user").asText()).isEqualTo("{{context.userId}}");
    assertThat(services.get(1).path("title").asText()).isNotBlank();
    assertThat(services.get(1).path("description").asText()).isNotBlank();
  }

  private List<AuditEvent> decisions() {
    return running.trail().stream().map(AuditTrailEntry::event)
        .filter(event -> event.action().equals("check-referral")).toList();
  }

  /** The request the test orders describe, made through the Java API. */
  private static ReferralRequest javaRequest(PersonId referrer, String exam, String setting) {
    return ReferralRequest.builder()
        .referrer(referrer)
        .employer(Trust.TRUST_A)
        .examination(ExaminationCode.of(exam))
        .patient(Patient.builder().birthDate(java.time.LocalDate.of(1980, 5, 5)).sex(Sex.MALE)
            .pregnancy(PregnancyStatus.NOT_PREGNANT).build())
        .setting(CareSetting.of(setting))
        .addClinicalInformation(ClinicalInformationItem.CLINICAL_QUESTION)
        .requestedAt(Trust.NOW)
        .build();
  }
}
