package org.irmer.entitlement.adapter.cdshooks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.util.List;
import org.irmer.entitlement.core.domain.AuditEvent;
import org.irmer.entitlement.core.domain.AuditTrailEntry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Feedback on cards (CDS Hooks 2.0, "Feedback"), kept in the audit trail against the decision it
 * answers: the feedback names the card's uuid, and its record leads to the decision's own record.
 */
class FeedbackTests {

  private final Running running = new Running();
  private final String feedback = Running.signPath() + "/feedback";

  @AfterEach
  void stop() {
    running.close();
  }

  private JsonNode refusedCard(String instance) {
    HttpResponse<String> response = running.call(Running.signPath(), Running.hookCall("order-sign",
        instance, Fhir.bundle(Running.order("sr-mri", "MLSPI", "prac-p", "MSK_OUTPATIENT")),
        Running.fullPrefetch()).toString());
    return Running.json(response).path("cards").get(0);
  }

  private static ObjectNode feedbackOn(String card, String outcome) {
    ObjectNode body = Fhir.JSON.createObjectNode();
    ObjectNode item = body.putArray("feedback").addObject();
    item.put("card", card);
    item.put("outcome", outcome);
    item.put("outcomeTimestamp", "2026-03-10T10:01:00Z");
    return body;
  }

  @Test
  void anOverrideIsRecordedWithItsReasonAndCommentAgainstTheDecisionItAnswers() {
    String instance = Running.newInstance();
    JsonNode card = refusedCard(instance);
    ObjectNode body = feedbackOn(card.path("uuid").asText(), "overridden");
    ObjectNode override = ((ObjectNode) body.path("feedback").get(0)).putObject("overrideReason");
    override.set("reason", card.path("overrideReasons").get(0));
    override.put("userComment", "Radiologist agreed to review the request");

    HttpResponse<String> response = running.call(feedback, body.toString());

    assertThat(response.statusCode()).isEqualTo(200);
    AuditEvent recorded = last("decision-feedback");
    assertThat(recorded.subject()).isEqualTo(card.path("uuid").asText());
    assertThat(recorded.result()).isEqualTo("overridden");
    assertThat(recorded.at()).isEqualTo(java.time.Instant.parse("2026-03-10T10:01:00Z"));
    assertThat(recorded.details())
        .containsEntry("client", Client.ISS)
        .containsEntry("matched", "true")
        .containsEntry("overrideReason.code", card.path("overrideReasons").get(0).path("code").asText())
        .containsEntry("overrideReason.system", Cards.OVERRIDE_SYSTEM)
        .containsEntry("userComment", "Radiologist agreed to review the request")
        .containsEntry("decision", "NOT_ENTITLED");
    AuditEvent decision = last("check-referral");
    assertThat(decision.details().get("channelReference")).isEqualTo(recorded.details().get("hookInstance"))
        .isEqualTo(instance);
    assertThat(decision.details().get("order")).isEqualTo(recorded.details().get("order"));
  }

  @Test
  void anAcceptedCardIsRecorded() {
    JsonNode card = refusedCard(Running.newInstance());

    HttpResponse<String> response = running.call(feedback, feedbackOn(card.path("uuid").asText(), "accepted")
        .toString());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(last("decision-feedback").result()).isEqualTo("accepted");
  }

  @Test
  void feedbackOnAnUnknownCardIsRecordedAsNotMatched() {
    HttpResponse<String> response = running.call(feedback,
        feedbackOn("0b4f1c0e-0000-4000-8000-000000000000", "accepted").toString());

    assertThat(response.statusCode()).isEqualTo(200);
    AuditEvent recorded = last("decision-feedback");
    assertThat(recorded.details()).containsEntry("matched", "false").doesNotContainKey("hookInstance");
  }

  @Test
  void anOverrideWithoutAReasonIsRefusedNamingTheFieldAndNothingIsRecorded() {
    JsonNode card = refusedCard(Running.newInstance());
    int before = running.trail().size();

    HttpResponse<String> response = running.call(feedback,
        feedbackOn(card.path("uuid").asText(), "overridden").toString());

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(Running.json(response).path("field").asText()).isEqualTo("feedback[0].overrideReason.reason");
    assertThat(running.trail()).hasSize(before);
  }

  @Test
  void anUnknownOutcomeIsRefusedNamingTheField() {
    HttpResponse<String> response = running.call(feedback, feedbackOn("x-1", "ignored").toString());

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(Running.json(response).path("field").asText()).isEqualTo("feedback[0].outcome");
  }

  @Test
  void feedbackNeedsATokenForItsOwnEndpoint() {
    String token = running.client.token(running.audience("/cds-services"), Trust.NOW);

    HttpResponse<String> response = running.post(feedback, feedbackOn("x-1", "accepted").toString(), token);

    assertThat(response.statusCode()).isEqualTo(401);
  }

  private AuditEvent last(String action) {
    List<AuditTrailEntry> trail = running.trail();
    return trail.stream().map(AuditTrailEntry::event).filter(event -> event.action().equals(action))
        .reduce((first, second) -> second).orElseThrow();
  }
}
