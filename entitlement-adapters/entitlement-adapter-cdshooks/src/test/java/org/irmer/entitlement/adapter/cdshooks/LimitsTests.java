package org.irmer.entitlement.adapter.cdshooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.irmer.entitlement.adapter.cdshooks.CdsHooksService.Handler;
import org.irmer.entitlement.adapter.cdshooks.CdsHooksService.Issuer;
import org.irmer.entitlement.adapter.cdshooks.CdsHooksService.Request;
import org.irmer.entitlement.adapter.cdshooks.CdsHooksService.Response;
import org.irmer.entitlement.rules.wiring.EntitlementRegister;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the service refuses before it reads a request (size, route, method), what it refuses while
 * reading one (400 naming the field), TLS, and the handler mounted without the embedded server.
 */
class LimitsTests {

  private static final String SIGN = Running.signPath();

  @Test
  void refusesABodyLargerThanTheCapWithoutAuthenticatingOrRecording() {
    try (Running running = new Running(builder -> builder.maxRequestBytes(2048))) {
      String big = "{\"hook\":\"order-sign\",\"padding\":\"" + "x".repeat(4096) + "\"}";

      HttpResponse<String> response = running.call(SIGN, big);

      assertThat(response.statusCode()).isEqualTo(413);
      assertThat(running.trail()).isEmpty();
    }
  }

  @Test
  void answers404ForAnUnknownServiceOrPathAnd405ForTheWrongMethod() {
    try (Running running = new Running()) {
      assertThat(running.call("/cds-services/no-such-service", "{}").statusCode()).isEqualTo(404);
      assertThat(running.call(SIGN + "/feedback/more", "{}").statusCode()).isEqualTo(404);
      assertThat(running.call("/elsewhere", "{}").statusCode()).isEqualTo(404);
      HttpResponse<String> get = running.get(SIGN, running.client.token(running.audience(SIGN), Trust.NOW));
      assertThat(get.statusCode()).isEqualTo(405);
      assertThat(get.headers().firstValue("Allow")).contains("POST");
      HttpResponse<String> post = running.call("/cds-services", "{}");
      assertThat(post.statusCode()).isEqualTo(405);
      assertThat(post.headers().firstValue("Allow")).contains("GET");
      assertThat(running.trail()).isEmpty();
    }
  }

  @Test
  void refusesBadRequestsNamingTheField() {
    try (Running running = new Running()) {
      ObjectNode good = Running.hookCall("order-sign", Running.newInstance(),
          Fhir.bundle(Running.order("sr-1", "XANKR", "prac-e", "ED")), Running.fullPrefetch());
      assertField(running.call(SIGN, "{not json"), "$");
      assertField(running.call(SIGN, "[]"), "$");
      assertField(running.call(SIGN, ""), "$");
      ObjectNode noHook = good.deepCopy();
      noHook.remove("hook");
      assertField(running.call(SIGN, noHook.toString()), "hook");
      assertField(running.call(SIGN, good.deepCopy().put("hook", "order-select").toString()), "hook");
      assertField(running.call(SIGN, good.deepCopy().put("hookInstance", " ").toString()), "hookInstance");
      ObjectNode noOrders = good.deepCopy();
      ((ObjectNode) noOrders.get("context")).remove("draftOrders");
      assertField(running.call(SIGN, noOrders.toString()), "context.draftOrders");
      ObjectNode notABundle = good.deepCopy();
      ((ObjectNode) notABundle.get("context")).putObject("draftOrders").put("resourceType", "Patient");
      assertField(running.call(SIGN, notABundle.toString()), "context.draftOrders");
      ObjectNode badPrefetch = good.deepCopy();
      ((ObjectNode) badPrefetch.get("prefetch")).put("patient", 42);
      assertField(running.call(SIGN, badPrefetch.toString()), "prefetch.patient");
      assertField(running.call(SIGN, good.deepCopy().put("fhirServer", "ftp://x.example").toString()),
          "fhirServer");
      assertThat(running.trail()).isEmpty();
    }
  }

