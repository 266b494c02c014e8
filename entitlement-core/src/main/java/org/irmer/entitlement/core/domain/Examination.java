package org.irmer.entitlement.core.domain;

import java.util.Optional;
import org.immutables.value.Value;

/**
 * An entry of the examination catalogue: the code a request names and what it means (modality,
 * body region, laterality, contrast). Codes are looked up, never parsed (DOMAIN.md section 4).
 */
@Value.Immutable
public abstract class Examination {

  public abstract ExaminationCode code();

  /** A plain-English name, for example "X-ray knee left". */
  public abstract String name();

  public abstract Modality modality();

  public abstract BodyRegion region();

  @Value.Default
  public Laterality laterality() {
    return Laterality.NOT_APPLICABLE;
  }

  /** Whether the examination always involves contrast. */
  @Value.Default
  public boolean contrast() {
    return false;
  }

  /** The SNOMED CT concept id, where known. */
  public abstract Optional<String> snomedId();

  /** Whether the examination exposes the patient to ionising radiation; by default its modality's. */
  @Value.Default
  public boolean ionising() {
    return modality().isIonising();
  }

  @Value.Check
  protected void check() {
    Codes.check(name(), "examination name");
  }

  public static Builder builder() {
    return new Builder();
  }

  public static class Builder extends ImmutableExamination.Builder {}
}
