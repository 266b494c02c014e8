package org.irmer.entitlement.benchmarks;

import org.irmer.entitlement.core.domain.ReferralRequest;

/**
 * A general-purpose policy engine holding the same policies as the register, asked the same
 * requests. Peers decide allow or deny only: they do not explain.
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
