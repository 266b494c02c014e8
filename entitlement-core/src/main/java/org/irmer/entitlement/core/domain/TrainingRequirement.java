package org.irmer.entitlement.core.domain;

import com.google.common.collect.ImmutableSet;
import org.immutables.value.Value;

/**
 * One line of the procedures' training policy: referrals for these modalities need this training,
 * and a lapse is handled so (principle 4).
 */
@Value.Immutable
public abstract class TrainingRequirement {

  public abstract TrainingType training();

  /** The modalities that need the training; empty means every modality. */
  public abstract ImmutableSet<Modality> modalities();

  @Value.Default
  public TrainingLapsePolicy lapsePolicy() {
    return TrainingLapsePolicy.BLOCK;
  }

  public boolean appliesTo(Modality modality) {
    return modalities().isEmpty() || modalities().contains(modality);
  }

  public static Builder builder() {
    return new Builder();
  }

  public static class Builder extends ImmutableTrainingRequirement.Builder {}
}
