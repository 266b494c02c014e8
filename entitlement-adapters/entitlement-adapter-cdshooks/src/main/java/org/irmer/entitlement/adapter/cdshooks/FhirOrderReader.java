package org.irmer.entitlement.adapter.cdshooks;

import ca.uhn.fhir.parser.DataFormatException;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.irmer.entitlement.adapter.fhir.FhirOrders;
import org.irmer.entitlement.adapter.fhir.FhirOrders.FhirMappingException;
import org.irmer.entitlement.adapter.fhir.FhirOrders.MappedOrder;

/**
 * Draft orders read through the FHIR adapter's mapping ({@link FhirOrders}; its README lists the
 * code systems and how the referrer, employer and setting are found), with two things a hook call
 * adds:
 *
 * <ul>
 *   <li>references the draft Bundle does not hold are resolved through the call's {@link FhirData}:
 *       the prefetch, then the client's FHIR server;
 *   <li>a draft order need not carry {@code authoredOn}: the instant of a hook call is the instant
 *       of the request (order-sign is the moment the clinician signs), so the service gives every
 *       request the call's instant, and a draft without {@code authoredOn} is given it before it
 *       is mapped. Prefetched pregnancy status Observations join the Bundle, where the mapping
 *       reads them for the order's subject.
 * </ul>
 */
final class FhirOrderReader implements OrderReader {

  private static final String PREGNANCY_STATUS = "82810-3";

  private final FhirOrders orders;
  private final java.time.Clock clock;

  FhirOrderReader(FhirOrders orders, java.time.Clock clock) {
    this.orders = orders;
    this.clock = clock;
  }

  @Override
  public List<ReadOrder> read(JsonNode draftOrders, FhirData data) {
    Bundle bundle;
    try {
      bundle = orders.parse(Bundle.class, draftOrders.toString());
    } catch (FhirMappingException unreadable) {
      throw new IllegalArgumentException(describe(unreadable), unreadable);
    }
    Instant now = clock.instant();
    for (Bundle.BundleEntryComponent entry : bundle.getEntry()) {
      if (entry.getResource() instanceof ServiceRequest order && !order.hasAuthoredOn()) {
        order.setAuthoredOn(Date.from(now));
      }
    }
    for (JsonNode prefetched : data.prefetched("Observation")) {
      if (parse(prefetched).orElse(null) instanceof Observation found && isPregnancyStatus(found)) {
        bundle.addEntry().setResource(found);
      }
    }
    List<MappedOrder> mapped;
    try {
      mapped = orders.fromBundle(bundle, new Fetched(data));
    } catch (FhirMappingException unreadable) {
      throw new IllegalArgumentException(describe(unreadable), unreadable);
    }
    List<ReadOrder> read = new ArrayList<>(mapped.size());
    for (int i = 0; i < mapped.size(); i++) {
      MappedOrder order = mapped.get(i);
      String id = order.serviceRequestId().orElse("entry-" + i);
      read.add(new ReadOrder(id, order.request(),
          order.problems().stream().map(Object::toString).toList()));
    }
    return read;
  }

  private static boolean isPregnancyStatus(Observation observation) {
    return observation.getCode().getCoding().stream()
        .anyMatch(coding -> FhirOrders.LOINC_SYSTEM.equals(coding.getSystem())
            && PREGNANCY_STATUS.equals(coding.getCode()));
  }

  private static String describe(FhirMappingException unreadable) {
    return unreadable.problems().stream().map(Object::toString).reduce((a, b) -> a + "; " + b)
        .orElse("is not a FHIR R4 Bundle");
  }

  /** The call's prefetched and fetched resources, parsed once each. */
  private final class Fetched implements FhirOrders.Resources {

    private final FhirData data;
    private final Map<String, Optional<Resource>> parsed = new HashMap<>();

    Fetched(FhirData data) {
      this.data = data;
    }

    @Override
    public Optional<Resource> find(String reference) {
      return parsed.computeIfAbsent(reference, key -> data.resolve(key).flatMap(FhirOrderReader::parse));
    }
  }

  /** {@code resource} as a HAPI resource; empty when it is not a readable R4 resource. */
  private static Optional<Resource> parse(JsonNode resource) {
    try {
      IBaseResource read = FhirOrders.context().newJsonParser().parseResource(resource.toString());
      return read instanceof Resource found ? Optional.of(found) : Optional.empty();
    } catch (DataFormatException | IllegalArgumentException | IllegalStateException
        | ClassCastException unreadable) {
      return Optional.empty();
    }
  }
}
