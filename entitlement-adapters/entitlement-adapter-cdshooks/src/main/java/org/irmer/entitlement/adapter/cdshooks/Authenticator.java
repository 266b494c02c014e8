package org.irmer.entitlement.adapter.cdshooks;

import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.irmer.entitlement.adapter.cdshooks.CdsHooksService.Issuer;

/**
 * The checks CDS Hooks 2.0 ("Trusting CDS Clients") asks of every call: a bearer JWT signed with
 * an asymmetric algorithm by a key of an allow-listed issuer (configured, or from the issuer's
 * allow-listed JWK Set URL, which a {@code jku} header may only name from that list), {@code aud}
 * naming the endpoint called, {@code exp} and {@code iat} current within {@link #CLOCK_SKEW},
 * {@code exp} at most {@link #MAX_LIFETIME} ahead (the specification says a client's tokens
 * SHOULD live no longer than five minutes; a longer one would outlive its replay protection), and
 * a {@code jti} never seen before from that issuer.
 *
 * <p>The {@code jti} is remembered only when every other check has passed, so a refused token
 * cannot spend the identifier of a genuine one.
 */
final class Authenticator {

  static final Duration CLOCK_SKEW = Duration.ofSeconds(30);
  static final Duration MAX_LIFETIME = Duration.ofMinutes(5);
  /** A bearer token longer than this is not a CDS Hooks JWT. */
  static final int MAX_TOKEN_CHARS = 16 * 1024;

  /** The algorithms the specification names (ES384, RS384) and their siblings; never HMAC or none. */
  private static final ImmutableSet<JWSAlgorithm> ALGORITHMS = ImmutableSet.of(JWSAlgorithm.ES256,
      JWSAlgorithm.ES384, JWSAlgorithm.ES512, JWSAlgorithm.RS256, JWSAlgorithm.RS384,
      JWSAlgorithm.RS512, JWSAlgorithm.PS256, JWSAlgorithm.PS384, JWSAlgorithm.PS512);

  /** Verifiers by key: making one converts the JWK to a Java key, which costs more than an RSA check. */
  private static final int MAX_KEPT_VERIFIERS = 1_000;

  private final java.util.concurrent.ConcurrentHashMap<JWK, JWSVerifier> verifiers =
      new java.util.concurrent.ConcurrentHashMap<>();
  private final ImmutableMap<String, Issuer> issuers;
  private final Jwks jwks;
  private final ReplayCache replays;
  private final Clock clock;

  Authenticator(Collection<Issuer> issuers, Jwks jwks, ReplayCache replays, Clock clock) {
    ImmutableMap.Builder<String, Issuer> byName = ImmutableMap.builder();
    issuers.forEach(issuer -> byName.put(issuer.name(), issuer));
    this.issuers = byName.buildOrThrow();
    this.jwks = jwks;
    this.replays = replays;
    this.clock = clock;
  }

  /** The outcome of the checks. */
  sealed interface Verdict permits Accepted, Rejected {}

  /** Every check passed; {@code issuer} is the token's {@code iss}. */
  record Accepted(String issuer) implements Verdict {}

  /**
   * A check failed. {@code reason} is one word for the audit trail and the answer; {@code client}
   * is the token's {@code iss} when it could be read, whether trusted or not.
   */
  record Rejected(int status, String reason, Optional<String> client) implements Verdict {}

