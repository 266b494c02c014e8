package org.irmer.entitlement.adapter.cdshooks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The FHIR resources one hook call may read beyond its draft orders: those the client prefetched
 * and, for the rest, those fetched from the client's {@code fhirServer} with the {@code
 * fhirAuthorization} bearer token (CDS Hooks 2.0, "Providing FHIR Resources to a CDS Service" and
 * "FHIR Resource Access").
 *
 * <p>The FHIR server is used only when the client gave both {@code fhirServer} and {@code
 * fhirAuthorization} ("If the CDS Client provides both fhirServer and fhirAuthorization request
 * parameters, the CDS Service MAY use the FHIR server"): a call with a server and no token fetches
 * nothing. Only references on the client's own FHIR server are fetched: a relative reference ({@code
 * Patient/123}) or an absolute one under {@code fhirServer}. Any other URL is never fetched, so a
 * request cannot make the service call arbitrary addresses. Each reference is fetched at most once
 * per call, and at most {@link #MAX_FETCHES} are fetched. Whatever could not be had is named in
 * {@link #unresolved()}, which lets the service answer 412 when the orders it could not read needed
 * it.
 */
final class FhirData {

  static final int MAX_FETCHES = 16;
  static final int MAX_RESOURCE_BYTES = 1024 * 1024;

  private final Map<String, JsonNode> prefetched;
  private final Optional<URI> fhirServer;
  private final Optional<String> accessToken;
  private final HttpClient http;
  private final Duration timeout;
  private final ObjectMapper json;
  private final Map<String, Optional<JsonNode>> fetched = new HashMap<>();
  private final Set<String> unresolved = new LinkedHashSet<>();

  FhirData(Iterable<JsonNode> prefetch, Optional<URI> fhirServer, Optional<String> accessToken,
      HttpClient http, Duration timeout, ObjectMapper json) {
    this.prefetched = new java.util.LinkedHashMap<>();
    for (JsonNode resource : prefetch) {
      index(resource);
    }
    this.fhirServer = fhirServer;
    this.accessToken = accessToken;
    this.http = http;
    this.timeout = timeout;
    this.json = json;
  }

  private void index(JsonNode resource) {
    String type = resource.path("resourceType").asText("");
    if (type.equals("Bundle")) {
      for (JsonNode entry : resource.path("entry")) {
        if (entry.path("resource").isObject()) {
          index(entry.path("resource"));
        }
      }
    } else if (!type.isEmpty() && resource.path("id").isTextual()) {
      prefetched.putIfAbsent(type + "/" + resource.path("id").asText(), resource);
    }
  }

  /** The resource {@code reference} names, prefetched or fetched; empty when it cannot be had. */
  synchronized Optional<JsonNode> resolve(String reference) {
    Optional<String> key = relative(reference);
    if (key.isEmpty()) {
      unresolved.add(reference);
      return Optional.empty();
    }
    JsonNode kept = prefetched.get(key.get());
    if (kept != null) {
      return Optional.of(kept);
    }
    Optional<JsonNode> resource = fetched.computeIfAbsent(key.get(), this::fetch);
    if (resource.isEmpty()) {
      unresolved.add(key.get());
    }
    return resource;
  }

  /** {@code Type/id} for a reference on the client's server; empty for any other. */
  private Optional<String> relative(String reference) {
    String candidate = reference;
    if (fhirServer.isPresent()) {
      String base = fhirServer.get().toString().replaceAll("/+$", "") + "/";
      if (candidate.startsWith(base)) {
        candidate = candidate.substring(base.length());
      }
    }
    int history = candidate.indexOf("/_history/");
    if (history > 0) {
      candidate = candidate.substring(0, history);
    }
    return candidate.matches("[A-Z][A-Za-z]{1,63}/[A-Za-z0-9\\-.]{1,64}")
        ? Optional.of(candidate) : Optional.empty();
  }

  private Optional<JsonNode> fetch(String relative) {
    if (fhirServer.isEmpty() || accessToken.isEmpty() || fetched.size() >= MAX_FETCHES) {
      return Optional.empty();
    }
    URI url = URI.create(fhirServer.get().toString().replaceAll("/+$", "") + "/" + relative);
    HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(timeout)
        .header("Accept", "application/fhir+json").GET();
    request.header("Authorization", "Bearer " + accessToken.get());
    try {
      HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
      if (response.statusCode() != 200 || response.body().length > MAX_RESOURCE_BYTES) {
        return Optional.empty();
      }
      JsonNode resource = json.readTree(new String(response.body(), StandardCharsets.UTF_8));
      return resource != null && resource.isObject()
          && relative.startsWith(resource.path("resourceType").asText("?") + "/")
          ? Optional.of(resource) : Optional.empty();
    } catch (IOException | IllegalArgumentException unavailable) {
      return Optional.empty();
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }

  /** The prefetched resources of {@code type}, those in prefetched Bundles included. */
  synchronized List<JsonNode> prefetched(String type) {
    List<JsonNode> found = new ArrayList<>();
    prefetched.forEach((key, resource) -> {
      if (key.startsWith(type + "/")) {
        found.add(resource);
      }
    });
    return found;
  }

  /** The references asked for that could not be had, in the order they were asked for. */
  synchronized List<String> unresolved() {
    return new ArrayList<>(unresolved);
  }
}
