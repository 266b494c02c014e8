package org.irmer.entitlement.core.port.in;

import org.irmer.entitlement.core.domain.AuditTrailEntry;
import org.irmer.entitlement.core.domain.ChannelEvent;

/**
 * Records what an ordering channel (CDS Hooks, FHIR, HL7 v2) saw besides decisions: a clinician's
 * feedback on a decision, a caller refused before anything was evaluated, a message that could not
 * be read (principle 9: nothing a channel answered goes unrecorded).
 */
public interface RecordChannelEvents {

  /**
   * Appends the event to the audit trail in a unit of work of its own, and returns the entry.
   *
   * @throws org.irmer.entitlement.core.port.out.StoreUnavailableException when the trail cannot be
   *     written; nothing is recorded
   */
  AuditTrailEntry record(ChannelEvent event);
}
