package org.irmer.entitlement.benchmarks;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import java.util.EnumMap;
import java.util.Map;
import org.irmer.entitlement.core.domain.Modality;
import org.irmer.entitlement.core.domain.PersonId;
import org.irmer.entitlement.core.domain.ScopeRule;
import org.irmer.entitlement.core.domain.TrainingType;

/**
 * What the generator decided about one referrer, kept so that requests can be aimed at a rule or at
 * a refusal. The register holds the same facts as domain values; this is only the generator's memo.
 *
 * @param standing whether the entitlement and registration hold today, and if not, why
 * @param currentTraining the training types current on {@link BenchmarkTrust#TODAY}
 * @param expiredTraining the training types held once but lapsed by then
 */
record ReferrerProfile(
    PersonId id,
    Standing standing,
    ImmutableList<ScopeRule> rules,
    ImmutableSet<TrainingType> currentTraining,
    ImmutableSet<TrainingType> expiredTraining) {

  /** Whether the referrer's entitlement and registration hold on the day of the requests. */
  enum Standing {
    IN_FORCE,
    SUSPENDED,
    REVOKED,
    PENDING_PREREQUISITES,
    /** Active, but its validity ended before today. */
    VALIDITY_ENDED,
    /** Active, but its validity starts after today. */
    NOT_YET_VALID,
    REGISTRATION_LAPSED
  }

  boolean inForce() {
    return standing == Standing.IN_FORCE;
  }

  /** Whether the referrer holds every training the rule needs, given the trust's procedures. */
  boolean trainedFor(ScopeRule rule) {
    return currentTraining.containsAll(requiredTraining(rule));
  }

  /** The procedures' training for the rule's modality plus the rule's own. */
  static ImmutableSet<TrainingType> requiredTraining(ScopeRule rule) {
    ImmutableSet<TrainingType> procedures = BY_MODALITY.get(rule.modality());
    return rule.requiredTraining().isEmpty()
        ? procedures
        : ImmutableSet.<TrainingType>builder()
            .addAll(procedures)
            .addAll(rule.requiredTraining())
            .build();
  }

  private static final Map<Modality, ImmutableSet<TrainingType>> BY_MODALITY = byModality();

  private static Map<Modality, ImmutableSet<TrainingType>> byModality() {
    Map<Modality, ImmutableSet<TrainingType>> required = new EnumMap<>(Modality.class);
    for (Modality modality : Modality.values()) {
      required.put(
          modality,
          BenchmarkTrust.PROCEDURES.trainingFor(modality).stream()
              .map(requirement -> requirement.training())
              .collect(ImmutableSet.toImmutableSet()));
    }
    return required;
  }
}
