package org.irmer.entitlement.adapter.cdshooks;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;
import org.irmer.entitlement.core.domain.ReferralRequest;

/**
 * Reads the {@code ServiceRequest}s of a hook's {@code draftOrders} Bundle as referral requests,
 * each on its own: one order that cannot be read does not stop the others being checked.
 */
interface OrderReader {

  /**
   * Every {@code ServiceRequest} in {@code draftOrders}, in the Bundle's order, each read or with
   * the problems that stopped it being read; references outside the Bundle are resolved through
   * {@code data}.
   *
   * @throws IllegalArgumentException when {@code draftOrders} is not a FHIR R4 Bundle at all,
   *     naming what is wrong
   */
  List<ReadOrder> read(JsonNode draftOrders, FhirData data);

  /**
   * One order: the {@code ServiceRequest} id and either the request it maps to or the problems,
   * each naming the element (as a FHIRPath location) and what is wrong with it.
   */
  record ReadOrder(String id, Optional<ReferralRequest> request, List<String> problems) {

    public ReadOrder {
      problems = List.copyOf(problems);
    }
  }
}