  /**
   * Checks the {@code Authorization} header of a call to an endpoint whose URL is one of {@code
   * audiences}.
   */
  Verdict check(Optional<String> authorization, List<String> audiences) {
    if (authorization.isEmpty()) {
      return reject("missing-token", Optional.empty());
    }
    String header = authorization.get().strip();
    if (header.length() < 7 || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return reject("missing-token", Optional.empty());
    }
    String token = header.substring(7).strip();
    if (token.isEmpty() || token.length() > MAX_TOKEN_CHARS) {
      return reject("malformed-token", Optional.empty());
    }
    SignedJWT jwt;
    JWTClaimsSet claims;
    try {
      jwt = SignedJWT.parse(token);
      claims = jwt.getJWTClaimsSet();
    } catch (ParseException | RuntimeException unreadable) {
      return reject("malformed-token", Optional.empty());
    }
    Optional<String> iss = Optional.ofNullable(claims.getIssuer()).map(String::strip)
        .filter(name -> !name.isEmpty());
    JWSHeader jose = jwt.getHeader();
    if (!ALGORITHMS.contains(jose.getAlgorithm())) {
      return reject("unsupported-algorithm", iss);
    }
    Issuer issuer = iss.map(issuers::get).orElse(null);
    if (issuer == null) {
      return reject("unknown-issuer", iss);
    }
    Optional<String> keysProblem = verifySignature(jwt, issuer);
    if (keysProblem.isPresent()) {
      return reject(keysProblem.get(), iss);
    }
    List<String> audience = claims.getAudience();
    if (audience == null || audience.stream().noneMatch(audiences::contains)) {
      return reject("wrong-audience", iss);
    }
    Instant now = clock.instant();
    Date exp = claims.getExpirationTime();
    Date iat = claims.getIssueTime();
    if (exp == null || iat == null) {
      return reject("missing-time-claims", iss);
    }
    if (!exp.toInstant().plus(CLOCK_SKEW).isAfter(now)) {
      return reject("expired-token", iss);
    }
    if (iat.toInstant().minus(CLOCK_SKEW).isAfter(now)) {
      return reject("issued-in-future", iss);
    }
    if (exp.toInstant().isAfter(now.plus(MAX_LIFETIME).plus(CLOCK_SKEW))) {
      return reject("token-lifetime-too-long", iss);
    }
    String jti = claims.getJWTID();
    if (jti == null || jti.isBlank()) {
      return reject("missing-jti", iss);
    }
    switch (replays.admit(issuer.name(), jti, exp.toInstant().plus(CLOCK_SKEW), now)) {
      case REPLAYED:
        return reject("replayed-token", iss);
      case FULL:
        return new Rejected(503, "replay-cache-full", iss);
      default:
        return new Accepted(issuer.name());
    }
  }

  private static Rejected reject(String reason, Optional<String> client) {
    return new Rejected(401, reason, client);
  }

  /** Empty when the signature verifies with a key of {@code issuer}; otherwise why not. */
  private Optional<String> verifySignature(SignedJWT jwt, Issuer issuer) {
    JWSHeader jose = jwt.getHeader();
    URI jku = jose.getJWKURL();
    List<URI> sources = new ArrayList<>();
    if (jku != null) {
      if (!issuer.jwksUrls().contains(jku)) {
        return Optional.of("untrusted-jwks-url");
      }
      sources.add(jku);
    } else {
      sources.addAll(issuer.jwksUrls());
    }
    List<JWK> candidates = new ArrayList<>();
    if (jku == null) {
      issuer.keys().ifPresent(keys -> candidates.addAll(matching(keys, jose)));
    }
    boolean fetched = false;
    for (URI source : sources) {
      Optional<JWKSet> set = jwks.keys(source, false);
      List<JWK> found = set.map(keys -> matching(keys, jose)).orElse(List.of());
      if (found.isEmpty() && jose.getKeyID() != null) {
        set = jwks.keys(source, true);
        found = set.map(keys -> matching(keys, jose)).orElse(List.of());
      }
      fetched |= set.isPresent();
      candidates.addAll(found);
    }
    if (candidates.isEmpty()) {
      return Optional.of(!sources.isEmpty() && !fetched && issuer.keys().isEmpty()
          ? "jwks-unavailable" : "unknown-key");
    }
    for (JWK key : candidates) {
      if (verifies(jwt, key)) {
        return Optional.empty();
      }
    }
    return Optional.of("bad-signature");
  }

  /** The public keys of {@code keys} that could have made a signature with {@code jose}. */
  private static List<JWK> matching(JWKSet keys, JWSHeader jose) {
    List<JWK> matches = new ArrayList<>();
    String kid = jose.getKeyID();
    boolean elliptic = JWSAlgorithm.Family.EC.contains(jose.getAlgorithm());
    for (JWK key : keys.getKeys()) {
      if (key.isPrivate() && key.toPublicJWK() == null) {
        continue;
      }
      boolean kindFits = elliptic ? key instanceof ECKey : key instanceof RSAKey;
      boolean idFits = kid == null || kid.equals(key.getKeyID());
      boolean algorithmFits = key.getAlgorithm() == null || key.getAlgorithm().equals(jose.getAlgorithm());
      if (kindFits && idFits && algorithmFits) {
        matches.add(key);
      }
    }
    return matches;
  }

  private boolean verifies(SignedJWT jwt, JWK key) {
    try {
      JWSVerifier verifier = verifiers.get(key);
      if (verifier == null) {
        verifier = key instanceof ECKey ec
            ? new ECDSAVerifier(ec.toECPublicKey())
            : new RSASSAVerifier(((RSAKey) key).toRSAPublicKey());
        if (verifiers.size() >= MAX_KEPT_VERIFIERS) {
          verifiers.clear();
        }
        verifiers.put(key, verifier);
      }
      return jwt.verify(verifier);
    } catch (JOSEException | RuntimeException unusable) {
      return false;
    }
  }
}
