package org.irmer.entitlement.core.domain;

import static com.google.common.base.Preconditions.checkState;

import com.google.common.collect.ImmutableMap;
import java.time.LocalDate;
import org.immutables.value.Value;

/**
 * An audit of a referrer's practice, kept by the employer (principle 10): the period and sample
 * looked at, the result of each criterion, the outcome, and when the next audit falls due.
 */
@Value.Immutable
public abstract class AuditRecord {

  public abstract AuditRecordId id();

  public abstract PersonId referrer();

  public abstract EmployerId employer();

  public abstract LocalDate periodFrom();

  public abstract LocalDate periodTo();

  /** How many referrals were sampled. */
  public abstract int sampleSize();

  /** Each audit criterion and whether it was met. */
  public abstract ImmutableMap<String, Boolean> criteria();

  public abstract AuditOutcome outcome();

  public abstract PersonId reviewedBy();

  public abstract LocalDate reviewedOn();

  public abstract LocalDate nextDue();

  @Value.Check
  protected void check() {
    checkState(!periodTo().isBefore(periodFrom()), "audit %s: period ends before it starts", id());
    checkState(sampleSize() >= 0, "audit %s: sample size is negative", id());
    checkState(nextDue().isAfter(reviewedOn()), "audit %s: next audit must fall after this one", id());
  }

  public static Builder builder() {
    return new Builder();
  }

  public static class Builder extends ImmutableAuditRecord.Builder {}
}
