package org.irmer.entitlement.adapter.cdshooks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.irmer.entitlement.core.domain.AuditEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code POST /fhir/ServiceRequest/$check-entitlement} on the CDS Hooks service's own server: the
 * FHIR adapter's operation behind the same JWT checks, size cap and routing as the hooks.
 */
class CheckEntitlementOnTheServiceTests {

  private static final String PATH = SameDecisionOnEveryChannelTests.CHECK_ENTITLEMENT;

  private final Running running = new Running();

  @AfterEach
  void stop() {
    running.close();
  }

  private static String kneeOrder() {
    return Fhir.bundle(Running.order("sr-knee", "XKNER", "prac-e", "ED").put("authoredOn", Trust.NOW.toString()),
        Fhir.patient("pat-1", "1980-05-05", "male"), Fhir.practitioner("prac-e", "E"),
        Fhir.organization("org-ra1", "RA1"), Fhir.encounter("enc-ed", "ED")).toString();
  }

  @Test
  void answersAParametersWithTheDecisionAndRecordsIt() {
    HttpResponse<String> response = running.call(PATH, kneeOrder());

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
        assertThat(type).startsWith("application/fhir+json"));
    JsonNode parameters = Running.json(response);
    assertThat(parameters.path("resourceType").asText()).isEqualTo("Parameters");
    assertThat(parameters.path("parameter").get(0).path("valueCode").asText()).isEqualTo("NOT_ENTITLED");
    assertThat(parameters.path("parameter").get(1).path("part").get(0).path("valueCode").asText())
        .isEqualTo("OUT_OF_SCOPE_EXAMINATION");
    List<AuditEvent> recorded = running.trail().stream().map(entry -> entry.event()).toList();
    assertThat(recorded).extracting(AuditEvent::action).containsExactly("check-referral");
    assertThat(recorded.get(0).details()).containsEntry("channel", "fhir").containsEntry("channelReference", "sr-knee");
  }

  @Test
  void refusesACallWithoutATokenAndRecordsOnlyTheRejection() {
    HttpResponse<String> response = running.post(PATH, kneeOrder(), null);

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(running.trail()).extracting(entry -> entry.event().action()).containsExactly("security-rejection");
  }

  @Test
  void refusesATokenForAHookEndpoint() {
    String token = running.client.token(running.audience(Running.signPath()), Trust.NOW);

    HttpResponse<String> response = running.post(PATH, kneeOrder(), token);

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(Running.json(response).path("error").asText()).isEqualTo("wrong-audience");
  }

  @Test
  void answersAnOrderThatCannotBeMappedWithAnOperationOutcomeNamingTheElement() {
    String broken = kneeOrder().replace("\"authoredOn\":\"" + Trust.NOW + "\"", "\"authoredOn\":\"2026-03-10\"");

    HttpResponse<String> response = running.call(PATH, broken);

    assertThat(response.statusCode()).isEqualTo(400);
    JsonNode issue = Running.json(response).path("issue").get(0);
    assertThat(issue.path("expression").get(0).asText()).isEqualTo("Bundle.entry[0].resource.ServiceRequest.authoredOn");
    assertThat(running.trail()).isEmpty();
  }

  @Test
  void answersOnlyPost() {
    HttpResponse<String> response = running.send(HttpRequest.newBuilder(URI.create(running.url(PATH))).GET().build());

    assertThat(response.statusCode()).isEqualTo(405);
    assertThat(response.headers().firstValue("Allow")).contains("POST");
  }
}
