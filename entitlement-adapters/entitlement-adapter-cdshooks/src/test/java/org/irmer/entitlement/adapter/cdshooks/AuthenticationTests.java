package org.irmer.entitlement.adapter.cdshooks;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.JWTClaimsSet;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.irmer.entitlement.adapter.cdshooks.CdsHooksService.Issuer;
import org.irmer.entitlement.core.domain.AuditTrailEntry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The JWT checks of CDS Hooks 2.0, "Trusting CDS Clients", over real HTTP: a refused call is
 * answered 401, nothing is evaluated, and only a security rejection is recorded.
 */
class AuthenticationTests {

  private final Running running = new Running();
  private final String sign = Running.signPath();
  private final String body = Running.hookCall("order-sign", Running.newInstance(),
      Fhir.bundle(Running.order("sr-1", "XKNER", "prac-e", "ED")), Running.fullPrefetch()).toString();

  @AfterEach
  void stop() {
    running.close();
  }

  @Test
  void acceptsAnEs384TokenForTheServiceCalled() {
    HttpResponse<String> response = running.call(sign, body);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(actions()).containsExactly("check-referral");
  }

  @Test
  void acceptsAnRs384TokenFromAnIssuerWhoseKeysAreAtAnAllowListedJwksUrl() {
    Client rsa = Client.rs384("https://ris.example");
    try (Loopback jwks = new Loopback(); Running withJwks = new Running(builder -> builder
        .trust(Issuer.named(rsa.iss).jwks(URI.create("http://127.0.0.1:1/unused"))))) {
      jwks.serve("/jwks.json", rsa.publicJwks());
      // The issuer's JWK Set URL is only known once the loopback server has its port.
      try (Running trusting = new Running(builder -> builder
          .trust(Issuer.named(rsa.iss).jwks(jwks.url("/jwks.json"))))) {
        String token = rsa.sign(rsa.claims(trusting.audience(sign), Trust.NOW).build(),
            jwks.url("/jwks.json"));
        HttpResponse<String> response = trusting.post(sign, body, token);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(jwks.asked).extracting(Loopback.Asked::path).containsExactly("/jwks.json");
      }
      assertThat(withJwks.trail()).isEmpty();
    }
  }

  @Test
  void refusesACallWithoutAToken() {
    assertRefused(running.post(sign, body, null), "missing-token");
  }

  @Test
  void refusesATokenSignedWithAnotherKey() {
    Client forger = Client.es384(Client.ISS);

    assertRefused(running.post(sign, body, forger.token(running.audience(sign), Trust.NOW)),
        "unknown-key");
  }

  @Test
  void refusesATokenWhoseSignatureWasMadeWithAnotherKeyUnderTheTrustedKeyId() {
    Client forger = Client.es384(Client.ISS);
    String genuine = running.client.token(running.audience(sign), Trust.NOW);
    String forged = forger.token(running.audience(sign), Trust.NOW);
    String[] parts = genuine.split("\\.");
    String[] forgedParts = forged.split("\\.");

    assertRefused(running.post(sign, body, parts[0] + "." + forgedParts[1] + "." + parts[2]),
        "bad-signature");
  }

  @Test
  void refusesAnHmacTokenEvenWithThePublicKeyAsSecret() {
    JWTClaimsSet claims = running.client.claims(running.audience(sign), Trust.NOW).build();
    String token = Client.hmac(claims, running.client.publicJwks().getBytes(java.nio.charset.StandardCharsets.UTF_8));

    assertRefused(running.post(sign, body, token), "unsupported-algorithm");
  }

  @Test
  void refusesAnExpiredToken() {
    JWTClaimsSet claims = running.client.claims(running.audience(sign), Trust.NOW.minusSeconds(300))
        .expirationTime(Date.from(Trust.NOW.minusSeconds(31))).build();

    assertRefused(running.post(sign, body, running.client.sign(claims, null)), "expired-token");
  }

  @Test
  void acceptsATokenThatExpiredWithinTheClockSkew() {
    JWTClaimsSet claims = running.client.claims(running.audience(sign), Trust.NOW.minusSeconds(60))
        .expirationTime(Date.from(Trust.NOW.minusSeconds(29))).build();

    assertThat(running.post(sign, body, running.client.sign(claims, null)).statusCode()).isEqualTo(200);
  }

  @Test
  void refusesATokenIssuedInTheFuture() {
    JWTClaimsSet claims = running.client.claims(running.audience(sign), Trust.NOW.plusSeconds(60)).build();

    assertRefused(running.post(sign, body, running.client.sign(claims, null)), "issued-in-future");
  }

