package org.irmer.entitlement.benchmarks;

import org.irmer.entitlement.core.domain.ReferralRequest;

/**
 * Another engine holding the same policies as the register, asked the same requests: a
 * general-purpose policy engine ({@link JcasbinEngine}, {@link CedarEngine}) or the plain-Java floor
 * ({@link FloorEngine}). They decide allow or deny only: they do not explain. {@link Agreement}
 * holds each of them to our engine before anything is timed.
 */
interface PeerEngine {

  String name();

  /**
   * Whether the engine allows the request.
   *
   * @throws IllegalStateException when the engine reports an evaluation error, or was not built for
   *     the request's referrer: a peer never turns a problem into a quiet denial
   */
  boolean allows(ReferralRequest request);
}
