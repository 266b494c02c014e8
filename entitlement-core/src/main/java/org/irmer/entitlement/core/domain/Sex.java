package org.irmer.entitlement.core.domain;

/** The patient's sex as recorded on the request, used only by the pregnancy enquiry rule. */
public enum Sex {
  FEMALE,
  MALE,
  OTHER,
  UNKNOWN
}
