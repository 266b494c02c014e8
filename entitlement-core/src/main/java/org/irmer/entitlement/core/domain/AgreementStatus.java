package org.irmer.entitlement.core.domain;

/** The state of a shared-responsibility agreement; only {@link #ACTIVE} ones recognise anything. */
public enum AgreementStatus {
  DRAFT,
  ACTIVE,
  SUSPENDED,
  TERMINATED
}
