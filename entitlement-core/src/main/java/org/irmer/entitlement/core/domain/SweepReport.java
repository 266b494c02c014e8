package org.irmer.entitlement.core.domain;

import com.google.common.collect.ImmutableList;
import java.time.Instant;
import org.immutables.value.Value;

/** What one run of the compliance sweep did and found (principle 6). */
@Value.Immutable
public abstract class SweepReport {

  public abstract Instant at();

  /** The change notices whose change this run made, their last day having passed (principle 5). */
  public abstract ImmutableList<ChangeNoticeId> noticesApplied();

  public abstract ImmutableList<EntitlementId> expired();

  public abstract ImmutableList<EntitlementId> suspended();

  /**
   * The registration statuses this run recorded because the regulator's register was stricter
   * than the register's record (DOMAIN.md section 3).
   */
  public abstract ImmutableList<RegistrationChange> registrationChanges();

  /**
   * The tasks this run raised for the delegates (principle 6); a task raised by an earlier run for
   * the same cause is not raised again, nor listed.
   */
  public abstract ImmutableList<TaskId> tasksRaised();

  /**
   * Referrers flagged for review without any status change (lapsed training, review due, a
   * registration status on the register stricter than the regulator's).
   */
  public abstract ImmutableList<String> flagged();

  public static Builder builder() {
    return new Builder();
  }

  public static class Builder extends ImmutableSweepReport.Builder {}
}
