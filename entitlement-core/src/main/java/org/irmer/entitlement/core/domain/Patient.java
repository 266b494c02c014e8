package org.irmer.entitlement.core.domain;

import java.time.LocalDate;
import java.time.Period;
import java.util.Optional;
import org.immutables.value.Value;
import org.jspecify.annotations.Nullable;

/**
 * What a request says about the patient: only what the rules need, and no identifiers. Any field
 * may be absent; the decision then says which information is missing.
 */
@Value.Immutable
public abstract class Patient {

  public abstract Optional<LocalDate> birthDate();

  @Value.Default
  public Sex sex() {
    return Sex.UNKNOWN;
  }

  public abstract Optional<PregnancyStatus> pregnancy();

  /** {@link #birthDate()} or null, for allocation-free reads (see {@link ReferralRequest#patientOrNull}). */
  @Value.Derived
  @Value.Auxiliary
  public @Nullable LocalDate birthDateOrNull() {
    return birthDate().orElse(null);
  }

  /** {@link #pregnancy()} or null, for allocation-free reads. */
  @Value.Derived
  @Value.Auxiliary
  public @Nullable PregnancyStatus pregnancyOrNull() {
    return pregnancy().orElse(null);
  }

  /**
   * The age in completed years on {@code date}, with {@link Period} semantics: a person born on
   * 29 February has their birthday on 1 March in other years (DOMAIN.md section 5, rule 2).
   */
  public static int ageOn(LocalDate birthDate, LocalDate date) {
    return Period.between(birthDate, date).getYears();
  }

  public static Builder builder() {
    return new Builder();
  }

  public static class Builder extends ImmutablePatient.Builder {}
}
