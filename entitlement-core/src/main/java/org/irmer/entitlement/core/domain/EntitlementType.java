package org.irmer.entitlement.core.domain;

/**
 * What an entitlement allows. Principle 11 of the 2025 guidance: entitlement to refer does not
 * include entitlement to clinically evaluate; the two are separate types and neither implies the
 * other.
 */
public enum EntitlementType {
  /** May refer patients for examinations within the scope. */
  REFERRER,
  /** May record the clinical evaluation of examinations within the scope (an operator role). */
  CLINICAL_EVALUATION
}
