package org.irmer.entitlement.adapter.cdshooks;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The parts of a CDS Hooks 2.0 request ("Calling a CDS Service") that the service reads, each
 * checked before anything is evaluated: {@code hook} (the service's own), {@code hookInstance},
 * {@code fhirServer} and {@code fhirAuthorization} (a bearer token, only with a server: rule
 * cds-r-1), {@code context} with {@code userId}, {@code patientId} and a {@code draftOrders}
 * Bundle, and {@code prefetch} (each value a resource or null).
 */
record HookCall(String hook, String hookInstance, Optional<URI> fhirServer,
    Optional<String> accessToken, String userId, String patientId, JsonNode draftOrders,
    List<JsonNode> prefetch) {

  /** A hook instance is a UUID, possibly as a URN; anything like an identifier is accepted. */
  private static final Pattern INSTANCE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:\\-]{0,127}");
  private static final Pattern REFERENCE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9/._:\\-]{0,255}");
  private static final int MAX_PREFETCH = 32;

  static HookCall read(JsonNode body, String expectedHook) throws BadRequest {
    if (body == null || !body.isObject()) {
      throw BadRequest.at("$", "the request body must be a JSON object");
    }
    String hook = text(body, "hook", "hook");
    if (!hook.equals(expectedHook)) {
      throw BadRequest.at("hook", "this service answers the " + expectedHook + " hook");
    }
    String instance = text(body, "hookInstance", "hookInstance");
    if (!INSTANCE.matcher(instance).matches()) {
      throw BadRequest.at("hookInstance", "must be a UUID");
    }
    Optional<URI> server = Optional.empty();
    JsonNode serverNode = body.get("fhirServer");
    if (serverNode != null && !serverNode.isNull()) {
      server = Optional.of(url(serverNode));
    }
    Optional<String> token = Optional.empty();
    JsonNode authorization = body.get("fhirAuthorization");
    if (authorization != null && !authorization.isNull()) {
      if (!authorization.isObject()) {
        throw BadRequest.at("fhirAuthorization", "must be an object");
      }
      if (server.isEmpty()) {
        throw BadRequest.at("fhirAuthorization", "is given without a fhirServer");
      }
      String type = text(authorization, "token_type", "fhirAuthorization.token_type");
      if (!type.equalsIgnoreCase("Bearer")) {
        throw BadRequest.at("fhirAuthorization.token_type", "must be Bearer");
      }
      String accessToken = text(authorization, "access_token", "fhirAuthorization.access_token");
      if (accessToken.length() > 8192 || !accessToken.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
        throw BadRequest.at("fhirAuthorization.access_token", "is not a bearer token");
      }
      token = Optional.of(accessToken);
    }
    JsonNode context = body.get("context");
    if (context == null || !context.isObject()) {
      throw BadRequest.at("context", "must be an object");
    }
    String user = text(context, "userId", "context.userId");
    String patient = text(context, "patientId", "context.patientId");
    if (!REFERENCE.matcher(user).matches()) {
      throw BadRequest.at("context.userId", "must be a FHIR reference such as PractitionerRole/123");
    }
    if (!REFERENCE.matcher(patient).matches()) {
      throw BadRequest.at("context.patientId", "must be a FHIR id");
    }
    JsonNode selections = context.get("selections");
    if (selections != null && !selections.isArray()) {
      throw BadRequest.at("context.selections", "must be an array of references");
    }
    JsonNode draftOrders = context.get("draftOrders");
    if (draftOrders == null || !draftOrders.isObject()
        || !"Bundle".equals(draftOrders.path("resourceType").asText(""))) {
      throw BadRequest.at("context.draftOrders", "must be a FHIR Bundle of the draft orders");
    }
    List<JsonNode> prefetch = new ArrayList<>();
    JsonNode prefetchNode = body.get("prefetch");
    if (prefetchNode != null && !prefetchNode.isNull()) {
      if (!prefetchNode.isObject()) {
        throw BadRequest.at("prefetch", "must be an object");
      }
      if (prefetchNode.size() > MAX_PREFETCH) {
        throw BadRequest.at("prefetch", "has more than " + MAX_PREFETCH + " entries");
      }
      for (Iterator<Map.Entry<String, JsonNode>> fields = prefetchNode.fields(); fields.hasNext(); ) {
        Map.Entry<String, JsonNode> entry = fields.next();
        JsonNode resource = entry.getValue();
        if (resource.isNull()) {
          continue;
        }
        if (!resource.isObject() || !resource.path("resourceType").isTextual()) {
          throw BadRequest.at("prefetch." + safe(entry.getKey()), "must be a FHIR resource or null");
        }
        prefetch.add(resource);
      }
    }
    return new HookCall(hook, instance, server, token, user, patient, draftOrders, List.copyOf(prefetch));
  }

  private static String text(JsonNode parent, String name, String field) throws BadRequest {
    JsonNode node = parent.get(name);
    if (node == null || node.isNull()) {
      throw BadRequest.at(field, "is missing");
    }
    if (!node.isTextual() || node.asText().isBlank()) {
      throw BadRequest.at(field, "must be a non-empty string");
    }
    return node.asText().strip();
  }

  private static URI url(JsonNode node) throws BadRequest {
    if (!node.isTextual()) {
      throw BadRequest.at("fhirServer", "must be a URL");
    }
    try {
      URI url = new URI(node.asText().strip());
      String scheme = url.getScheme();
      if (scheme == null || !(scheme.equalsIgnoreCase("https") || scheme.equalsIgnoreCase("http"))
          || url.getHost() == null || url.getRawQuery() != null || url.getRawFragment() != null
          || url.getRawUserInfo() != null) {
        throw BadRequest.at("fhirServer", "must be an http or https URL with a host");
      }
      return url;
    } catch (java.net.URISyntaxException malformed) {
      throw BadRequest.at("fhirServer", "must be a URL");
    }
  }

  /** A prefetch key as it may be named in an answer: word characters only, at most 64. */
  private static String safe(String key) {
    String cleaned = key.replaceAll("[^A-Za-z0-9_\\-]", "?");
    return cleaned.length() > 64 ? cleaned.substring(0, 64) : cleaned;
  }
}
