package org.irmer.entitlement.core.domain;

import static com.google.common.base.Preconditions.checkState;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import java.time.DayOfWeek;
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

  /**
   * Days a delegate has to decide a task whose cause gives no date of its own (a suspension
   * review, low activity, an overdue application), from the day it is raised; default 28.
   */
  @Value.Default
  public int taskResponseDays() {
    return 28;
  }

  /**
   * How long before the last day of an entitlement's validity the delegates are given a {@code
   * VALIDITY_ENDING} task, so that a new application can be decided in time (principle 2); default
   * 3 months.
   */
  @Value.Default
  public Period validityEndingNotice() {
    return Period.ofMonths(3);
  }

  /**
   * The target for the employer's part of an application (principle 2): working days from its
   * submission to a decision, not counting days on which it waits for the applicant's
   * information ({@code INFO_REQUESTED}); default 10. A working day is a Monday to Friday, in the
   * employer's zone, that is not one of {@link #nonWorkingDays()}.
   */
  @Value.Default
  public int applicationDecisionWorkingDays() {
    return 10;
  }

  /**
   * The target for an application in all: calendar days from its submission to a decision,
   * waiting for information included; default 28.
   */
  @Value.Default
  public int applicationTotalDays() {
    return 28;
  }

  /**
   * Days, besides Saturdays and Sundays, that are not working days for the application targets:
   * the bank holidays the procedures list. The library knows no holiday calendar of its own, so
   * none is left out unless listed here.
   */
  public abstract ImmutableSet<LocalDate> nonWorkingDays();

  /** Whether {@code date} is a working day for the application targets. */
  public boolean isWorkingDay(LocalDate date) {
    DayOfWeek day = date.getDayOfWeek();
    return day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY
        && !nonWorkingDays().contains(date);
  }

  /**
   * The next audit of practice after one reviewed on {@code reviewedOn} is due (principle 10):
   * that date plus {@link #auditInterval()}.
   */
  public LocalDate nextAuditDue(LocalDate reviewedOn) {
    return reviewedOn.plus(auditInterval());
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
    checkState(taskResponseDays() >= 1, "task response days must be at least 1");
    checkState(!validityEndingNotice().isNegative(), "validity ending notice must not be negative");
    checkState(applicationDecisionWorkingDays() >= 1,
        "the application decision target must be at least 1 working day");
    checkState(applicationTotalDays() >= 1, "the application total target must be at least 1 day");
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
