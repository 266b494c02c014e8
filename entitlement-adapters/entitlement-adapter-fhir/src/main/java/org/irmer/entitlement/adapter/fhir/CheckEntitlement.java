package org.irmer.entitlement.adapter.fhir;

import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.nio.ByteBuffer;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.irmer.entitlement.adapter.fhir.FhirOrders.CheckEntitlementOperation;
import org.irmer.entitlement.adapter.fhir.FhirOrders.FhirMappingException;
import org.irmer.entitlement.adapter.fhir.FhirOrders.MappedOrder;
import org.irmer.entitlement.adapter.fhir.FhirOrders.Problem;
import org.irmer.entitlement.adapter.fhir.FhirOrders.Resources;
import org.irmer.entitlement.adapter.fhir.FhirOrders.Response;
import org.irmer.entitlement.core.domain.ReferralDecision;
import org.irmer.entitlement.core.port.in.CheckReferral;
import org.irmer.entitlement.core.port.out.EntitlementException;

/**
 * {@code $check-entitlement} on {@code ServiceRequest}, transport-neutral (FHIR R4 section 3.1.0.4,
 * extended operations: a {@code Parameters} in and out). One order per call: a body with several
 * {@code ServiceRequest}s is refused, since one answer cannot speak for several decisions.
 */
final class CheckEntitlement implements CheckEntitlementOperation {

  static final String FHIR_JSON = "application/fhir+json";

  private final FhirOrders orders;
  private final CheckReferral check;
  private final Json json;

  CheckEntitlement(FhirOrders orders, CheckReferral check, Json json) {
    this.orders = orders;
    this.check = check;
    this.json = json;
  }

  @Override
  public Response handle(String contentType, byte[] body) {
    if (!isJson(contentType)) {
      return answer(415, DecisionResources.failure(OperationOutcome.IssueType.NOTSUPPORTED,
          "The body must be FHIR JSON (application/fhir+json), not " + contentType));
    }
    if (body == null || body.length == 0) {
      return badRequest(List.of(new Problem("Parameters", "the body is empty: expected a Bundle or Parameters")));
    }
    MappedOrder order;
    try {
      order = order(text(body));
    } catch (FhirMappingException e) {
      return badRequest(e.problems());
    }
    if (!order.isMapped()) {
      return badRequest(order.problems());
    }
    ReferralDecision decision;
    try {
      decision = check.check(order.requestOrThrow());
    } catch (EntitlementException e) {
      return answer(500, DecisionResources.failure(OperationOutcome.IssueType.EXCEPTION,
          "The entitlement check failed; the order is not entitled until it can be checked"));
    }
    return answer(200, DecisionResources.parameters(decision, orders.detectedIssue(decision)));
  }

  private MappedOrder order(String text) {
    IBaseResource resource = json.parse(text, "Parameters");
    if (resource instanceof Bundle bundle) {
      return single(orders.fromBundle(bundle), "Bundle.entry");
    }
    if (resource instanceof Parameters parameters) {
      return fromParameters(parameters);
    }
    throw new FhirMappingException(List.of(new Problem(resource.fhirType(),
        "is not accepted: the body must be a Bundle or a Parameters")));
  }

  /** Parameter {@code order} (a Bundle or a ServiceRequest); every other resource parameter is a resource it may reference. */
  private MappedOrder fromParameters(Parameters parameters) {
    List<Parameters.ParametersParameterComponent> all = parameters.getParameter();
    int orderAt = -1;
    List<Resource> others = new ArrayList<>();
    for (int i = 0; i < all.size(); i++) {
      Parameters.ParametersParameterComponent parameter = all.get(i);
      if ("order".equals(parameter.getName())) {
        if (orderAt >= 0) {
          throw new FhirMappingException(List.of(new Problem("Parameters.parameter[" + i + "]",
              "repeats parameter 'order': one order per call")));
        }
        orderAt = i;
      } else if (parameter.getResource() != null) {
        others.add(parameter.getResource());
      }
    }
    if (orderAt < 0) {
      throw new FhirMappingException(List.of(new Problem("Parameters.parameter",
          "has no parameter 'order' (a Bundle or a ServiceRequest)")));
    }
    String at = "Parameters.parameter[" + orderAt + "].resource";
    Resource order = all.get(orderAt).getResource();
    Resources resources = Resources.of(others);
    if (order instanceof Bundle bundle) {
      return single(new OrderMapping(orders.config).fromBundle(bundle, at + ".Bundle", resources), at + ".Bundle.entry");
    }
    if (order instanceof ServiceRequest serviceRequest) {
      return new OrderMapping(orders.config).map(serviceRequest, at + ".ServiceRequest", resources,
          java.util.Optional.empty());
    }
    throw new FhirMappingException(List.of(new Problem(at,
        order == null ? "is missing: parameter 'order' must hold a Bundle or a ServiceRequest"
            : "is a " + order.fhirType() + ": parameter 'order' must hold a Bundle or a ServiceRequest")));
  }

  private static MappedOrder single(List<MappedOrder> mapped, String at) {
    if (mapped.size() > 1) {
      throw new FhirMappingException(List.of(new Problem(at,
          "holds " + mapped.size() + " ServiceRequests: one order per call")));
    }
    return mapped.get(0);
  }

  private static boolean isJson(String contentType) {
    if (contentType == null) {
      return false;
    }
    String type = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
    return type.equals(FHIR_JSON) || type.equals("application/json");
  }

  private static String text(byte[] body) {
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(body))
          .toString();
    } catch (CharacterCodingException e) {
      throw new FhirMappingException(List.of(new Problem("Parameters", "the body is not UTF-8 text")));
    }
  }

  private Response badRequest(List<Problem> problems) {
    return answer(400, DecisionResources.operationOutcome(problems));
  }

  private Response answer(int status, Resource resource) {
    return new Response(status, FHIR_JSON + "; charset=utf-8",
        json.encode(resource).getBytes(StandardCharsets.UTF_8));
  }
}
