package org.irmer.entitlement.core.domain;

import com.google.common.collect.ImmutableSet;
import java.time.Instant;
import java.util.Optional;
import org.immutables.value.Value;
import org.jspecify.annotations.Nullable;

/**
 * A request for an imaging examination, as the ordering system presents it at the moment it is
 * made. Everything the decision needs is here, including the instant: the engine never reads the
 * wall clock (DOMAIN.md section 5, rule 1).
 */
@Value.Immutable
public abstract class ReferralRequest {

  public abstract PersonId referrer();

  /** The imaging employer that would carry out the exposure. */
  public abstract EmployerId employer();

  public abstract ExaminationCode examination();

  /** Empty when the ordering system sent no patient details at all. */
  public abstract Optional<Patient> patient();

  /** Where the request is made; empty when the ordering system did not say. */
  public abstract Optional<CareSetting> setting();

  public abstract Optional<IndicationCode> indication();

  /** The items of clinical information the request carries. */
  public abstract ImmutableSet<ClinicalInformationItem> clinicalInformation();

  @Value.Default
  public Urgency urgency() {
    return Urgency.ROUTINE;
  }

  /** Whether contrast is requested; an examination whose code implies contrast has it anyway. */
  @Value.Default
  public boolean contrast() {
    return false;
  }

  public abstract Instant requestedAt();

  /** The ordering system's order or correlation id. */
  public abstract Optional<String> orderId();

  /** The channel the request arrived on, recorded with its decision; empty for a direct call. */
  public abstract Optional<RequestOrigin> origin();

  /*
   * The nullable views below exist only for the compiled engine's permit path, which must not
   * allocate (ARCHITECTURE.md, performance targets); everything else reads the Optional accessors.
   * Each generated Optional accessor returns Optional.ofNullable(field), a new Optional or the
   * shared empty one, and the Java 17 JIT does not remove an allocation that merges with another
   * object that way: read through the Optional accessors, the permit path allocated 89 bytes per
   * permitted check of benchmark workload W2 (thread allocation counter over two million checks
   * after warm-up), and none through these views. The engine cannot keep its own copy of a value
   * the caller builds per request, so the views are computed once when the value is built; they
   * take no part in equality or printing.
   */

  /** {@link #patient()} or null, for allocation-free reads. */
  @Value.Derived
  @Value.Auxiliary
  public @Nullable Patient patientOrNull() {
    return patient().orElse(null);
  }

  /** {@link #setting()} or null, for allocation-free reads. */
  @Value.Derived
  @Value.Auxiliary
  public @Nullable CareSetting settingOrNull() {
    return setting().orElse(null);
  }

  /** {@link #indication()} or null, for allocation-free reads. */
  @Value.Derived
  @Value.Auxiliary
  public @Nullable IndicationCode indicationOrNull() {
    return indication().orElse(null);
  }

  public static Builder builder() {
    return new Builder();
  }

  public static class Builder extends ImmutableReferralRequest.Builder {}
}
