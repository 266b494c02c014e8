package org.irmer.entitlement.core.domain;

import static com.google.common.base.Preconditions.checkState;

import com.google.common.collect.ImmutableList;
import java.time.LocalDate;
import java.time.Period;
import org.immutables.value.Value;

/**
 * An employer's written procedures for entitlement, versioned (principle 8; IR(ME)R 2017,
 * Schedule 2(b)). Every configurable number of the library lives here, with the defaults of the
 * 2025 joint guidance where it gives one. Each entitlement records the version it was granted
 * under.
 */
@Value.Immutable
public abstract class WrittenProcedures {

  public abstract EmployerId employer();

  public abstract int version();

  /** The first day this version is in force. */
  public abstract LocalDate effectiveFrom();

  /** Which training each modality needs and what a lapse does (principle 4). */
  public abstract ImmutableList<TrainingRequirement> trainingRequirements();

  /** How long a granted entitlement lasts; default 3 years. */
  @Value.Default
  public Period entitlementValidity() {
    return Period.ofYears(3);
  }

  /** How often an entitlement is reviewed; default yearly. */
  @Value.Default
  public Period reviewInterval() {
    return Period.ofYears(1);
  }

  /** How often a referrer's practice is audited (principle 10); default 2 years. */
  @Value.Default
  public Period auditInterval() {
    return Period.ofYears(2);
  }

  /** Days after the audit due date before an audit counts as overdue; default 30. */
  @Value.Default
  public int auditGraceDays() {
    return 30;
  }

  /**
   * Requests a year a referrer must exceed to keep their skills; fewer is flagged for review and
   * never suspends automatically. Default 5.
   */
  @Value.Default
  public int minimumRequestsPerYear() {
    return 5;
  }

  /** Experience after first registration needed to apply; default 2 years. */
  @Value.Default
  public Period minimumPostRegistrationExperience() {
    return Period.ofYears(2);
  }

  /** Upheld compliance events within the window that trigger the action; default 3. */
  @Value.Default
  public int nonComplianceThreshold() {
    return 3;
  }

  /** The rolling window for the threshold; default 12 months. */
  @Value.Default
  public Period nonComplianceWindow() {
    return Period.ofMonths(12);
  }

  @Value.Default
  public NonComplianceAction nonComplianceAction() {
    return NonComplianceAction.REVIEW;
  }

  @Value.Default
  public PregnancyEnquiryRule pregnancyEnquiry() {
    return PregnancyEnquiryRule.defaults();
  }

  /** Clinical information requests must carry; by default a clinical question always. */
  @Value.Default
  public ImmutableList<ClinicalInformationRequirement> clinicalInformation() {
    return ImmutableList.of(
        ClinicalInformationRequirement.always(ClinicalInformationItem.CLINICAL_QUESTION),
        ClinicalInformationRequirement.builder()
            .item(ClinicalInformationItem.RENAL_FUNCTION)
            .addModality(Modality.CT)
            .contrastOnly(true)
            .build());
  }

  @Value.Default
  public long recordVersion() {
    return 0;
  }

  /** The training requirements that apply to a modality, in the order the procedures list them. */
  public ImmutableList<TrainingRequirement> trainingFor(Modality modality) {
    return trainingRequirements().stream()
        .filter(requirement -> requirement.appliesTo(modality))
        .collect(ImmutableList.toImmutableList());
  }

  @Value.Check
  protected void check() {
    checkState(version() >= 1, "procedures versions start at 1: %s", version());
    checkState(isPositive(entitlementValidity()), "entitlement validity must be positive");
    checkState(isPositive(reviewInterval()), "review interval must be positive");
    checkState(isPositive(auditInterval()), "audit interval must be positive");
    checkState(isPositive(nonComplianceWindow()), "non-compliance window must be positive");
    checkState(auditGraceDays() >= 0, "audit grace must not be negative");
    checkState(minimumRequestsPerYear() >= 0, "minimum activity must not be negative");
    checkState(nonComplianceThreshold() >= 1, "non-compliance threshold must be at least 1");
    checkState(!minimumPostRegistrationExperience().isNegative(),
        "minimum experience must not be negative");
  }

  private static boolean isPositive(Period period) {
    return !period.isNegative() && !period.isZero();
  }

  public static Builder builder() {
    return new Builder();
  }

  public static class Builder extends ImmutableWrittenProcedures.Builder {}
}