  @Test
  void refusesATokenLivingLongerThanTheReplayCacheKeepsItsJti() {
    JWTClaimsSet claims = running.client.claims(running.audience(sign), Trust.NOW)
        .expirationTime(Date.from(Trust.NOW.plus(Duration.ofHours(1)))).build();

    assertRefused(running.post(sign, body, running.client.sign(claims, null)), "token-lifetime-too-long");
  }

  @Test
  void refusesATokenForAnotherAudience() {
    String token = running.client.token(running.audience(Running.selectPath()), Trust.NOW);

    assertRefused(running.post(sign, body, token), "wrong-audience");
  }

  @Test
  void refusesATokenForTheSameServiceAtAnotherHost() {
    String token = running.client.token("https://elsewhere.example" + sign, Trust.NOW);

    assertRefused(running.post(sign, body, token), "wrong-audience");
  }

  @Test
  void refusesATokenFromAnUnknownIssuer() {
    Client stranger = Client.es384("https://stranger.example");

    assertRefused(running.post(sign, body, stranger.token(running.audience(sign), Trust.NOW)),
        "unknown-issuer");
  }

  @Test
  void refusesAReplayedToken() {
    String token = running.client.token(running.audience(sign), Trust.NOW);
    assertThat(running.post(sign, body, token).statusCode()).isEqualTo(200);
    int recorded = running.trail().size();

    HttpResponse<String> replayed = running.post(sign, body, token);

    assertThat(replayed.statusCode()).isEqualTo(401);
    assertThat(Running.json(replayed).path("error").asText()).isEqualTo("replayed-token");
    List<AuditTrailEntry> after = running.trail().subList(recorded, running.trail().size());
    assertThat(after).extracting(entry -> entry.event().action()).containsExactly("security-rejection");
  }

  @Test
  void aRefusedTokenDoesNotSpendItsJti() {
    JWTClaimsSet genuine = running.client.claims(running.audience(sign), Trust.NOW).build();
    JWTClaimsSet wrongAudience = new JWTClaimsSet.Builder(genuine).audience("https://elsewhere.example").build();

    assertThat(running.post(sign, body, running.client.sign(wrongAudience, null)).statusCode()).isEqualTo(401);
    assertThat(running.post(sign, body, running.client.sign(genuine, null)).statusCode()).isEqualTo(200);
  }

  @Test
  void refusesATokenMissingItsJti() {
    JWTClaimsSet claims = new JWTClaimsSet.Builder(running.client.claims(running.audience(sign), Trust.NOW)
        .build()).jwtID(null).build();

    assertRefused(running.post(sign, body, running.client.sign(claims, null)), "missing-jti");
  }

  @Test
  void followsAJkuOnlyToAnAllowListedUrl() {
    try (Loopback attacker = new Loopback()) {
      Client forger = Client.es384(Client.ISS);
      attacker.serve("/jwks.json", forger.publicJwks());
      String token = forger.sign(forger.claims(running.audience(sign), Trust.NOW).build(),
          attacker.url("/jwks.json"));

      assertRefused(running.post(sign, body, token), "untrusted-jwks-url");
      assertThat(attacker.asked).isEmpty();
    }
  }

  @Test
  void refusesADiscoveryCallWithoutATokenAndAcceptsOneForTheDiscoveryUrl() {
    assertThat(running.get("/cds-services", null).statusCode()).isEqualTo(401);
    String token = running.client.token(running.audience("/cds-services"), Trust.NOW);

    assertThat(running.get("/cds-services", token).statusCode()).isEqualTo(200);
  }

  @Test
  void refusesAGarbledToken() {
    assertRefused(running.post(sign, body, "not.a.jwt"), "malformed-token");
  }

  private void assertRefused(HttpResponse<String> response, String reason) {
    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
        value -> assertThat(value).startsWith("Bearer"));
    assertThat(Running.json(response).path("error").asText()).isEqualTo(reason);
    List<AuditTrailEntry> trail = running.trail();
    assertThat(trail).extracting(entry -> entry.event().action()).containsExactly("security-rejection");
    assertThat(trail.get(0).event().result()).isEqualTo(reason);
    assertThat(trail.get(0).event().subject()).isEqualTo(running.audience(sign));
    assertThat(running.trust.register.complianceEvents()).isNotNull();
  }

  private List<String> actions() {
    return running.trail().stream().map(entry -> entry.event().action()).toList();
  }

  @SuppressWarnings("unused")
  private static Instant now() {
    return Trust.NOW;
  }
}
