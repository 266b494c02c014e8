package org.irmer.entitlement.adapter.cdshooks;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.irmer.entitlement.core.domain.CareSetting;
import org.irmer.entitlement.core.domain.ClinicalInformationItem;
import org.irmer.entitlement.core.domain.EmployerId;
import org.irmer.entitlement.core.domain.ExaminationCode;
import org.irmer.entitlement.core.domain.Patient;
import org.irmer.entitlement.core.domain.PersonId;
import org.irmer.entitlement.core.domain.PregnancyStatus;
import org.irmer.entitlement.core.domain.ReferralRequest;
import org.irmer.entitlement.core.domain.Sex;

/** A minimal reading of the test orders of {@link Fhir}, in place of the FHIR adapter's mapping. */
final class SimpleOrders implements OrderReader {

  @Override
  public List<ReadOrder> read(JsonNode draftOrders, FhirData data) {
    List<ReadOrder> orders = new ArrayList<>();
    for (JsonNode entry : draftOrders.path("entry")) {
      JsonNode order = entry.path("resource");
      if (!order.path("resourceType").asText().equals("ServiceRequest")) {
        continue;
      }
      String id = order.path("id").asText("?");
      List<String> problems = new ArrayList<>();
      Optional<JsonNode> requester = resolve(order.path("requester").path("reference").asText(""), draftOrders, data);
      Optional<JsonNode> patient = resolve(order.path("subject").path("reference").asText(""), draftOrders, data);
      Optional<JsonNode> performer = resolve(order.path("performer").path(0).path("reference").asText(""),
          draftOrders, data);
      String exam = order.path("code").path("coding").path(0).path("code").asText("");
      if (requester.isEmpty()) {
        problems.add("ServiceRequest.requester: cannot be resolved");
      }
      if (patient.isEmpty()) {
        problems.add("ServiceRequest.subject: cannot be resolved");
      }
      if (performer.isEmpty()) {
        problems.add("ServiceRequest.performer[0]: cannot be resolved");
      }
      if (exam.isEmpty()) {
        problems.add("ServiceRequest.code.coding[0].code: is missing");
      }
      if (!problems.isEmpty()) {
        orders.add(new ReadOrder(id, Optional.empty(), problems));
        continue;
      }
      ReferralRequest.Builder request = ReferralRequest.builder()
          .referrer(PersonId.of(requester.get().path("identifier").path(0).path("value").asText()))
          .employer(EmployerId.of(performer.get().path("identifier").path(0).path("value").asText()))
          .examination(ExaminationCode.of(exam))
          .patient(Patient.builder()
              .birthDate(LocalDate.parse(patient.get().path("birthDate").asText()))
              .sex(patient.get().path("gender").asText().equals("male") ? Sex.MALE : Sex.FEMALE)
              .pregnancy(PregnancyStatus.NOT_PREGNANT)
              .build())
          .setting(CareSetting.of(order.path("locationCode").path(0).path("coding").path(0).path("code").asText()))
          .orderId(id)
          .requestedAt(Trust.NOW);
      if (order.has("reasonCode")) {
        request.addClinicalInformation(ClinicalInformationItem.CLINICAL_QUESTION);
      }
      orders.add(new ReadOrder(id, Optional.of(request.build()), List.of()));
    }
    return orders;
  }

  private static Optional<JsonNode> resolve(String reference, JsonNode bundle, FhirData data) {
    if (reference.isEmpty()) {
      return Optional.empty();
    }
    for (JsonNode entry : bundle.path("entry")) {
      if (entry.path("fullUrl").asText().equals(reference)) {
        return Optional.of(entry.path("resource"));
      }
    }
    return data.resolve(reference);
  }
}
