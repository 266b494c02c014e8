package org.irmer.entitlement.testkit.contract;

import static com.google.common.base.Preconditions.checkState;
import static org.assertj.core.api.Assertions.assertThat;
import static org.irmer.entitlement.testkit.contract.ContractFixtures.agreement;

import com.google.common.collect.ImmutableList;
import java.util.Optional;
import org.irmer.entitlement.core.domain.AgreementStatus;
import org.irmer.entitlement.core.domain.EmployerId;
import org.irmer.entitlement.core.domain.SharedResponsibilityAgreement;
import org.irmer.entitlement.core.port.out.AgreementStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link AgreementStore}: shared-responsibility agreements versioned with
 * optimistic concurrency, and those under which an employer recognises others listed from their
 * latest versions (principle 9).
 */
public abstract class AgreementStoreContract {

  private static final EmployerId RX1 = EmployerId.of("RX1");

  private AgreementStore store;

  /**
   * An empty {@code AgreementStore}, sharing nothing with any returned before: a new database schema, a
   * truncated one, or a new object. Called once before each test, on a new test instance.
   */
  protected abstract AgreementStore newStore();

  @BeforeEach
  final void createStore() {
    store = newStore();
    checkState(store != null, "newStore() returned null");
  }

  /** Versions and optimistic concurrency of agreements. */
  @Nested
  class Versions extends VersionedRecordChecks<SharedResponsibilityAgreement> {

    @Override
    SharedResponsibilityAgreement record(String id) {
      return agreement(id, "RX2", "RX1");
    }

    @Override
    SharedResponsibilityAgreement variant(SharedResponsibilityAgreement agreement, int n) {
      return SharedResponsibilityAgreement.builder().from(agreement)
          .status(AgreementStatus.SUSPENDED)
          .validFrom(agreement.validFrom().plusDays(n))
          .build();
    }

    @Override
    SharedResponsibilityAgreement withVersion(SharedResponsibilityAgreement agreement,
        long version) {
      return SharedResponsibilityAgreement.builder().from(agreement).version(version).build();
    }

    @Override
    long version(SharedResponsibilityAgreement agreement) {
      return agreement.version();
    }

    @Override
    SharedResponsibilityAgreement save(SharedResponsibilityAgreement agreement,
        long expectedVersion) {
      return store.save(agreement, expectedVersion);
    }

    @Override
    Optional<SharedResponsibilityAgreement> find(SharedResponsibilityAgreement agreement) {
      return store.find(agreement.id());
    }

    @Override
    ImmutableList<SharedResponsibilityAgreement> listing(SharedResponsibilityAgreement agreement) {
      return store.all();
    }
  }

  @Test
  void listsTheAgreementsUnderWhichTheEmployerRecognisesOthersSortedById() {
    SharedResponsibilityAgreement fromRx3 = store.save(agreement("S2", "RX3", "RX1"), 0);
    SharedResponsibilityAgreement fromRx2 = store.save(agreement("S1", "RX2", "RX1"), 0);
    store.save(agreement("S0", "RX1", "RX2"), 0);

    assertThat(store.recognisedBy(RX1)).containsExactly(fromRx2, fromRx3);
    assertThat(store.recognisedBy(EmployerId.of("unknown"))).isEmpty();
  }

  @Test
  void listsRecognitionFromTheLatestVersionOfEachAgreement() {
    SharedResponsibilityAgreement first = store.save(agreement("S1", "RX2", "RX1"), 0);
    SharedResponsibilityAgreement moved = store.save(SharedResponsibilityAgreement.builder()
        .from(first).recognisingEmployer(EmployerId.of("RX3")).build(), 1);

    assertThat(store.recognisedBy(RX1)).isEmpty();
    assertThat(store.recognisedBy(EmployerId.of("RX3"))).containsExactly(moved);
  }
}
