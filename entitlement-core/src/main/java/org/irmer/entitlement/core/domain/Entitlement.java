package org.irmer.entitlement.core.domain;

import static com.google.common.base.Preconditions.checkState;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * An employer's entitlement of a referrer, or of a group, within a written scope (IR(ME)R 2017,
 * regulation 6 and Schedule 2(b); principle 3). Bound to (person, employer, role): it never follows
 * a person elsewhere (principle 5). {@link #validFrom()} and {@link #validTo()} are dates in the
 * employer's zone and both inclusive: the entitlement holds until the end of {@code validTo}.
 *
 * <p>Every write produces a new {@link #version()}; stores keep them all, stamped with
 * {@link #recordedAt()}, so the state at any past instant can be recovered (principle 10). A
 * version usually moves the status along {@link EntitlementStatus}; a change notice writes one that
 * keeps a live status and moves {@code validTo} to the notice's last day, or back (principle 5).
 */
@Value.Immutable
public abstract class Entitlement {

  public abstract EntitlementId id();

  /** The store's version of this record: 1 for the first save, one more for each later save. */
  @Value.Default
  public long version() {
    return 0;
  }

  @Value.Default
  public EntitlementType type() {
    return EntitlementType.REFERRER;
  }

  public abstract EntitlementSubject subject();

  public abstract EmployerId employer();

  /** The role an individual entitlement is bound to; empty for group entitlements. */
  public abstract Optional<RoleId> role();

  public abstract Scope scope();

  public abstract EntitlementStatus status();

  /** Why the status is what it is, in plain words (for example the suspension reason). */
  public abstract Optional<String> statusReason();

  public abstract LocalDate validFrom();

  /** The last day the entitlement holds, inclusive, in the employer's zone. */
  public abstract LocalDate validTo();

  /** The day the next review falls due; the check warns {@code REVIEW_DUE} from then on. */
  public abstract Optional<LocalDate> reviewDue();

  /** The delegation under which it was granted (principle 1). */
  public abstract DelegationId grantedUnder();

  /** The delegate who granted it. */
  public abstract PersonId grantedBy();

  /** The version of the employer's written procedures it was granted under (principle 8). */
  public abstract int proceduresVersion();

  public abstract Optional<ApplicationId> application();

  public abstract Optional<PersonId> supervisor();

  public abstract Optional<PersonId> clinicalLead();

  public abstract Optional<PersonId> accountableManager();

  /** The entitlement this one replaced after a scope change. */
  public abstract Optional<EntitlementId> supersedes();

  /** When this version was written. */
  public abstract Instant recordedAt();

  /** Whether this entitlement names {@code person} individually. */
  public boolean isFor(PersonId person) {
    return subject().person().map(person::equals).orElse(false);
  }

  /** Whether {@code date} falls within the validity period, both ends inclusive. */
  public boolean isWithinValidity(LocalDate date) {
    return !date.isBefore(validFrom()) && !date.isAfter(validTo());
  }

  @Value.Check
  protected void check() {
    checkState(!validTo().isBefore(validFrom()),
        "entitlement %s: validTo %s is before validFrom %s", id(), validTo(), validFrom());
    checkState(subject().isGroup() || role().isPresent(),
        "individual entitlement %s must be bound to a role", id());
    checkState(!subject().isGroup() || role().isEmpty(),
        "group entitlement %s is not bound to a role", id());
  }

  public static Builder builder() {
    return new Builder();
  }

  public static class Builder extends ImmutableEntitlement.Builder {}
}
