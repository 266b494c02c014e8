package org.irmer.entitlement.adapter.cdshooks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Calls without prefetch (CDS Hooks 2.0, "FHIR Resource Access"): the service reads what it needs
 * from the client's FHIR server, here a small server on loopback, with the bearer token of {@code
 * fhirAuthorization}, and answers 412, recording nothing, when it cannot get it: the server
 * lacks a resource, cannot be reached, refuses the token, or was given without a token.
 */
class FhirAccessTests {

  private static final String TOKEN = "access-token-for-the-service";

  private final Running running = new Running();
  private final Loopback fhir = new Loopback()
      .serve("/fhir/Patient/pat-1", Fhir.patient("pat-1", "1980-05-05", "male").toString())
      .serve("/fhir/Practitioner/prac-p", Fhir.practitioner("prac-p", "P").toString())
      .serve("/fhir/Organization/org-ra1", Fhir.organization("org-ra1", "RA1").toString())
      .serve("/fhir/Encounter/enc-msk-outpatient", Fhir.encounter("enc-msk-outpatient", "MSK_OUTPATIENT").toString());

  @AfterEach
  void stop() {
    fhir.close();
    running.close();
  }

  private ObjectNode s1Call() {
    return Running.hookCall("order-sign", Running.newInstance(),
        Fhir.bundle(Running.order("sr-mri", "MLSPI", "prac-p", "MSK_OUTPATIENT")), null);
  }

  private static ObjectNode withServer(ObjectNode call, String server, String token) {
    call.put("fhirServer", server);
    ObjectNode authorization = call.putObject("fhirAuthorization");
    authorization.put("access_token", token);
    authorization.put("token_type", "Bearer");
    authorization.put("expires_in", 300);
    authorization.put("scope", "user/Patient.read user/Practitioner.read user/Organization.read");
    authorization.put("subject", "cds-service");
    return call;
  }

  @Test
  void readsWhatWasNotPrefetchedFromTheClientsFhirServerWithItsToken() {
    fhir.requiredToken = TOKEN;

    HttpResponse<String> response = running.call(Running.signPath(),
        withServer(s1Call(), fhir.url("/fhir").toString(), TOKEN).toString());

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode card = Running.json(response).path("cards").get(0);
    assertThat(card.path("detail").asText()).contains("OUT_OF_SCOPE_MODALITY", "OUT_OF_SCOPE_EXAMINATION");
    assertThat(fhir.asked).extracting(Loopback.Asked::path).containsExactlyInAnyOrder(
        "/fhir/Practitioner/prac-p", "/fhir/Patient/pat-1", "/fhir/Organization/org-ra1",
        "/fhir/Encounter/enc-msk-outpatient");
    assertThat(fhir.asked).allSatisfy(asked -> assertThat(asked.authorization()).isEqualTo("Bearer " + TOKEN));
  }

  @Test
  void answers412AndRecordsNothingWhenThereIsNeitherPrefetchNorFhirServer() {
    HttpResponse<String> response = running.call(Running.signPath(), s1Call().toString());

    assertThat(response.statusCode()).isEqualTo(412);
    assertThat(Running.json(response).path("message").asText()).contains("Practitioner/prac-p");
    assertThat(running.trail()).isEmpty();
  }

  @Test
  void answers412WhenTheFhirServerRefusesTheToken() {
    fhir.requiredToken = TOKEN;

    HttpResponse<String> response = running.call(Running.signPath(),
        withServer(s1Call(), fhir.url("/fhir").toString(), "another-token").toString());

    assertThat(response.statusCode()).isEqualTo(412);
    assertThat(running.trail()).isEmpty();
  }

  @Test
  void answers412AndRecordsNothingWhenTheFhirServerDoesNotHaveAResourceTheOrderNeeds() {
    try (Loopback partial = new Loopback()
        .serve("/fhir/Practitioner/prac-p", Fhir.practitioner("prac-p", "P").toString())
        .serve("/fhir/Organization/org-ra1", Fhir.organization("org-ra1", "RA1").toString())
        .serve("/fhir/Encounter/enc-msk-outpatient",
            Fhir.encounter("enc-msk-outpatient", "MSK_OUTPATIENT").toString())) {

      HttpResponse<String> response = running.call(Running.signPath(),
          withServer(s1Call(), partial.url("/fhir").toString(), TOKEN).toString());

      assertThat(response.statusCode()).isEqualTo(412);
      assertThat(Running.json(response).path("message").asText()).contains("Patient/pat-1")
          .doesNotContain("Practitioner/prac-p");
      assertThat(partial.asked).extracting(Loopback.Asked::path).contains("/fhir/Patient/pat-1");
      assertThat(running.trail()).isEmpty();
    }
  }

  @Test
  void answers412AndRecordsNothingWhenTheFhirServerCannotBeReached() {
    Loopback gone = new Loopback();
    String server = gone.url("/fhir").toString();
    gone.close();

    HttpResponse<String> response = running.call(Running.signPath(),
        withServer(s1Call(), server, TOKEN).toString());

    assertThat(response.statusCode()).isEqualTo(412);
    assertThat(Running.json(response).path("message").asText()).contains("Practitioner/prac-p");
    assertThat(running.trail()).isEmpty();
  }

  @Test
  void answers412WithoutCallingTheFhirServerWhenTheClientGaveNoFhirAuthorization() {
    ObjectNode call = withServer(s1Call(), fhir.url("/fhir").toString(), TOKEN);
    call.remove("fhirAuthorization");

    HttpResponse<String> response = running.call(Running.signPath(), call.toString());

    assertThat(response.statusCode()).isEqualTo(412);
    assertThat(fhir.asked).isEmpty();
    assertThat(running.trail()).isEmpty();
  }

  @Test
  void orderSelectAlsoReadsFromTheFhirServerAndRecordsNothing() {
    fhir.requiredToken = TOKEN;

    HttpResponse<String> response = running.call(Running.selectPath(), withServer(
        Running.hookCall("order-select", Running.newInstance(),
            Fhir.bundle(Running.order("sr-mri", "MLSPI", "prac-p", "MSK_OUTPATIENT")), null),
        fhir.url("/fhir").toString(), TOKEN).toString());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(Running.json(response).path("cards").get(0).path("indicator").asText()).isEqualTo("critical");
    assertThat(fhir.asked).hasSize(4);
    assertThat(running.trail()).isEmpty();
  }

  @Test
  void neverFetchesAReferenceOutsideTheClientsFhirServer() {
    try (Loopback elsewhere = new Loopback()) {
      elsewhere.serve("/Practitioner/prac-p", Fhir.practitioner("prac-p", "P").toString());
      ObjectNode order = Running.order("sr-mri", "MLSPI", "prac-p", "MSK_OUTPATIENT");
      order.putObject("requester").put("reference", elsewhere.url("/Practitioner/prac-p").toString());
      ObjectNode call = withServer(Running.hookCall("order-sign", Running.newInstance(), Fhir.bundle(order),
          null), fhir.url("/fhir").toString(), TOKEN);

      HttpResponse<String> response = running.call(Running.signPath(), call.toString());

      assertThat(response.statusCode()).isEqualTo(412);
      assertThat(elsewhere.asked).isEmpty();
    }
  }

  @Test
  void refusesAFhirAuthorizationWithoutAFhirServer() {
    ObjectNode call = withServer(s1Call(), fhir.url("/fhir").toString(), TOKEN);
    call.remove("fhirServer");

    HttpResponse<String> response = running.call(Running.signPath(), call.toString());

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(Running.json(response).path("field").asText()).isEqualTo("fhirAuthorization");
  }
}
