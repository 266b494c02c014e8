package org.irmer.entitlement.testkit.contract;

import static com.google.common.base.Preconditions.checkState;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.irmer.entitlement.testkit.contract.ContractFixtures.employer;
import static org.irmer.entitlement.testkit.contract.ContractFixtures.procedures;

import com.google.common.collect.ImmutableList;
import java.util.Optional;
import org.irmer.entitlement.core.domain.Employer;
import org.irmer.entitlement.core.domain.EmployerId;
import org.irmer.entitlement.core.domain.WrittenProcedures;
import org.irmer.entitlement.core.port.out.DuplicateRecordException;
import org.irmer.entitlement.core.port.out.EmployerStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link EmployerStore}: employers versioned with optimistic concurrency, and
 * every version of their written procedures stored once and never changed (principle 8).
 *
 * <p>The port does not say what {@link WrittenProcedures#recordVersion()} a stored version carries,
 * so the suite compares procedures with it set to what {@code addProcedures} returned.
 */
public abstract class EmployerStoreContract {

  private static final EmployerId RX1 = EmployerId.of("RX1");
  private static final int RACERS = 8;

  private EmployerStore store;

  /**
   * An empty {@code EmployerStore}, sharing nothing with any returned before: a new database schema, a
   * truncated one, or a new object. Called once before each test, on a new test instance.
   */
  protected abstract EmployerStore newStore();

  @BeforeEach
  final void createStore() {
    store = newStore();
    checkState(store != null, "newStore() returned null");
  }

  /** Versions and optimistic concurrency of employers. */
  @Nested
  class Employers extends VersionedRecordChecks<Employer> {

    @Override
    Employer record(String id) {
      return employer(id);
    }

    @Override
    Employer variant(Employer employer, int n) {
      return Employer.builder().from(employer).name("Variant " + n).build();
    }

    @Override
    Employer withVersion(Employer employer, long version) {
      return Employer.builder().from(employer).version(version).build();
    }

    @Override
    long version(Employer employer) {
      return employer.version();
    }

    @Override
    Employer save(Employer employer, long expectedVersion) {
      return store.save(employer, expectedVersion);
    }

    @Override
    Optional<Employer> find(Employer employer) {
      return store.find(employer.id());
    }

    @Override
    ImmutableList<Employer> listing(Employer employer) {
      return store.all();
    }
  }

  @Test
  void keepsProceduresExactlyAsAdded() {
    WrittenProcedures written = procedures("RX1", 1);

    WrittenProcedures added = store.addProcedures(written);

    assertThat(added).isEqualTo(asStored(written, added));
    assertThat(store.procedures(RX1, 1)).contains(added);
  }

  @Test
  void findsNoProceduresForAVersionOrEmployerNeverStored() {
    store.addProcedures(procedures("RX1", 1));

    assertThat(store.procedures(RX1, 2)).isEmpty();
    assertThat(store.procedures(EmployerId.of("RX2"), 1)).isEmpty();
  }

  @Test
  void refusesAVersionOfProceduresAlreadyStoredAndKeepsTheFirst() {
    WrittenProcedures first = store.addProcedures(procedures("RX1", 1));
    WrittenProcedures other = WrittenProcedures.builder().from(procedures("RX1", 1))
        .auditGraceDays(5).build();

    assertThatThrownBy(() -> store.addProcedures(other))
        .isInstanceOf(DuplicateRecordException.class);

    assertThat(store.procedures(RX1, 1)).contains(first);
  }

  @Test
  void keepsEachVersionOfEachEmployersProceduresApart() {
    WrittenProcedures rx1v1 = store.addProcedures(procedures("RX1", 1));
    WrittenProcedures rx1v2 = store.addProcedures(procedures("RX1", 2));
    WrittenProcedures rx2v1 = store.addProcedures(procedures("RX2", 1));

    assertThat(store.procedures(RX1, 1)).contains(rx1v1);
    assertThat(store.procedures(RX1, 2)).contains(rx1v2);
    assertThat(store.procedures(EmployerId.of("RX2"), 1)).contains(rx2v1);
  }

  @Test
  void letsExactlyOneOfThreadsAddingTheSameVersionOfProceduresSucceed() {
    WrittenProcedures winner = Concurrently.onlyWinner(Concurrently.run(RACERS,
        racer -> store.addProcedures(WrittenProcedures.builder().from(procedures("RX1", 1))
            .auditGraceDays(racer).build())), DuplicateRecordException.class);

    assertThat(store.procedures(RX1, 1)).contains(winner);
  }

  @Test
  void answersTheProceduresVersionTheEmployerCurrentlyNames() {
    store.addProcedures(procedures("RX1", 1));
    WrittenProcedures second = store.addProcedures(procedures("RX1", 2));
    Employer employer = store.save(employer("RX1"), 0);
    store.save(Employer.builder().from(employer).proceduresVersion(2).build(), 1);

    assertThat(store.currentProcedures(RX1)).contains(second);
  }

  @Test
  void answersNoCurrentProceduresForAnUnknownEmployerOrAnUnstoredVersion() {
    store.addProcedures(procedures("RX2", 1));
    store.save(Employer.builder().from(employer("RX1")).proceduresVersion(3).build(), 0);

    assertThat(store.currentProcedures(RX1)).isEmpty();
    assertThat(store.currentProcedures(EmployerId.of("RX2"))).isEmpty();
  }

  private static WrittenProcedures asStored(WrittenProcedures written, WrittenProcedures added) {
    return WrittenProcedures.builder().from(written).recordVersion(added.recordVersion()).build();
  }
}
