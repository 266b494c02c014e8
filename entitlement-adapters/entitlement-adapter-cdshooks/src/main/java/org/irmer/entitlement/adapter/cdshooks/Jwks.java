package org.irmer.entitlement.adapter.cdshooks;

import com.nimbusds.jose.jwk.JWKSet;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The JWK Sets of trusted CDS Clients, fetched from their allow-listed URLs and kept for {@link
 * #TIME_TO_LIVE} (CDS Hooks 2.0, "Trusting CDS Clients": a client MAY publish its keys at the
 * {@code jku} URL). A key id not found in a kept set fetches the set again, at most once every
 * {@link #REFETCH_INTERVAL} per URL, so a rotated key is found without letting forged key ids make
 * the service hammer the client.
 */
final class Jwks {

  static final Duration TIME_TO_LIVE = Duration.ofMinutes(5);
  static final Duration REFETCH_INTERVAL = Duration.ofSeconds(30);
  /** A JWK Set larger than this is refused: a key set is a few kilobytes. */
  static final int MAX_BYTES = 256 * 1024;

  private final HttpClient http;
  private final Duration timeout;
  private final Clock clock;
  private final ConcurrentHashMap<URI, Fetched> sets = new ConcurrentHashMap<>();

  Jwks(HttpClient http, Duration timeout, Clock clock) {
    this.http = http;
    this.timeout = timeout;
    this.clock = clock;
  }

  private record Fetched(JWKSet keys, Instant at) {}

  /**
   * The set at {@code url}, fetched again when it is older than {@link #TIME_TO_LIVE} or, with
   * {@code missingKey}, when it lacks the key wanted and was fetched more than {@link
   * #REFETCH_INTERVAL} ago; empty when it cannot be fetched or read.
   */
  Optional<JWKSet> keys(URI url, boolean missingKey) {
    Instant now = clock.instant();
    Fetched kept = sets.get(url);
    if (kept != null) {
      Duration age = Duration.between(kept.at(), now);
      boolean fresh = age.compareTo(TIME_TO_LIVE) < 0;
      boolean mayRefetch = age.compareTo(REFETCH_INTERVAL) >= 0;
      if (fresh && !(missingKey && mayRefetch)) {
        return Optional.of(kept.keys());
      }
    }
    Optional<JWKSet> fetched = fetch(url);
    fetched.ifPresent(keys -> sets.put(url, new Fetched(keys, now)));
    return fetched.or(() -> Optional.ofNullable(kept).map(Fetched::keys));
  }

  private Optional<JWKSet> fetch(URI url) {
    try {
      HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(url).timeout(timeout)
          .header("Accept", "application/json").GET().build(), HttpResponse.BodyHandlers.ofByteArray());
      if (response.statusCode() != 200 || response.body().length > MAX_BYTES) {
        return Optional.empty();
      }
      return Optional.of(JWKSet.parse(new String(response.body(), java.nio.charset.StandardCharsets.UTF_8)));
    } catch (IOException | ParseException | IllegalArgumentException unreadable) {
      return Optional.empty();
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }
}
