package org.irmer.entitlement.adapter.cdshooks;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/**
 * The discovery document (CDS Hooks 2.0, "Discovery"): each service with its hook, title,
 * description and prefetch templates. The templates ask for what the order mapping reads beyond
 * the draft orders: the patient (birth date, sex), the ordering user (a Practitioner or
 * PractitionerRole and, through it, the referrer's identifier), the encounter (the care setting)
 * and the latest pregnancy status observation. A client that prefetches none of them must give a
 * {@code fhirServer} the service may read them from.
 */
final class Discovery {

  /** Prefetch key to template; the order is that of the answer. */
  static final Map<String, String> PREFETCH = prefetch();

  private Discovery() {}

  private static Map<String, String> prefetch() {
    java.util.LinkedHashMap<String, String> templates = new java.util.LinkedHashMap<>();
    templates.put("patient", "Patient/{{context.patientId}}");
    templates.put("user", "{{context.userId}}");
    templates.put("encounter", "Encounter/{{context.encounterId}}");
    templates.put("pregnancy", "Observation?patient={{context.patientId}}&code=http://loinc.org|82810-3"
        + "&_sort=-date&_count=1");
    return java.util.Collections.unmodifiableMap(templates);
  }

  static ObjectNode document(ObjectMapper json) {
    ObjectNode document = json.createObjectNode();
    var services = document.putArray("services");
    for (ServiceKind kind : ServiceKind.values()) {
      ObjectNode service = services.addObject();
      service.put("hook", kind.hook());
      service.put("id", kind.id());
      service.put("title", kind.title());
      service.put("description", kind.description());
      ObjectNode prefetch = service.putObject("prefetch");
      PREFETCH.forEach(prefetch::put);
      service.put("usageRequirements", "Requires a signed JWT from a client the employer trusts; "
          + "orders are R4 ServiceRequests in context.draftOrders.");
    }
    return document;
  }
}
