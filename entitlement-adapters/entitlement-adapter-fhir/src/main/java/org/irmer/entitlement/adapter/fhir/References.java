package org.irmer.entitlement.adapter.fhir;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Resource;
import org.irmer.entitlement.adapter.fhir.FhirOrders.Resources;

/** How references are written and matched: {@code Type/id}, absolute URLs and full URLs. */
final class References {

  private References() {}

  /** {@code Patient/1/_history/2} as {@code Patient/1}; anything else unchanged. */
  static String withoutHistory(String reference) {
    int history = reference.indexOf("/_history/");
    return history < 0 ? reference : reference.substring(0, history);
  }

  /** The {@code Type/id} of a resource with an id. */
  static Optional<String> key(Resource resource) {
    if (resource.getIdElement() == null || resource.getIdElement().getIdPart() == null) {
      return Optional.empty();
    }
    return Optional.of(resource.fhirType() + "/" + resource.getIdElement().getIdPart());
  }

  /**
   * The relative {@code Type/id} tail of an absolute RESTful URL ({@code
   * https://ehr.example/fhir/Patient/1} as {@code Patient/1}); empty for other references.
   */
  static Optional<String> relativeTail(String reference) {
    String plain = withoutHistory(reference);
    if (!plain.contains("://")) {
      return Optional.empty();
    }
    String[] parts = plain.split("/");
    if (parts.length < 2) {
      return Optional.empty();
    }
    return Optional.of(parts[parts.length - 2] + "/" + parts[parts.length - 1]);
  }

  /** A bundle's entries by full URL, and by {@code Type/id}, the first entry winning. */
  static Resources index(Bundle bundle) {
    Map<String, Resource> byReference = new LinkedHashMap<>();
    for (Bundle.BundleEntryComponent entry : bundle.getEntry()) {
      Resource resource = entry.getResource();
      if (resource == null) {
        continue;
      }
      if (entry.hasFullUrl()) {
        byReference.putIfAbsent(entry.getFullUrl(), resource);
        relativeTail(entry.getFullUrl()).ifPresent(tail -> byReference.putIfAbsent(tail, resource));
      }
      key(resource).ifPresent(key -> byReference.putIfAbsent(key, resource));
    }
    Map<String, Resource> copy = Map.copyOf(byReference);
    return reference -> {
      Resource found = copy.get(withoutHistory(reference));
      if (found == null) {
        found = relativeTail(reference).map(copy::get).orElse(null);
      }
      return Optional.ofNullable(found);
    };
  }
}
