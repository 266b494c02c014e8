package org.irmer.entitlement.core.domain;

import static com.google.common.base.Preconditions.checkState;

import com.google.common.collect.ImmutableSet;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * One rule of a written scope of entitlement (principle 3): a modality, the body regions and
 * examinations it includes minus those it excludes, and optional constraints. Every constraint
 * left empty admits everything on its dimension. Including a region includes all of its
 * descendants in the {@link BodyRegionTree}. Exclusions beat inclusions: excluding a region
 * excludes its descendants and every examination whose region contains it (a whole-leg film when
 * the knee is excluded), so nothing that irradiates an excluded region is in scope.
 */
@Value.Immutable
public abstract class ScopeRule {

  /** Unique within its scope; reported as the matched rule of a decision. */
  public abstract String id();

  public abstract Modality modality();

  public abstract ImmutableSet<BodyRegion> includedRegions();

  public abstract ImmutableSet<ExaminationCode> includedExaminations();

  public abstract ImmutableSet<BodyRegion> excludedRegions();

  public abstract ImmutableSet<ExaminationCode> excludedExaminations();

  /** The youngest patient, in completed years, inclusive. */
  public abstract Optional<Integer> minAge();

  /** The oldest patient, in completed years, inclusive: {@code maxAge 17} refuses an 18th birthday. */
  public abstract Optional<Integer> maxAge();

  @Value.Default
  public PregnancyConstraint pregnancy() {
    return PregnancyConstraint.ALLOWED;
  }

  /** Settings the rule is limited to; empty means any setting. */
  public abstract ImmutableSet<CareSetting> settings();

  /** Clinical indications or pathways the rule is limited to; empty means any. */
  public abstract ImmutableSet<IndicationCode> indications();

  @Value.Default
  public boolean contrastAllowed() {
    return false;
  }

  /** Urgencies the rule is limited to; empty means any. */
  public abstract ImmutableSet<Urgency> urgencies();

  /** Training the referrer must hold for this rule, beyond what the procedures require. */
  public abstract ImmutableSet<TrainingType> requiredTraining();

  /** Whether the rule constrains the patient's age, so that a birth date is needed. */
  public boolean isAgeDependent() {
    return minAge().isPresent() || maxAge().isPresent();
  }

  @Value.Check
  protected void check() {
    Codes.check(id(), "scope rule id");
    checkState(!includedRegions().isEmpty() || !includedExaminations().isEmpty(),
        "scope rule %s must include at least one body region or examination", id());
    checkState(minAge().map(age -> age >= 0).orElse(true), "rule %s: minAge is negative", id());
    checkState(maxAge().map(age -> age >= 0).orElse(true), "rule %s: maxAge is negative", id());
    checkState(minAge().isEmpty() || maxAge().isEmpty() || minAge().get() <= maxAge().get(),
        "rule %s: minAge %s is above maxAge %s", id(), minAge().orElse(null), maxAge().orElse(null));
  }

  public static Builder builder() {
    return new Builder();
  }

  public static class Builder extends ImmutableScopeRule.Builder {}
}
