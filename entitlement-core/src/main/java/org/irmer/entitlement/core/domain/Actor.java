package org.irmer.entitlement.core.domain;

import static com.google.common.base.Preconditions.checkNotNull;

import java.util.Optional;

/**
 * Who issued a command: a person, or a named part of the system (the compliance sweep). Every
 * command, allowed or refused, is recorded with its actor (principle 1).
 */
public record Actor(String id, boolean system) {

  public Actor {
    Codes.check(id, "actor id");
  }

  public static Actor person(PersonId person) {
    checkNotNull(person, "person");
    return new Actor(person.value(), false);
  }

  public static Actor system(String component) {
    return new Actor(component, true);
  }

  /** The person acting; empty for the system. */
  public Optional<PersonId> personId() {
    return system ? Optional.empty() : Optional.of(PersonId.of(id));
  }

  @Override
  public String toString() {
    return system ? "system:" + id : id;
  }
}
