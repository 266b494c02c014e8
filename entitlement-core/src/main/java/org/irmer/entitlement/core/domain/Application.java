package org.irmer.entitlement.core.domain;

import com.google.common.collect.ImmutableList;
import java.time.Instant;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * An application for entitlement (principle 2): the service need, the role and level of practice,
 * the proposed scope, the supervision and accountability lines, and the evidence. The value may be
 * incomplete; submission validates it and reports one reason per missing item.
 */
@Value.Immutable
public abstract class Application {

  public abstract ApplicationId id();

  @Value.Default
  public long version() {
    return 0;
  }

  @Value.Default
  public EntitlementType type() {
    return EntitlementType.REFERRER;
  }

  public abstract PersonId applicant();

  public abstract RoleId role();

  public abstract EmployerId employer();

  /** Why the service needs this person to refer (principle 2). */
  public abstract Optional<String> serviceNeed();

  public abstract Optional<Scope> proposedScope();

  public abstract Optional<PersonId> supervisor();

  public abstract Optional<PersonId> clinicalLead();

  public abstract Optional<PersonId> accountableManager();

  public abstract ImmutableList<Evidence> evidence();

  @Value.Default
  public ApplicationStatus status() {
    return ApplicationStatus.SUBMITTED;
  }

  /** The delegate's note on the last decision or information request. */
  public abstract Optional<String> note();

  public abstract Optional<PersonId> decidedBy();

  /** The entitlement granted on approval. */
  public abstract Optional<EntitlementId> entitlement();

  /** When this version was written. */
  public abstract Instant recordedAt();

  public static Builder builder() {
    return new Builder();
  }

  public static class Builder extends ImmutableApplication.Builder {}
}
