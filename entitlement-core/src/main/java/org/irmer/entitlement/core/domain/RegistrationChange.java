package org.irmer.entitlement.core.domain;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

/**
 * A change of the registration status the register holds for a person, as the compliance sweep
 * reports it: from what, to what, taken from where.
 */
public record RegistrationChange(
    PersonId person, RegistrationStatus from, RegistrationStatus to, RegistrationSource source) {

  public RegistrationChange {
    checkNotNull(person, "person");
    checkNotNull(from, "from");
    checkNotNull(to, "to");
    checkNotNull(source, "source");
    checkArgument(from != to, "a change of registration changes the status: %s", from);
  }
}
