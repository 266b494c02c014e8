package org.irmer.entitlement.core.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A person's entry on a statutory register. A lapsed registration stops referrals at once
 * (DOMAIN.md section 3).
 */
@Value.Immutable
public abstract class ProfessionalRegistration {

  public abstract Regulator regulator();

  /** The registration number (PIN) on the regulator's register. */
  public abstract String number();

  public abstract RegistrationStatus status();

  /** The date the person was first registered; post-registration experience counts from it. */
  public abstract LocalDate registeredOn();

  /** When the entry was last checked against the regulator's register. */
  public abstract Instant checkedAt();

  /**
   * The instant the current status took effect, when it is known: recorded with the status (by the
   * compliance sweep from the regulator's register, or by hand); empty for a status imported
   * without one.
   */
  public abstract Optional<Instant> statusSince();

  public boolean isCurrent() {
    return status() == RegistrationStatus.REGISTERED;
  }

  @Value.Check
  protected void check() {
    Codes.check(number(), "registration number");
  }

  public static Builder builder() {
    return new Builder();
  }

  public static class Builder extends ImmutableProfessionalRegistration.Builder {}
}
