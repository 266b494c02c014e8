package org.irmer.entitlement.adapter.cdshooks;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.Map;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.irmer.entitlement.adapter.fhir.FhirOrders;
import org.irmer.entitlement.core.domain.CareSetting;

/**
 * FHIR R4 resources for the tests, built with HAPI's model and encoded by HAPI's parser, as JSON
 * the tests may still change; and the FHIR adapter's mapping configured for them.
 */
final class Fhir {

  static final ObjectMapper JSON = new ObjectMapper();
  static final String SETTING_SYSTEM = "https://aldermoor.example/fhir/care-setting";

  /** The mapping the service reads orders with: settings from the encounter's type. */
  static final FhirOrders ORDERS = FhirOrders.configure()
      .settings(Map.of(
          SETTING_SYSTEM + "|MSK_OUTPATIENT", CareSetting.of("MSK_OUTPATIENT"),
          SETTING_SYSTEM + "|ED", CareSetting.of("ED")))
      .build();

  private Fhir() {}

  static ObjectNode patient(String id, String birthDate, String gender) {
    Patient patient = new Patient();
    patient.setId(id);
    patient.setBirthDateElement(new DateType(birthDate));
    patient.setGender(AdministrativeGender.fromCode(gender));
    return json(patient);
  }

  static ObjectNode practitioner(String id, String referrer) {
    Practitioner practitioner = new Practitioner();
    practitioner.setId(id);
    practitioner.addIdentifier().setSystem(FhirOrders.PERSON_SYSTEM).setValue(referrer);
    return json(practitioner);
  }

  static ObjectNode organization(String id, String ods) {
    Organization organization = new Organization();
    organization.setId(id);
    organization.addIdentifier().setSystem(FhirOrders.ODS_ORGANIZATION_SYSTEM).setValue(ods);
    organization.setName("Aldermoor Hospitals NHS Trust");
    return json(organization);
  }

  /** An encounter in the care setting {@code setting} (one of {@link #ORDERS}' settings). */
  static ObjectNode encounter(String id, String setting) {
    Encounter encounter = new Encounter();
    encounter.setId(id);
    encounter.setStatus(Encounter.EncounterStatus.INPROGRESS);
    encounter.setClass_(new Coding("http://terminology.hl7.org/CodeSystem/v3-ActCode", "AMB", "ambulatory"));
    encounter.addType().addCoding(new Coding(SETTING_SYSTEM, setting, null));
    encounter.setSubject(new Reference("Patient/pat-1"));
    return json(encounter);
  }

  /**
   * A draft imaging order for the NICIP code {@code exam}, by {@code requester}, for {@code
   * patient}, at {@code performer}, in {@code encounter}, with a clinical question in its note.
   */
  static ObjectNode serviceRequest(String id, String exam, String requester, String patient,
      String performer, String encounter) {
    ServiceRequest order = new ServiceRequest();
    order.setId(id);
    order.setStatus(ServiceRequest.ServiceRequestStatus.DRAFT);
    order.setIntent(ServiceRequest.ServiceRequestIntent.ORDER);
    order.getCode().addCoding(new Coding(FhirOrders.NICIP_SYSTEM, exam, null));
    order.setSubject(new Reference(patient));
    order.setRequester(new Reference(requester));
    order.addPerformer(new Reference(performer));
    order.setEncounter(new Reference(encounter));
    order.addNote().setText("Pain after a fall: fracture?");
    return json(order);
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

  private static ObjectNode json(Resource resource) {
    try {
      return (ObjectNode) JSON.readTree(ORDERS.encode(resource));
    } catch (IOException impossible) {
      throw new AssertionError(impossible);
    }
  }
}
