package org.irmer.entitlement.adapter.cdshooks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.irmer.entitlement.adapter.cdshooks.Authenticator.Accepted;
import org.irmer.entitlement.adapter.cdshooks.Authenticator.Rejected;
import org.irmer.entitlement.adapter.cdshooks.Authenticator.Verdict;
import org.irmer.entitlement.adapter.cdshooks.CardLedger.ShownCard;
import org.irmer.entitlement.adapter.cdshooks.CdsHooksService.Handler;
import org.irmer.entitlement.adapter.cdshooks.CdsHooksService.Request;
import org.irmer.entitlement.adapter.cdshooks.CdsHooksService.Response;
import org.irmer.entitlement.adapter.cdshooks.OrderReader.ReadOrder;
import org.irmer.entitlement.adapter.fhir.FhirOrders.CheckEntitlementOperation;
import org.irmer.entitlement.core.domain.ChannelEvent;
import org.irmer.entitlement.core.domain.ChannelEventKind;
import org.irmer.entitlement.core.domain.EntitlementType;
import org.irmer.entitlement.core.domain.ReferralDecision;
import org.irmer.entitlement.core.domain.ReferralRequest;
import org.irmer.entitlement.core.domain.RequestOrigin;
import org.irmer.entitlement.core.port.out.EntitlementException;
import org.irmer.entitlement.rules.wiring.EntitlementRegister;

/**
 * The service's endpoints, independent of any HTTP server (CDS Hooks 2.0, "Discovery", "Calling a
 * CDS Service", "Feedback"), and the FHIR {@code $check-entitlement} operation under {@code
 * /fhir}. Each call is routed (404 for an unknown service, 405 for a wrong method), capped in size
 * (413), authenticated (401, recorded as a security rejection, and nothing else done), read (400
 * naming the field) and only then answered.
 */
final class Endpoints implements Handler {

  static final String CHANNEL = "cds-hooks";
  private static final int MAX_FEEDBACK_ITEMS = 100;

  private final EntitlementRegister register;
  private final OrderReader reader;
  private final CheckEntitlementOperation checkEntitlement;
  private final Authenticator authenticator;
  private final Cards cards;
  private final CardLedger ledger;
  private final ObjectMapper json;
  private final Clock clock;
  private final HttpClient http;
  private final Duration fetchTimeout;
  private final String root;
  private final String operationPath;
  private final String operationUrl;
  private final String discoveryUrl;
  private final int maxRequestBytes;

  Endpoints(EntitlementRegister register, OrderReader reader,
      CheckEntitlementOperation checkEntitlement, Authenticator authenticator,
      CardLedger ledger, ObjectMapper json, Clock clock, HttpClient http, Duration fetchTimeout,
      URI baseUrl, int maxRequestBytes) {
    this.register = register;
    this.reader = reader;
    this.checkEntitlement = checkEntitlement;
    this.authenticator = authenticator;
    this.cards = new Cards(register.decisionData(), json);
    this.ledger = ledger;
    this.json = json;
    this.clock = clock;
    this.http = http;
    this.fetchTimeout = fetchTimeout;
    String base = baseUrl.toString().replaceAll("/+$", "");
    this.root = Optional.ofNullable(baseUrl.getRawPath()).orElse("").replaceAll("/+$", "") + "/cds-services";
    this.discoveryUrl = base + "/cds-services";
    this.operationPath = Optional.ofNullable(baseUrl.getRawPath()).orElse("").replaceAll("/+$", "")
        + "/fhir" + CheckEntitlementOperation.PATH;
    this.operationUrl = base + "/fhir" + CheckEntitlementOperation.PATH;
    this.maxRequestBytes = maxRequestBytes;
  }

  @Override
  public Response handle(Request request) {
    try {
      return route(request);
    } catch (EntitlementException unavailable) {
      return error(503, "unavailable", "$", "the entitlement register cannot be reached; try again");
    }
  }

