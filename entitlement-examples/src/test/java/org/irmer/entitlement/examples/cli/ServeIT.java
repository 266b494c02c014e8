package org.irmer.entitlement.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code entitlement serve}: the CDS Hooks service and the MLLP listener started over the sample
 * trust on free ports, an HL7 v2 order and a CDS Hooks order-sign answered over loopback, both
 * decisions in the audit trail once the process has been stopped; and the mistakes that start
 * nothing.
 */
class ServeIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String ISSUER = "https://ehr.serve-it.example";
  private static final String SETTING_SYSTEM = "https://serve-it.example/care-setting";
  private static final Duration STARTUP = Duration.ofSeconds(60);

  static final Path TEMPLATE = Register.sampleTrust();

  @TempDir
  Path work;

  Register register;

  @BeforeEach
  void copy() {
    register = Register.copyOf(TEMPLATE, work);
  }

  @Test
  void servesAnHl7OrderAndAnOrderSignAndRecordsBothDecisions() throws Exception {
    long trailBefore = trailSize();
    RSAKey key = new RSAKeyGenerator(2048).keyID("serve-it").generate();
    Path jwks = Files.writeString(work.resolve("ehr-jwks.json"),
        new JWKSet(key.toPublicJWK()).toString());
    Path settings = Files.writeString(work.resolve("settings.txt"), """
        # where the test's orders are made
        fhir       %s|ED   ED@HV-GENERAL
        hl7-class  E       ED
        """.formatted(SETTING_SYSTEM));
    Path err = work.resolve("serve-err.txt");

    Process serve = Tool.start(work, err, "serve", "--cds-port", "0", "--mllp-port", "0",
        "--trust", ISSUER + "=" + jwks, "--hl7-authority", "RHV", "--settings",
        settings.toString(), "--for", "60s");
    try {
      List<String> printed = untilReady(serve, err);
      URI services = URI.create(endpoint(printed, "cds-hooks"));
      String mllp = endpoint(printed, "mllp");
      assertThat(services.getHost()).isEqualTo("127.0.0.1");
      assertThat(mllp).startsWith("127.0.0.1:");

      String reply = overMllp(Integer.parseInt(mllp.substring(mllp.indexOf(':') + 1)),
          ankleOrder("SERVE-IT-1"));
      assertThat(segment(reply, "MSA")).as(reply).startsWith("MSA|AA|SERVE-IT-1");

      HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
      HttpResponse<String> discovery = http.send(HttpRequest.newBuilder(services)
          .timeout(Duration.ofSeconds(20))
          .header("Authorization", "Bearer " + token(key, services.toString())).GET().build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(discovery.statusCode()).as(discovery.body()).isEqualTo(200);
      assertThat(JSON.readTree(discovery.body()).path("services").findValuesAsText("id"))
          .contains("irmer-referrer-entitlement-select", "irmer-referrer-entitlement-sign");

      URI sign = URI.create(services + "/irmer-referrer-entitlement-sign");
      HttpResponse<String> signed = http.send(HttpRequest.newBuilder(sign)
          .timeout(Duration.ofSeconds(20))
          .header("Content-Type", "application/json")
          .header("Authorization", "Bearer " + token(key, sign.toString()))
          .POST(HttpRequest.BodyPublishers.ofString(kneeOrderSign().toString())).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(signed.statusCode()).as(signed.body()).isEqualTo(200);
      JsonNode cards = JSON.readTree(signed.body()).path("cards");
      assertThat(cards).hasSize(1);
      assertThat(cards.get(0).path("indicator").asText()).isEqualTo("critical");
      assertThat(cards.get(0).path("summary").asText())
          .isEqualTo("Not entitled to request X-ray knee right (XKNER)");
      assertThat(cards.get(0).path("detail").asText()).contains("`OUT_OF_SCOPE_EXAMINATION`");
    } finally {
      serve.destroy();
      assertThat(serve.waitFor(30, TimeUnit.SECONDS)).as("serve stops on SIGTERM").isTrue();
    }
    assertThat(Files.readString(err)).doesNotContain("Exception");
    assertThat(trailSize()).as("both decisions recorded").isEqualTo(trailBefore + 2);
  }

  @Test
  void withoutAnEndpointItIsAUsageErrorAndStartsNothing() {
    Tool.Result result = register.run("serve", "--for", "1s").expect(ExitCodes.USAGE);

    assertThat(result.err()).contains("give --cds-port, --mllp-port or both");
    assertThat(result.out()).doesNotContain("ready");
  }

  @Test
  void aCdsServiceWithoutATrustedClientIsAUsageError() {
    assertThat(register.run("serve", "--cds-port", "0").expect(ExitCodes.USAGE).err())
        .contains("at least one --trust <issuer>=<jwks>");
  }

  @Test
  void anUnreadableJwkSetIsBadDataNamingTheFile() throws IOException {
    Path jwks = Files.writeString(work.resolve("not-jwks.json"), "{\"keys\": 7}");

    assertThat(register.run("serve", "--cds-port", "0", "--trust", ISSUER + "=" + jwks)
        .expect(ExitCodes.DATA).err()).contains("the JWK Set " + jwks + " of " + ISSUER);
  }

  @Test
  void aBadSettingTableLineIsBadDataNamingFileAndLine() throws IOException {
    Path settings = Files.writeString(work.resolve("settings.txt"), "hl7-class E\n");

    assertThat(register.run("serve", "--mllp-port", "0", "--hl7-authority", "RHV", "--settings",
        settings.toString()).expect(ExitCodes.DATA).err())
        .contains(settings + " line 1: expected three fields");
  }

  @Test
  void aPortInUseIsReportedAndNothingServes() throws IOException {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      Tool.Result result = register.run("serve", "--mllp-port",
          Integer.toString(taken.getLocalPort()), "--hl7-authority", "RHV", "--for", "5s")
          .expect(ExitCodes.UNAVAILABLE);

      assertThat(result.err()).contains("the MLLP listener cannot listen on 127.0.0.1:"
          + taken.getLocalPort());
      assertThat(result.out()).doesNotContain("ready");
    }
  }

  private long trailSize() {
    return Register.json(register.run("verify-trail", "--json").expect(0).out()).get("size").asLong();
  }

  /** The lines serve prints up to {@code ready}, within {@link #STARTUP}. */
  private static List<String> untilReady(Process serve, Path err) throws Exception {
    List<String> lines = new ArrayList<>();
    BufferedReader out = new BufferedReader(new InputStreamReader(serve.getInputStream(),
        StandardCharsets.UTF_8));
    Instant deadline = Instant.now().plus(STARTUP);
    Thread reader = new Thread(() -> {
      try {
        for (String line = out.readLine(); line != null; line = out.readLine()) {
          synchronized (lines) {
            lines.add(line);
            lines.notifyAll();
          }
          if (line.equals("ready")) {
            return;
          }
        }
      } catch (IOException closed) {
        // The process ended; the wait below reports it.
      }
    }, "serve-output");
    reader.setDaemon(true);
    reader.start();
    synchronized (lines) {
      while (!lines.contains("ready") && Instant.now().isBefore(deadline) && serve.isAlive()) {
        lines.wait(200);
      }
      assertThat(lines).as("serve printed ready; stderr:%n%s", Files.readString(err))
          .contains("ready");
      return List.copyOf(lines);
    }
  }

  private static String endpoint(List<String> printed, String kind) {
    return printed.stream().filter(line -> line.startsWith(kind + " ")).findFirst()
        .map(line -> line.substring(kind.length() + 1))
        .orElseThrow(() -> new AssertionError("no " + kind + " line in " + printed));
  }

  /** An ORM^O01 from the sample trust's emergency department: Aisha Okafor asks for an ankle X-ray. */
  private static String ankleOrder(String controlId) {
    return String.join("\r",
        "MSH|^~\\&|ICE|RHV-ED|RIS|RHV|202612011000+0000||ORM^O01^ORM_O01|" + controlId + "|P|2.5.1",
        "PID|1||9990001^^^RHV^MR||TEST^PATIENT||19800615|M",
        "PV1|1|E|ED^^^HV-GENERAL",
        "ORC|NW|PLC-SERVE-1|||||^^^^^R||202612011000+0000|||HV-1001^OKAFOR^AISHA^^^^^^RHV",
        "OBR|1|PLC-SERVE-1||XANKR^X-ray ankle right^NICIP|||||||||Fall on outstretched foot|||"
            + "HV-1001^OKAFOR^AISHA^^^^^^RHV",
        "OBX|1|CE|82810-3^Pregnancy status^LN||LA26683-5^Not pregnant^LN||||||F") + "\r";
  }

  /** Sends {@code message} in MLLP framing (VT ... FS CR) and reads the framed reply. */
  private static String overMllp(int port, String message) throws IOException {
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
      socket.setSoTimeout(20_000);
      OutputStream out = socket.getOutputStream();
      out.write(0x0b);
      out.write(message.getBytes(StandardCharsets.UTF_8));
      out.write(new byte[] {0x1c, 0x0d});
      out.flush();
      InputStream in = socket.getInputStream();
      ByteArrayOutputStream reply = new ByteArrayOutputStream();
      int b = in.read();
      if (b != 0x0b) {
        throw new AssertionError("the reply does not start with VT: " + b);
      }
      for (b = in.read(); b != 0x1c; b = in.read()) {
        if (b < 0) {
          throw new AssertionError("the connection closed before the reply's end block");
        }
        reply.write(b);
      }
      return reply.toString(StandardCharsets.UTF_8);
    }
  }

  private static String segment(String message, String name) {
    return message.lines().flatMap(line -> List.of(line.split("\r")).stream())
        .filter(line -> line.startsWith(name + "|")).findFirst()
        .orElseThrow(() -> new AssertionError("no " + name + " in " + message));
  }

  /** An order-sign call: Aisha Okafor asks for a knee X-ray from the emergency department. */
  private static ObjectNode kneeOrderSign() {
    ObjectNode call = JSON.createObjectNode();
    call.put("hook", "order-sign");
    call.put("hookInstance", UUID.randomUUID().toString());
    ObjectNode context = call.putObject("context");
    context.put("userId", "Practitioner/prac-1");
    context.put("patientId", "pat-1");
    ObjectNode orders = context.putObject("draftOrders");
    orders.put("resourceType", "Bundle");
    orders.put("type", "collection");
    ObjectNode order = orders.putArray("entry").addObject().putObject("resource");
    order.put("resourceType", "ServiceRequest");
    order.put("id", "sr-knee");
    order.put("status", "draft");
    order.put("intent", "order");
    order.putObject("code").putArray("coding").addObject()
        .put("system", "http://www.nicip.org.uk").put("code", "XKNER");
    order.putObject("subject").put("reference", "Patient/pat-1");
    order.putObject("requester").put("reference", "Practitioner/prac-1");
    order.putArray("performer").addObject().put("reference", "Organization/org-rhv");
    order.putObject("encounter").put("reference", "Encounter/enc-ed");
    order.putArray("note").addObject().put("text", "Fall: fracture?");

    ObjectNode prefetch = call.putObject("prefetch");
    ObjectNode patient = prefetch.putObject("patient");
    patient.put("resourceType", "Patient").put("id", "pat-1").put("birthDate", "1980-06-15")
        .put("gender", "male");
    ObjectNode user = prefetch.putObject("user");
    user.put("resourceType", "Practitioner").put("id", "prac-1").putArray("identifier").addObject()
        .put("system", "https://irmer-entitlement.org/fhir/Id/person").put("value", "HV-1001");
    ObjectNode employer = prefetch.putObject("employer");
    employer.put("resourceType", "Organization").put("id", "org-rhv").putArray("identifier")
        .addObject().put("system", "https://fhir.nhs.uk/Id/ods-organization-code")
        .put("value", "RHV");
    ObjectNode encounter = prefetch.putObject("encounter");
    encounter.put("resourceType", "Encounter").put("id", "enc-ed").put("status", "in-progress");
    encounter.putObject("class").put("system", "http://terminology.hl7.org/CodeSystem/v3-ActCode")
        .put("code", "EMER");
    encounter.putArray("type").addObject().putArray("coding").addObject()
        .put("system", SETTING_SYSTEM).put("code", "ED");
    encounter.putObject("subject").put("reference", "Patient/pat-1");
    return call;
  }

  /** A JWT as a CDS client signs one for a call to {@code audience}: RS384, a minute, a new jti. */
  private static String token(RSAKey key, String audience) throws JOSEException {
    Instant now = Instant.now();
    SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS384).keyID(key.getKeyID())
        .build(), new JWTClaimsSet.Builder().issuer(ISSUER).subject("serve-it").audience(audience)
        .issueTime(Date.from(now)).expirationTime(Date.from(now.plus(Duration.ofMinutes(1))))
        .jwtID(UUID.randomUUID().toString()).build());
    jwt.sign(new RSASSASigner(key));
    return jwt.serialize();
  }
}
