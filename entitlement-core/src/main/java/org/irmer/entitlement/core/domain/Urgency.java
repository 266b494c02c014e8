package org.irmer.entitlement.core.domain;

/** How urgent a request is; the values are those of FHIR {@code ServiceRequest.priority}. */
public enum Urgency {
  ROUTINE,
  URGENT,
  ASAP,
  STAT
}
