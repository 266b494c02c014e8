package org.irmer.entitlement.core.domain;

import static com.google.common.base.Preconditions.checkNotNull;
import static com.google.common.base.Preconditions.checkState;

import com.google.common.collect.ImmutableList;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A change notified ahead of the day it takes effect (principle 5): the referrer leaving the
 * employer, moving to another role there, or a reduced scope. Until the end of its {@link
 * #lastDay()}, in the employer's zone, everything holds as before; from the first instant of the
 * next day the change is in effect (DOMAIN.md section 5, rule 1).
 *
 * <p>The notice keeps what it changed so that it can be undone exactly: each entitlement it limited
 * to its last day, with the {@code validTo} it had before, and each role it ended on its last day,
 * with the end it had before. Stores keep every version, so the life of a notice (given, then
 * withdrawn or in effect) can be read back like an entitlement's.
 */
@Value.Immutable
public abstract class ChangeNotice {

  public abstract ChangeNoticeId id();

  /** The store's version of this record: 1 for the first save, one more for each later save. */
  @Value.Default
  public long version() {
    return 0;
  }

  public abstract ChangeNoticeKind kind();

  /** The referrer whose change it is. */
  public abstract PersonId person();

  public abstract EmployerId employer();

  /** The last day things stay as they are, inclusive, in the employer's zone. */
  public abstract LocalDate lastDay();

  public abstract ChangeNoticeStatus status();

  /** Who gave the notice: the referrer or a delegate. */
  public abstract Actor notifiedBy();

  /** Each entitlement the notice limited to its last day, with the last day it held before. */
  public abstract ImmutableList<Limit> entitlements();

  /** Each role the notice ended on its last day, with the end it had before. */
  public abstract ImmutableList<RoleEnd> roles();

  /** For a role change, the role the person moves to, saved when the change takes effect. */
  public abstract Optional<Role> newRole();

  /** For a scope reduction, the scope the entitlement has from the day the change takes effect. */
  public abstract Optional<Scope> reducedScope();

  /** When this version was written. */
  public abstract Instant recordedAt();

  /** The first day of the change: the day after {@link #lastDay()}. */
  public LocalDate takesEffectOn() {
    return lastDay().plusDays(1);
  }

  /** Whether the change is in effect on {@code date}, whatever its status records yet. */
  public boolean hasTakenEffectOn(LocalDate date) {
    return date.isAfter(lastDay());
  }

  @Value.Check
  protected void check() {
    checkState(
        newRole().isPresent() == (kind() == ChangeNoticeKind.ROLE_CHANGE),
        "notice %s: a new role is given with a role change, and only then",
        id());
    checkState(
        reducedScope().isPresent() == (kind() == ChangeNoticeKind.SCOPE_REDUCTION),
        "notice %s: a reduced scope is given with a scope reduction, and only then",
        id());
    checkState(
        kind() != ChangeNoticeKind.SCOPE_REDUCTION || entitlements().size() == 1,
        "notice %s: a scope reduction limits exactly one entitlement",
        id());
    newRole()
        .ifPresent(
            role ->
                checkState(
                    role.person().equals(person())
                        && role.employer().equals(employer())
                        && role.validFrom().equals(takesEffectOn()),
                    "notice %s: the new role is %s's at %s from %s",
                    id(),
                    person(),
                    employer(),
                    takesEffectOn()));
  }

  public static Builder builder() {
    return new Builder();
  }

  public static class Builder extends ImmutableChangeNotice.Builder {}

  /** An entitlement the notice limited to its last day, and the last day it held before. */
  public record Limit(EntitlementId entitlement, LocalDate validToBefore) {

    public Limit {
      checkNotNull(entitlement, "entitlement");
      checkNotNull(validToBefore, "validToBefore");
    }
  }

  /** A role the notice ended on its last day, and the last day it had before; empty: none. */
  public record RoleEnd(RoleId role, Optional<LocalDate> validToBefore) {

    public RoleEnd {
      checkNotNull(role, "role");
      checkNotNull(validToBefore, "validToBefore");
    }
  }
}
