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

  /**
   * The oldest age, in completed years, a patient can plausibly have: no one is known to have
   * lived to it. A birth date that gives an older age is bad data, and the decision says so
   * ({@link ReasonCode#IMPLAUSIBLE_PATIENT_AGE}) instead of judging age bounds or the pregnancy
   * enquiry's age band with it.
   */
  public static final int OLDEST_PLAUSIBLE_AGE = 150;

  public abstract Optional<LocalDate> birthDate();

  @Value.Default
  public Sex sex() {
    return Sex.UNKNOWN;
  }

  public abstract Optional<PregnancyStatus> pregnancy();

  /**
   * {@link #birthDate()} or null, only for the compiled engine's allocation-free permit path (why:
   * see the comment above {@link ReferralRequest#patientOrNull}).
   */
  @Value.Derived
  @Value.Auxiliary
  public @Nullable LocalDate birthDateOrNull() {
    return birthDate().orElse(null);
  }

  /** {@link #pregnancy()} or null, only for the compiled engine's allocation-free permit path. */
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