  private Response route(Request request) {
    String path = request.path();
    int query = path.indexOf('?');
    if (query >= 0) {
      path = path.substring(0, query);
    }
    if (path.replace("%24", "$").equals(operationPath)) {
      return operation(request);
    }
    if (!path.equals(root) && !path.startsWith(root + "/")) {
      return error(404, "not-found", "$", "no such endpoint");
    }
    String rest = path.substring(root.length()).replaceAll("^/|/$", "");
    String[] segments = rest.isEmpty() ? new String[0] : rest.split("/", -1);
    if (segments.length == 0) {
      return request.method().equals("GET")
          ? authenticated(request, List.of(discoveryUrl), issuer -> discovery())
          : methodNotAllowed("GET");
    }
    Optional<ServiceKind> service = ServiceKind.byId(segments[0]);
    if (service.isEmpty() || segments.length > 2
        || (segments.length == 2 && !segments[1].equals("feedback"))) {
      return error(404, "unknown-service", "$", "no such CDS service");
    }
    if (!request.method().equals("POST")) {
      return methodNotAllowed("POST");
    }
    if (request.body().length > maxRequestBytes) {
      return error(413, "too-large", "$", "the request body is larger than " + maxRequestBytes + " bytes");
    }
    String serviceUrl = discoveryUrl + "/" + service.get().id();
    if (segments.length == 2) {
      return authenticated(request, List.of(serviceUrl + "/feedback", serviceUrl),
          issuer -> feedback(service.get(), issuer, request.body()));
    }
    return authenticated(request, List.of(serviceUrl), issuer -> hook(service.get(), issuer, request.body()));
  }

  /** {@code $check-entitlement}: POST only, capped, authenticated, then the FHIR adapter's answer. */
  private Response operation(Request request) {
    if (!request.method().equals("POST")) {
      return methodNotAllowed("POST");
    }
    if (request.body().length > maxRequestBytes) {
      return error(413, "too-large", "$", "the request body is larger than " + maxRequestBytes + " bytes");
    }
    return authenticated(request, List.of(operationUrl), issuer -> {
      var answer = checkEntitlement.handle(request.header("Content-Type").orElse("(none)"), request.body());
      return new Response(answer.status(), Map.of("Content-Type", answer.contentType()), answer.body());
    });
  }

  private interface Answer {
    Response answer(String issuer) throws BadRequest;
  }

