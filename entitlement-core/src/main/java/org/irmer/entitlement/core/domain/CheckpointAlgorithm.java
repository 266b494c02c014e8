package org.irmer.entitlement.core.domain;

/**
 * How an audit checkpoint is signed. Both come with every Java platform (JDK 15 and later for
 * Ed25519, RFC 8032; HMAC-SHA256 is RFC 2104 over FIPS 180-4).
 */
public enum CheckpointAlgorithm {
  /**
   * An Ed25519 signature: the trust keeps the private key, and anyone given the public key can
   * verify a checkpoint without being able to issue one.
   */
  ED25519,
  /** An HMAC-SHA256 tag: whoever verifies needs the same secret as whoever issues. */
  HMAC_SHA256
}
