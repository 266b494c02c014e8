package org.irmer.entitlement.core.domain;

import static com.google.common.base.Preconditions.checkState;

import java.time.LocalDate;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A post a person holds at an employer. An entitlement is bound to (person, employer, role): it
 * never follows the person to another role or employer (principle 5).
 */
@Value.Immutable
public abstract class Role {

  public abstract RoleId id();

  public abstract PersonId person();

  public abstract EmployerId employer();

  /** The job title, for example "Emergency nurse practitioner". */
  public abstract String title();

  public abstract LevelOfPractice level();

  public abstract LocalDate validFrom();

  /** The last day in the role, inclusive; empty while it continues. */
  public abstract Optional<LocalDate> validTo();

  @Value.Default
  public long version() {
    return 0;
  }

  public boolean isHeldOn(LocalDate date) {
    return !date.isBefore(validFrom()) && validTo().map(end -> !date.isAfter(end)).orElse(true);
  }

  @Value.Check
  protected void check() {
    checkState(validTo().map(end -> !end.isBefore(validFrom())).orElse(true),
        "role %s ends (%s) before it starts (%s)", id(), validTo().orElse(null), validFrom());
  }

  public static Builder builder() {
    return new Builder();
  }

  public static class Builder extends ImmutableRole.Builder {}
}
