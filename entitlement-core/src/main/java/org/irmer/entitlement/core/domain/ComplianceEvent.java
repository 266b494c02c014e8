package org.irmer.entitlement.core.domain;

import java.time.Instant;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * Something recorded against a referrer's practice (principles 6 and 7): a referral the
 * practitioner did not justify, an incident, an audit failure, a blocked attempt. Only upheld
 * events of kinds that {@linkplain ComplianceEventKind#countsTowardsNonCompliance() count} move
 * the referrer towards the non-compliance threshold.
 */
@Value.Immutable
public abstract class ComplianceEvent {

  public abstract ComplianceEventId id();

  public abstract PersonId referrer();

  public abstract EmployerId employer();

  public abstract ComplianceEventKind kind();

  public abstract boolean upheld();

  public abstract Instant occurredAt();

  /** What happened, in plain words and without patient identifiers. */
  public abstract String description();

  /** The order the event concerns, where there is one. */
  public abstract Optional<String> orderId();

  public abstract Optional<PersonId> recordedBy();

  public boolean countsTowardsNonCompliance() {
    return upheld() && kind().countsTowardsNonCompliance();
  }

  public static Builder builder() {
    return new Builder();
  }

  public static class Builder extends ImmutableComplianceEvent.Builder {}
}
