package org.irmer.entitlement.core.domain;

/** Where a recorded registration status came from (DOMAIN.md section 3). */
public enum RegistrationSource {
  /** The regulator's own register, as the registration lookup found it. */
  LOOKUP,
  /** A named person recorded it by hand, for example from the regulator's letter. */
  MANUAL
}
