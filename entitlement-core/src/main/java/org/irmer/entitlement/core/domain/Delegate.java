package org.irmer.entitlement.core.domain;

import static com.google.common.base.Preconditions.checkState;

import java.util.Optional;
import org.immutables.value.Value;

/**
 * Whom an employer delegated the granting of entitlement to: a named person or a named service
 * (principle 1). Exactly one of the two is present. A service acts through its named members,
 * who are recorded as people with their own delegation.
 */
@Value.Immutable
public abstract class Delegate {

  public abstract Optional<PersonId> person();

  public abstract Optional<String> service();

  public static Delegate person(PersonId person) {
    return builder().person(person).build();
  }

  public static Delegate service(String name) {
    return builder().service(name).build();
  }

  @Value.Check
  protected void check() {
    checkState(person().isPresent() != service().isPresent(),
        "a delegate is either a person or a service, not both or neither");
    service().ifPresent(name -> Codes.check(name, "service name"));
  }

  @Override
  public String toString() {
    return person().map(PersonId::value).orElseGet(() -> service().orElseThrow());
  }

  public static Builder builder() {
    return new Builder();
  }

  public static class Builder extends ImmutableDelegate.Builder {}
}
