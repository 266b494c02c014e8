package org.irmer.entitlement.core.domain;

import static com.google.common.base.Preconditions.checkState;

import java.util.Optional;
import org.immutables.value.Value;

/** Whom an entitlement is granted to: one named person, or a group described by criteria. */
@Value.Immutable
public abstract class EntitlementSubject {

  public abstract Optional<PersonId> person();

  public abstract Optional<GroupCriteria> group();

  public static EntitlementSubject individual(PersonId person) {
    return builder().person(person).build();
  }

  public static EntitlementSubject group(GroupCriteria criteria) {
    return builder().group(criteria).build();
  }

  public boolean isGroup() {
    return group().isPresent();
  }

  @Value.Check
  protected void check() {
    checkState(person().isPresent() != group().isPresent(),
        "an entitlement subject is either a person or a group");
  }

  @Override
  public String toString() {
    return person().map(PersonId::value).orElseGet(() -> "group " + group().orElseThrow().name());
  }

  public static Builder builder() {
    return new Builder();
  }

  public static class Builder extends ImmutableEntitlementSubject.Builder {}
}
