package org.irmer.entitlement.core.domain;

import java.util.Optional;
import org.immutables.value.Value;

/**
 * A person known to the register: a referrer, a delegate, a supervisor or a manager. Only a person
 * with a current {@link ProfessionalRegistration} may refer (DOMAIN.md section 3).
 */
@Value.Immutable
public abstract class Person {

  public abstract PersonId id();

  public abstract String givenName();

  public abstract String familyName();

  public abstract Profession profession();

  /** Empty for a person with no statutory registration, who can never be entitled. */
  public abstract Optional<ProfessionalRegistration> registration();

  /** The store's version of this record, for optimistic concurrency; 0 before the first save. */
  @Value.Default
  public long version() {
    return 0;
  }

  @Value.Check
  protected void check() {
    Codes.check(givenName(), "given name");
    Codes.check(familyName(), "family name");
  }

  public String displayName() {
    return givenName() + " " + familyName();
  }

  public static Builder builder() {
    return new Builder();
  }

  public static class Builder extends ImmutablePerson.Builder {}
}
