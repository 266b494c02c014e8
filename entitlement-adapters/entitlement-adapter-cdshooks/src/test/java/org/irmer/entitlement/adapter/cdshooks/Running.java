package org.irmer.entitlement.adapter.cdshooks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.irmer.entitlement.adapter.cdshooks.CdsHooksService.Issuer;
import org.irmer.entitlement.core.domain.AuditTrailEntry;
import org.irmer.entitlement.rules.wiring.EntitlementRegister;

/**
 * The service running on loopback over the test {@link Trust}, its clock at {@link Trust#NOW},
 * trusting {@link #client} (ES384, keys configured), with an HTTP client to call it.
 */
final class Running implements AutoCloseable {

  final Trust trust = new Trust();
  final Client client = Client.es384(Client.ISS);
  final EntitlementRegister register;
  final CdsHooksService service;
  final HttpClient http = HttpClient.newHttpClient();
  final Clock clock = Clock.fixed(Trust.NOW, ZoneOffset.UTC);

  Running() {
    this(builder -> builder);
  }

  Running(UnaryOperator<CdsHooksService.Builder> options) {
    register = EntitlementRegister.over(trust.register).clock(clock).open();
    service = options.apply(CdsHooksService.over(register, Fhir.ORDERS)
        .clock(clock)
        .trust(Issuer.named(client.iss).keys(client.publicJwks()))).start();
  }

  String url(String path) {
    return service.baseUrl() + path;
  }

  /** The audience of a call to {@code path}. */
  String audience(String path) {
    return url(path);
  }

  HttpResponse<String> get(String path, String token) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(path))).GET();
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return send(request.build());
  }

  HttpResponse<String> post(String path, String body, String token) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(path)))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return send(request.build());
  }

  /** A call to {@code path} with a fresh, valid token for it. */
  HttpResponse<String> call(String path, String body) {
    return post(path, body, client.token(audience(path), Trust.NOW));
  }

  HttpResponse<String> send(HttpRequest request) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException failed) {
      throw new UncheckedIOException(failed);
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      throw new AssertionError(interrupted);
    }
  }

  List<AuditTrailEntry> trail() {
    return trust.register.auditTrail().read(1, 10_000);
  }

  static String signPath() {
    return "/cds-services/" + CdsHooksService.ORDER_SIGN_ID;
  }

  static String selectPath() {
    return "/cds-services/" + CdsHooksService.ORDER_SELECT_ID;
  }

  /**
   * A hook call for {@code hook} on the draft orders {@code orders}, the patient, practitioners and
   * organisation given in {@code prefetch} (or not, when it is null).
   */
  static ObjectNode hookCall(String hook, String hookInstance, ObjectNode orders, ObjectNode prefetch) {
    ObjectNode call = Fhir.JSON.createObjectNode();
    call.put("hook", hook);
    call.put("hookInstance", hookInstance);
    ObjectNode context = call.putObject("context");
    context.put("userId", "Practitioner/prac-p");
    context.put("patientId", "pat-1");
    context.set("draftOrders", orders);
    if (prefetch != null) {
      call.set("prefetch", prefetch);
    }
    return call;
  }

  /** The prefetch a client would send: patient, both practitioners and the imaging employer. */
  static ObjectNode fullPrefetch() {
    ObjectNode prefetch = Fhir.JSON.createObjectNode();
    prefetch.set("patient", Fhir.patient("pat-1", "1980-05-05", "male"));
    prefetch.set("user", Fhir.practitioner("prac-p", "P"));
    prefetch.set("colleague", Fhir.practitioner("prac-e", "E"));
    prefetch.set("employer", Fhir.organization("org-ra1", "RA1"));
    prefetch.set("encounter", Fhir.encounter("enc-msk-outpatient", "MSK_OUTPATIENT"));
    prefetch.set("emergency", Fhir.encounter("enc-ed", "ED"));
    return prefetch;
  }

  static ObjectNode order(String id, String exam, String practitioner, String setting) {
    return Fhir.serviceRequest(id, exam, "Practitioner/" + practitioner, "Patient/pat-1",
        "Organization/org-ra1", "Encounter/enc-" + setting.toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
  }

  static String newInstance() {
    return UUID.randomUUID().toString();
  }

  static JsonNode json(HttpResponse<String> response) {
    try {
      return Fhir.JSON.readTree(response.body());
    } catch (IOException unreadable) {
      throw new AssertionError("not JSON: " + response.body(), unreadable);
    }
  }

  @Override
  public void close() {
    service.close();
    register.close();
  }
}
