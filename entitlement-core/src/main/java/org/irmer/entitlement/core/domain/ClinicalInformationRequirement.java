package org.irmer.entitlement.core.domain;

import com.google.common.collect.ImmutableSet;
import org.immutables.value.Value;

/**
 * An item of clinical information that requests for some modalities must carry (IR(ME)R 2017,
 * regulation 10(5): the referrer supplies sufficient medical data). For example a clinical
 * question for every request, renal function for contrast CT.
 */
@Value.Immutable
public abstract class ClinicalInformationRequirement {

  public abstract ClinicalInformationItem item();

  /** Modalities the item is required for; empty means every modality. */
  public abstract ImmutableSet<Modality> modalities();

  /** Whether the item is required only when the examination involves contrast. */
  @Value.Default
  public boolean contrastOnly() {
    return false;
  }

  public boolean appliesTo(Modality modality, boolean contrast) {
    return (modalities().isEmpty() || modalities().contains(modality)) && (contrast || !contrastOnly());
  }

  public static ClinicalInformationRequirement always(ClinicalInformationItem item) {
    return builder().item(item).build();
  }

  public static Builder builder() {
    return new Builder();
  }

  public static class Builder extends ImmutableClinicalInformationRequirement.Builder {}
}
