package org.irmer.entitlement.adapter.cdshooks;

import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The {@code jti} of every token accepted and not yet expired, so that each token is accepted once
 * (CDS Hooks 2.0, "Trusting CDS Clients": {@code jti} protects against replay). Bounded: past
 * {@code capacity} live entries a new token is refused until some expire, which fails closed
 * rather than forgetting a token that could then be replayed.
 */
final class ReplayCache {

  private final int capacity;
  private final ConcurrentHashMap<String, Instant> seen = new ConcurrentHashMap<>();

  ReplayCache(int capacity) {
    this.capacity = capacity;
  }

  enum Admission { FIRST_USE, REPLAYED, FULL }

  /** Remembers the token {@code issuer}/{@code jti}, kept until {@code expires}. */
  Admission admit(String issuer, String jti, Instant expires, Instant now) {
    if (seen.size() >= capacity) {
      forgetExpired(now);
      if (seen.size() >= capacity) {
        return Admission.FULL;
      }
    }
    Instant previous = seen.putIfAbsent(issuer.length() + ":" + issuer + jti, expires);
    return previous == null ? Admission.FIRST_USE : Admission.REPLAYED;
  }

  private void forgetExpired(Instant now) {
    for (Iterator<Map.Entry<String, Instant>> entries = seen.entrySet().iterator(); entries.hasNext(); ) {
      if (entries.next().getValue().isBefore(now)) {
        entries.remove();
      }
    }
  }

  int size() {
    return seen.size();
  }
}