  private Response authenticated(Request request, List<String> audiences, Answer answer) {
    Verdict verdict = authenticator.check(request.header("Authorization"), audiences);
    if (verdict instanceof Rejected rejected) {
      recordRejection(rejected, audiences.get(0));
      Response refused = error(rejected.status(), rejected.reason(), "Authorization",
          "the caller could not be authenticated: " + rejected.reason());
      return rejected.status() == 401
          ? refused.withHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"") : refused;
    }
    try {
      return answer.answer(((Accepted) verdict).issuer());
    } catch (BadRequest bad) {
      return error(bad.status(), bad.status() == 412 ? "precondition-failed" : "bad-request",
          bad.field(), bad.getMessage());
    }
  }

  private void recordRejection(Rejected rejected, String endpoint) {
    String client = rejected.client().map(Endpoints::printable).orElse("unknown");
    try {
      register.channelEvents().record(ChannelEvent.of(ChannelEventKind.SECURITY_REJECTION, CHANNEL,
          client, endpoint, rejected.reason(), clock.instant(), Map.of()));
    } catch (EntitlementException unavailable) {
      // The call is refused all the same: a refusal never waits for the trail.
    }
  }

  private Response discovery() {
    return ok(Discovery.document(json));
  }

  private Response hook(ServiceKind service, String issuer, byte[] body) throws BadRequest {
    HookCall call = HookCall.read(parse(body), service.hook());
    FhirData data = new FhirData(call.prefetch(), call.fhirServer(), call.accessToken(), http,
        fetchTimeout, json);
    List<ReadOrder> orders;
    try {
      orders = reader.read(call.draftOrders(), data);
    } catch (IllegalArgumentException | java.time.DateTimeException unreadable) {
      throw BadRequest.at("context.draftOrders", "could not be read as FHIR R4 orders: "
          + unreadable.getMessage());
    }
    boolean anyUnread = orders.stream().anyMatch(order -> order.request().isEmpty());
    List<String> unresolved = data.unresolved();
    if (anyUnread && !unresolved.isEmpty()) {
      throw new BadRequest(412, "prefetch",
          "the service could not get the FHIR resources it needs: " + String.join(", ", unresolved));
    }
    RequestOrigin origin = RequestOrigin.of(CHANNEL, call.hookInstance()).from(issuer);
    Instant now = clock.instant();
    ArrayNode answer = json.createArrayNode();
    for (ReadOrder order : orders) {
      List<Cards.Card> given;
      String decision;
      if (order.request().isPresent()) {
        ReferralRequest request = ReferralRequest.builder().from(order.request().get())
            .orderId(order.request().get().orderId().orElse(order.id()))
            .origin(origin)
            .requestedAt(now)
            .build();
        ReferralDecision decided = service.records()
            ? register.referrals().check(request)
            : register.engine().evaluate(request, EntitlementType.REFERRER);
        given = cards.forDecision(order.id(), decided);
        decision = decided.outcome().name();
      } else {
        given = List.of(cards.forUnreadable(order.id(), order.problems()));
        decision = "UNREADABLE";
        if (service.records()) {
          recordUnreadable(issuer, call, order, now);
        }
      }
      for (Cards.Card card : given) {
        ledger.shown(card.uuid(), new ShownCard(service.id(), call.hookInstance(), order.id(), decision,
            service.records() && order.request().isPresent()));
        answer.add(card.body());
      }
    }
    ObjectNode response = json.createObjectNode();
    response.set("cards", answer);
    return ok(response);
  }

  private void recordUnreadable(String issuer, HookCall call, ReadOrder order, Instant now) {
    Map<String, String> details = new TreeMap<>();
    details.put("hookInstance", call.hookInstance());
    for (int i = 0; i < order.problems().size(); i++) {
      details.put("problem." + (i + 1), printable(order.problems().get(i)));
    }
    register.channelEvents().record(ChannelEvent.of(ChannelEventKind.UNREADABLE_MESSAGE, CHANNEL,
        issuer, printable(order.id()), "unreadable-order", now, details));
  }

  private Response feedback(ServiceKind service, String issuer, byte[] body) throws BadRequest {
    JsonNode root = parse(body);
    JsonNode items = root.isObject() ? root.get("feedback") : null;
    if (items == null || !items.isArray() || items.isEmpty()) {
      throw BadRequest.at("feedback", "must be a non-empty array");
    }
    if (items.size() > MAX_FEEDBACK_ITEMS) {
      throw BadRequest.at("feedback", "has more than " + MAX_FEEDBACK_ITEMS + " items");
    }
    List<ChannelEvent> events = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      events.add(feedbackEvent(service, issuer, items.get(i), "feedback[" + i + "]"));
    }
    events.forEach(register.channelEvents()::record);
    return ok(json.createObjectNode());
  }

  private ChannelEvent feedbackEvent(ServiceKind service, String issuer, JsonNode item, String at)
      throws BadRequest {
    if (!item.isObject()) {
      throw BadRequest.at(at, "must be an object");
    }
    String card = text(item, "card", at);
    if (!card.matches("[A-Za-z0-9\\-]{1,64}")) {
      throw BadRequest.at(at + ".card", "must be the uuid of a card");
    }
    String outcome = text(item, "outcome", at);
    if (!outcome.equals("accepted") && !outcome.equals("overridden")) {
      throw BadRequest.at(at + ".outcome", "must be accepted or overridden");
    }
    Instant when;
    try {
      when = java.time.OffsetDateTime.parse(text(item, "outcomeTimestamp", at)).toInstant();
    } catch (DateTimeParseException unreadable) {
      throw BadRequest.at(at + ".outcomeTimestamp", "must be an ISO 8601 date and time with an offset");
    }
    Map<String, String> details = new LinkedHashMap<>();
    JsonNode override = item.get("overrideReason");
    if (override != null && !override.isNull()) {
      if (!override.isObject()) {
        throw BadRequest.at(at + ".overrideReason", "must be an object");
      }
      JsonNode reason = override.get("reason");
      if (reason != null && !reason.isNull()) {
        if (!reason.isObject()) {
          throw BadRequest.at(at + ".overrideReason.reason", "must be a Coding");
        }
        details.put("overrideReason.code", printable(text(reason, "code", at + ".overrideReason.reason")));
        optionalText(reason, "system", at + ".overrideReason.reason")
            .ifPresent(system -> details.put("overrideReason.system", printable(system)));
        optionalText(reason, "display", at + ".overrideReason.reason")
            .ifPresent(display -> details.put("overrideReason.display", printable(display)));
      }
      optionalText(override, "userComment", at + ".overrideReason")
          .ifPresent(comment -> details.put("userComment", printable(comment)));
    }
    if (outcome.equals("overridden") && !details.containsKey("overrideReason.code")) {
      throw BadRequest.at(at + ".overrideReason.reason", "an overridden card needs the reason given");
    }
    Optional<ShownCard> shown = ledger.find(card).filter(found -> found.service().equals(service.id()));
    details.put("service", service.id());
    details.put("matched", Boolean.toString(shown.isPresent()));
    shown.ifPresent(found -> {
      details.put("hookInstance", found.hookInstance());
      details.put("order", printable(found.order()));
      details.put("decision", found.decision());
      details.put("decisionRecorded", Boolean.toString(found.recorded()));
    });
    return ChannelEvent.of(ChannelEventKind.DECISION_FEEDBACK, CHANNEL, issuer, card, outcome, when,
        details);
  }

  private JsonNode parse(byte[] body) throws BadRequest {
    if (body.length == 0) {
      throw BadRequest.at("$", "the request has no body");
    }
    try {
      JsonNode node = json.readTree(body);
      if (node == null || node.isMissingNode()) {
        throw BadRequest.at("$", "the request has no JSON body");
      }
      return node;
    } catch (JsonProcessingException malformed) {
      long line = malformed.getLocation() == null ? -1 : malformed.getLocation().getLineNr();
      long column = malformed.getLocation() == null ? -1 : malformed.getLocation().getColumnNr();
      throw BadRequest.at("$", "the body is not JSON (line " + line + ", column " + column + ")");
    } catch (java.io.IOException unreadable) {
      throw BadRequest.at("$", "the body could not be read as JSON");
    }
  }

  private static String text(JsonNode parent, String name, String at) throws BadRequest {
    return optionalText(parent, name, at).orElseThrow(() -> BadRequest.at(at + "." + name, "is missing"));
  }

  private static Optional<String> optionalText(JsonNode parent, String name, String at)
      throws BadRequest {
    JsonNode node = parent.get(name);
    if (node == null || node.isNull()) {
      return Optional.empty();
    }
    if (!node.isTextual()) {
      throw BadRequest.at(at + "." + name, "must be a string");
    }
    String value = node.asText().strip();
    if (value.isEmpty()) {
      return Optional.empty();
    }
    if (value.length() > 4096) {
      throw BadRequest.at(at + "." + name, "is longer than 4096 characters");
    }
    return Optional.of(value);
  }

  /** {@code text} without control characters, as the audit trail keeps it. */
  private static String printable(String text) {
    String cleaned = text.replaceAll("\\p{Cntrl}", " ").strip();
    return cleaned.isEmpty() ? "?" : cleaned;
  }

  private Response ok(JsonNode body) {
    return new Response(200, Map.of("Content-Type", "application/json"), bytes(body));
  }

  private Response methodNotAllowed(String allowed) {
    return error(405, "method-not-allowed", "$", "use " + allowed).withHeader("Allow", allowed);
  }

  private Response error(int status, String code, String field, String message) {
    ObjectNode body = json.createObjectNode();
    body.put("error", code);
    body.put("field", field);
    body.put("message", message);
    return new Response(status, Map.of("Content-Type", "application/json"), bytes(body));
  }

  private byte[] bytes(JsonNode body) {
    try {
      return json.writeValueAsBytes(body);
    } catch (JsonProcessingException impossible) {
      return impossible.getOriginalMessage().getBytes(StandardCharsets.UTF_8);
    }
  }
}
