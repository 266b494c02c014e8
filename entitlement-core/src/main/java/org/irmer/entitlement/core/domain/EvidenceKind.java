package org.irmer.entitlement.core.domain;

/** A kind of evidence attached to an application (principle 2). */
public enum EvidenceKind {
  TRAINING_CERTIFICATE,
  COMPETENCY_SIGN_OFF,
  SUPERVISOR_STATEMENT,
  PORTFOLIO,
  OTHER
}
