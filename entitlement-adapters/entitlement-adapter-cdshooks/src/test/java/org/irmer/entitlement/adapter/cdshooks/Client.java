package org.irmer.entitlement.adapter.cdshooks;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;

/**
 * A CDS Client as the tests play it: an issuer with an ES384 or RS384 key pair, signing a fresh
 * JWT for each call as CDS Hooks 2.0 prescribes, and able to sign the wrong ones on purpose.
 */
final class Client {

  static final String ISS = "https://ehr.aldermoor.example";

  final String iss;
  final JWK key;
  final JWSAlgorithm algorithm;

  private Client(String iss, JWK key, JWSAlgorithm algorithm) {
    this.iss = iss;
    this.key = key;
    this.algorithm = algorithm;
  }

  static Client es384(String iss) {
    try {
      return new Client(iss, new ECKeyGenerator(Curve.P_384).keyID("ec-" + UUID.randomUUID()).generate(),
          JWSAlgorithm.ES384);
    } catch (JOSEException impossible) {
      throw new AssertionError(impossible);
    }
  }

  static Client rs384(String iss) {
    try {
      return new Client(iss, new RSAKeyGenerator(2048).keyID("rsa-" + UUID.randomUUID()).generate(),
          JWSAlgorithm.RS384);
    } catch (JOSEException impossible) {
      throw new AssertionError(impossible);
    }
  }

  /** The public JWK Set, as the client publishes it. */
  String publicJwks() {
    return new JWKSet(key.toPublicJWK()).toString();
  }

  /** A JWT for a call to {@code audience} issued at {@code now}, valid for a minute, new jti. */
  String token(String audience, Instant now) {
    return sign(claims(audience, now).build(), null);
  }

  JWTClaimsSet.Builder claims(String audience, Instant now) {
    return new JWTClaimsSet.Builder()
        .issuer(iss)
        .subject("client-" + iss.length())
        .audience(audience)
        .issueTime(Date.from(now))
        .expirationTime(Date.from(now.plus(Duration.ofMinutes(1))))
        .jwtID(UUID.randomUUID().toString());
  }

  /** {@code claims} signed with this client's key, with {@code jku} in the header when given. */
  String sign(JWTClaimsSet claims, URI jku) {
    try {
      JWSHeader header = new JWSHeader.Builder(algorithm).keyID(key.getKeyID()).jwkURL(jku).build();
      SignedJWT jwt = new SignedJWT(header, claims);
      JWSSigner signer = key instanceof ECKey ec ? new ECDSASigner(ec) : new RSASSASigner((RSAKey) key);
      jwt.sign(signer);
      return jwt.serialize();
    } catch (JOSEException impossible) {
      throw new AssertionError(impossible);
    }
  }

  /** {@code claims} signed with HMAC under {@code secret}, which the service must never accept. */
  static String hmac(JWTClaimsSet claims, byte[] secret) {
    try {
      SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
      jwt.sign(new MACSigner(secret));
      return jwt.serialize();
    } catch (JOSEException impossible) {
      throw new AssertionError(impossible);
    }
  }
}
