package org.irmer.entitlement.testkit.contract;

import static com.google.common.base.Preconditions.checkState;
import static org.assertj.core.api.Assertions.assertThat;
import static org.irmer.entitlement.testkit.contract.ContractFixtures.D0;
import static org.irmer.entitlement.testkit.contract.ContractFixtures.delegation;

import com.google.common.collect.ImmutableList;
import java.util.Optional;
import org.irmer.entitlement.core.domain.Delegate;
import org.irmer.entitlement.core.domain.Delegation;
import org.irmer.entitlement.core.domain.EmployerId;
import org.irmer.entitlement.core.port.out.DelegationStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link DelegationStore}: delegations versioned with optimistic concurrency, and
 * every delegation of an employer, past and present, listed by id (principle 1).
 */
public abstract class DelegationStoreContract {

  private DelegationStore store;

  /**
   * An empty {@code DelegationStore}, sharing nothing with any returned before: a new database schema, a
   * truncated one, or a new object. Called once before each test, on a new test instance.
   */
  protected abstract DelegationStore newStore();

  @BeforeEach
  final void createStore() {
    store = newStore();
    checkState(store != null, "newStore() returned null");
  }

  /** Versions and optimistic concurrency of delegations. */
  @Nested
  class Versions extends VersionedRecordChecks<Delegation> {

    @Override
    Delegation record(String id) {
      return delegation(id, "RX1");
    }

    @Override
    Delegation variant(Delegation delegation, int n) {
      return Delegation.builder().from(delegation).delegatedBy("Variant " + n).build();
    }

    @Override
    Delegation withVersion(Delegation delegation, long version) {
      return Delegation.builder().from(delegation).version(version).build();
    }

    @Override
    long version(Delegation delegation) {
      return delegation.version();
    }

    @Override
    Delegation save(Delegation delegation, long expectedVersion) {
      return store.save(delegation, expectedVersion);
    }

    @Override
    Optional<Delegation> find(Delegation delegation) {
      return store.find(delegation.id());
    }

    @Override
    ImmutableList<Delegation> listing(Delegation delegation) {
      return store.forEmployer(delegation.employer());
    }
  }

  @Test
  void listsTheEmployersDelegationsPastAndPresentOnly() {
    Delegation ended = store.save(Delegation.builder().from(delegation("D2", "RX1"))
        .validFrom(D0.minusYears(5)).validTo(D0.minusYears(1)).build(), 0);
    Delegation toService = store.save(Delegation.builder().from(delegation("D1", "RX1"))
        .delegate(Delegate.service("Imaging governance group")).validTo(Optional.empty()).build(), 0);
    store.save(delegation("D0", "RX2"), 0);

    assertThat(store.forEmployer(EmployerId.of("RX1"))).containsExactly(toService, ended);
    assertThat(store.forEmployer(EmployerId.of("unknown"))).isEmpty();
  }
}
