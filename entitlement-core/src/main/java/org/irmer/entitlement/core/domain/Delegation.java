package org.irmer.entitlement.core.domain;

import static com.google.common.base.Preconditions.checkState;

import java.time.LocalDate;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The employer's naming of the person or service to whom it delegated granting entitlement
 * (principle 1 of the 2025 guidance). Only a current delegate of an employer may approve, refuse,
 * suspend, reinstate or revoke its entitlements.
 */
@Value.Immutable
public abstract class Delegation {

  public abstract DelegationId id();

  public abstract EmployerId employer();

  public abstract Delegate delegate();

  /** Who, for the employer, made the delegation (for example the chief executive). */
  public abstract String delegatedBy();

  public abstract LocalDate validFrom();

  /** The last day of the delegation, inclusive; empty while it continues. */
  public abstract Optional<LocalDate> validTo();

  @Value.Default
  public long version() {
    return 0;
  }

  /** Whether the delegation is in force on {@code date} (both ends inclusive). */
  public boolean isCurrentOn(LocalDate date) {
    return !date.isBefore(validFrom()) && validTo().map(end -> !date.isAfter(end)).orElse(true);
  }

  /** Whether {@code person} may act under this delegation on {@code date}. */
  public boolean authorises(PersonId person, LocalDate date) {
    return isCurrentOn(date) && delegate().person().map(person::equals).orElse(false);
  }

  @Value.Check
  protected void check() {
    checkState(validTo().map(end -> !end.isBefore(validFrom())).orElse(true),
        "delegation %s ends before it starts", id());
  }

  public static Builder builder() {
    return new Builder();
  }

  public static class Builder extends ImmutableDelegation.Builder {}
}
