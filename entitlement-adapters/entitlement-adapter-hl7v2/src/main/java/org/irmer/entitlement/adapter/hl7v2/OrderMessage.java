package org.irmer.entitlement.adapter.hl7v2;

import com.google.common.collect.ImmutableList;
import java.util.Optional;
import org.irmer.entitlement.core.domain.ReferralRequest;

/**
 * A message read whole: its header, the patient segment to echo in an order response, and its
 * orders in message order, each with what its reply repeats.
 *
 * @param header the MSH segment's fields
 * @param trigger {@code ORM^O01} or {@code OMI^O23}
 * @param version MSH-12.1, one of the versions read
 * @param patient the PID segment re-encoded with the standard delimiters, when the message has one
 */
record OrderMessage(RawHeader header, String trigger, String version, Optional<String> patient,
    ImmutableList<Order> orders) {

  /**
   * One order.
   *
   * @param request what is checked
   * @param placer ORC-2 re-encoded, possibly empty
   * @param filler ORC-3 re-encoded, possibly empty
   * @param details the order's OBR and IPC segments re-encoded, repeated in an order response
   */
  record Order(ReferralRequest request, String placer, String filler,
      ImmutableList<String> details) {}

  boolean imaging() {
    return trigger.startsWith("OMI");
  }

  ImmutableList<ReferralRequest> requests() {
    return orders.stream().map(Order::request).collect(ImmutableList.toImmutableList());
  }
}
