package org.irmer.entitlement.core.domain;

import com.google.common.collect.ImmutableList;
import java.time.Instant;
import org.immutables.value.Value;

/** What one run of the compliance sweep did and found (principle 6). */
@Value.Immutable
public abstract class SweepReport {

  public abstract Instant at();

  public abstract ImmutableList<EntitlementId> expired();

  public abstract ImmutableList<EntitlementId> suspended();

  /** Referrers flagged for review without any status change (low activity, review due). */
  public abstract ImmutableList<String> flagged();

  public static Builder builder() {
    return new Builder();
  }

  public static class Builder extends ImmutableSweepReport.Builder {}
}