  private static void assertField(HttpResponse<String> response, String field) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
    assertThat(Running.json(response).path("field").asText()).isEqualTo(field);
  }

  @Test
  void theHandlerServesAVendorsOwnServerUnderItsBaseUrl() {
    Trust trust = new Trust();
    Client client = Client.es384(Client.ISS);
    Clock clock = Clock.fixed(Trust.NOW, ZoneOffset.UTC);
    try (EntitlementRegister register = EntitlementRegister.over(trust.register).clock(clock).open()) {
      Handler handler = CdsHooksService.over(register, Fhir.ORDERS)
          .baseUrl(URI.create("https://cds.aldermoor.example/decision-support"))
          .trust(Issuer.named(client.iss).keys(client.publicJwks()))
          .clock(clock)
          .handler();
      String token = client.token("https://cds.aldermoor.example/decision-support" + SIGN, Trust.NOW);
      byte[] body = Running.hookCall("order-sign", Running.newInstance(),
          Fhir.bundle(Running.order("sr-1", "XKNER", "prac-e", "ED")), Running.fullPrefetch()).toString()
          .getBytes(StandardCharsets.UTF_8);

      Response response = handler.handle(new Request("POST", "/decision-support" + SIGN,
          Map.of("authorization", List.of("Bearer " + token)), body));

      assertThat(response.status()).isEqualTo(200);
      assertThat(response.text()).contains("critical", "OUT_OF_SCOPE_EXAMINATION");
      assertThat(handler.handle(new Request("POST", SIGN, Map.of(), body)).status()).isEqualTo(404);
    }
  }

  @Test
  void servesHttpsWithAKeyStoreGeneratedByKeytool(@TempDir Path folder) throws Exception {
    Path keyStore = folder.resolve("cds.p12");
    char[] password = "changeit-cds".toCharArray();
    keytool(keyStore, new String(password));
    try (Running running = new Running(builder -> builder.keyStore(keyStore, password))) {
      assertThat(running.service.baseUrl().getScheme()).isEqualTo("https");
      KeyStore trusted = KeyStore.getInstance(keyStore.toFile(), password);
      TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      trust.init(trusted);
      SSLContext tls = SSLContext.getInstance("TLS");
      tls.init(null, trust.getTrustManagers(), null);
      HttpClient https = HttpClient.newBuilder().sslContext(tls).build();
      String token = running.client.token(running.audience("/cds-services"), Trust.NOW);

      HttpResponse<String> response = https.send(HttpRequest.newBuilder(URI.create(running.url("/cds-services")))
          .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());

      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.body()).contains("order-sign");
      URI plain = URI.create(running.url("/cds-services").replace("https:", "http:"));
      assertThatThrownBy(() -> HttpClient.newHttpClient().send(HttpRequest.newBuilder(plain).GET().build(),
          HttpResponse.BodyHandlers.ofString())).isInstanceOf(IOException.class);
    }
  }

  private static void keytool(Path keyStore, String password) throws Exception {
    Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
    Process process = new ProcessBuilder(keytool.toString(), "-genkeypair", "-alias", "cds",
        "-keyalg", "EC", "-groupname", "secp384r1", "-sigalg", "SHA384withECDSA", "-validity", "2",
        "-dname", "CN=localhost", "-ext", "san=ip:127.0.0.1,dns:localhost",
        "-storetype", "PKCS12", "-keystore", keyStore.toString(),
        "-storepass", password, "-keypass", password)
        .redirectErrorStream(true).start();
    String output;
    try (InputStream out = process.getInputStream()) {
      output = new String(out.readAllBytes(), StandardCharsets.UTF_8);
    }
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as(output).isZero();
    assertThat(Files.size(keyStore)).isPositive();
  }
}
