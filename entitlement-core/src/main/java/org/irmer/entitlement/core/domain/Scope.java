package org.irmer.entitlement.core.domain;

import static com.google.common.base.Preconditions.checkState;

import com.google.common.collect.ImmutableList;
import java.util.HashSet;
import java.util.Set;
import org.immutables.value.Value;

/**
 * The written scope of an entitlement, given to the referrer (principle 3): a versioned set of
 * {@link ScopeRule}s. A request is in scope when at least one rule matches it on every dimension
 * and none of that rule's exclusions applies (DOMAIN.md section 5, rule 4).
 */
@Value.Immutable
public abstract class Scope {

  /** Starts at 1; a scope change gives the new entitlement the next version. */
  public abstract int version();

  public abstract ImmutableList<ScopeRule> rules();

  @Value.Check
  protected void check() {
    checkState(version() >= 1, "scope versions start at 1: %s", version());
    checkState(!rules().isEmpty(), "a scope has at least one rule");
    Set<String> ids = new HashSet<>();
    for (ScopeRule rule : rules()) {
      checkState(ids.add(rule.id()), "scope rule id %s is used twice", rule.id());
    }
  }

  public static Builder builder() {
    return new Builder();
  }

  public static class Builder extends ImmutableScope.Builder {}
}
