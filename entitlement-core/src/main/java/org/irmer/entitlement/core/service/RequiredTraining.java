package org.irmer.entitlement.core.service;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSortedSet;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.irmer.entitlement.core.domain.Scope;
import org.irmer.entitlement.core.domain.ScopeRule;
import org.irmer.entitlement.core.domain.TrainingLapsePolicy;
import org.irmer.entitlement.core.domain.TrainingRecord;
import org.irmer.entitlement.core.domain.TrainingRequirement;
import org.irmer.entitlement.core.domain.TrainingType;
import org.irmer.entitlement.core.domain.WrittenProcedures;

/**
 * The training a scope needs under an employer's written procedures (principles 4 and 8), read as
 * the decision engine reads it: a rule needs the training the procedures require for its modality,
 * under their lapse policy, plus the rule's own required training, which blocks unless the
 * procedures give that training a policy for the modality.
 */
final class RequiredTraining {

  private RequiredTraining() {}

  /** The training one rule needs, each with its lapse policy, in the procedures' order. */
  static ImmutableMap<TrainingType, TrainingLapsePolicy> forRule(
      ScopeRule rule, WrittenProcedures procedures) {
    Map<TrainingType, TrainingLapsePolicy> required = new LinkedHashMap<>();
    for (TrainingRequirement requirement : procedures.trainingFor(rule.modality())) {
      required.putIfAbsent(requirement.training(), requirement.lapsePolicy());
    }
    for (TrainingType training : ImmutableSortedSet.copyOf(rule.requiredTraining())) {
      required.putIfAbsent(training, TrainingLapsePolicy.BLOCK);
    }
    return ImmutableMap.copyOf(required);
  }

  /**
   * The training the scope needs, whatever its lapse policy, that is not current on {@code date};
   * empty when everything required is evidenced.
   */
  static ImmutableSortedSet<TrainingType> notCurrent(
      Scope scope, WrittenProcedures procedures, List<TrainingRecord> records, LocalDate date) {
    return scope.rules().stream()
        .flatMap(rule -> forRule(rule, procedures).keySet().stream())
        .filter(type -> !TrainingStanding.heldOn(type, records, date))
        .collect(ImmutableSortedSet.toImmutableSortedSet(TrainingType::compareTo));
  }

  /** How the person stands against every rule of the scope on {@code date}. */
  static Assessment assess(
      Scope scope, WrittenProcedures procedures, List<TrainingRecord> records, LocalDate date) {
    boolean everyRuleBlocked = true;
    Map<TrainingType, TrainingStanding> lapses = new LinkedHashMap<>();
    for (ScopeRule rule : scope.rules()) {
      boolean ruleBlocked = false;
      for (Map.Entry<TrainingType, TrainingLapsePolicy> required :
          forRule(rule, procedures).entrySet()) {
        TrainingStanding standing =
            TrainingStanding.of(required.getKey(), required.getValue(), records, date);
        ruleBlocked |= standing.blocks();
        if (!standing.isCurrent()) {
          lapses.putIfAbsent(standing.type(), standing);
        }
      }
      everyRuleBlocked &= ruleBlocked;
    }
    return new Assessment(everyRuleBlocked, ImmutableList.copyOf(lapses.values()));
  }

  /**
   * How a person stands against a whole scope.
   *
   * @param everyRuleBlocked whether lapsed training refuses every request the scope allows, so that
   *     the entitlement cannot be used at all
   * @param lapses every required training that is not current, once each, in rule order
   */
  record Assessment(boolean everyRuleBlocked, ImmutableList<TrainingStanding> lapses) {}
}
