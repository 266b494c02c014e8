package org.irmer.entitlement.core.domain;

import static com.google.common.base.Preconditions.checkState;

import com.google.common.collect.ImmutableSet;
import org.immutables.value.Value;

/**
 * Who a group entitlement covers, for example "all GMC-registered doctors of the employer". A
 * person is covered when registered with one of the regulators, of one of the professions (if
 * any are listed) and, by default, holding a current role at the entitling employer.
 */
@Value.Immutable
public abstract class GroupCriteria {

  /** A short name for letters and messages, for example "GMC-registered doctors". */
  public abstract String name();

  public abstract ImmutableSet<Regulator> regulators();

  /** Professions covered; empty means every profession the regulators register. */
  public abstract ImmutableSet<Profession> professions();

  /** Whether members need a current role at the employer; true unless the procedures say not. */
  @Value.Default
  public boolean requiresRoleAtEmployer() {
    return true;
  }

  @Value.Check
  protected void check() {
    Codes.check(name(), "group name");
    checkState(!regulators().isEmpty(), "group %s must name at least one regulator", name());
  }

  public static Builder builder() {
    return new Builder();
  }

  public static class Builder extends ImmutableGroupCriteria.Builder {}
}
