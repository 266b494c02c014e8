package org.irmer.entitlement.adapter.cdshooks;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** FHIR R4 resources for the tests, as JSON. */
final class Fhir {

  static final ObjectMapper JSON = new ObjectMapper();
  static final String REFERRER_SYSTEM = "https://irmer-entitlement.org/fhir/referrer";
  static final String EMPLOYER_SYSTEM = "https://fhir.nhs.uk/Id/ods-organization-code";
  static final String EXAM_SYSTEM = "https://irmer-entitlement.org/fhir/examination";
  static final String SETTING_SYSTEM = "https://irmer-entitlement.org/fhir/care-setting";

  private Fhir() {}

  static ObjectNode patient(String id, String birthDate, String gender) {
    ObjectNode patient = resource("Patient", id);
    patient.put("birthDate", birthDate);
    patient.put("gender", gender);
    return patient;
  }

  static ObjectNode practitioner(String id, String referrer) {
    ObjectNode practitioner = resource("Practitioner", id);
    practitioner.putArray("identifier").addObject().put("system", REFERRER_SYSTEM).put("value", referrer);
    return practitioner;
  }

  static ObjectNode organization(String id, String ods) {
    ObjectNode organization = resource("Organization", id);
    organization.putArray("identifier").addObject().put("system", EMPLOYER_SYSTEM).put("value", ods);
    return organization;
  }

  /** A draft imaging order for {@code exam}, by {@code requester}, for {@code patient}, at {@code performer}. */
  static ObjectNode serviceRequest(String id, String exam, String requester, String patient,
      String performer, String setting) {
    ObjectNode order = resource("ServiceRequest", id);
    order.put("status", "draft");
    order.put("intent", "order");
    order.putObject("code").putArray("coding").addObject().put("system", EXAM_SYSTEM).put("code", exam);
    order.putObject("subject").put("reference", patient);
    order.putObject("requester").put("reference", requester);
    order.putArray("performer").addObject().put("reference", performer);
    order.putArray("locationCode").addObject().putArray("coding").addObject()
        .put("system", SETTING_SYSTEM).put("code", setting);
    order.putArray("reasonCode").addObject().put("text", "Pain after a fall: fracture?");
    return order;
  }

  static ObjectNode bundle(ObjectNode... resources) {
    ObjectNode bundle = JSON.createObjectNode();
    bundle.put("resourceType", "Bundle");
    bundle.put("type", "collection");
    ArrayNode entries = bundle.putArray("entry");
    for (ObjectNode resource : resources) {
      ObjectNode entry = entries.addObject();
      entry.put("fullUrl", resource.get("resourceType").asText() + "/" + resource.get("id").asText());
      entry.set("resource", resource);
    }
    return bundle;
  }

  private static ObjectNode resource(String type, String id) {
    ObjectNode resource = JSON.createObjectNode();
    resource.put("resourceType", type);
    resource.put("id", id);
    return resource;
  }
}
