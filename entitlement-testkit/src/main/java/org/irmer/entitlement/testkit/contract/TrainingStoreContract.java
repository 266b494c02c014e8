package org.irmer.entitlement.testkit.contract;

import static com.google.common.base.Preconditions.checkState;
import static org.assertj.core.api.Assertions.assertThat;
import static org.irmer.entitlement.testkit.contract.ContractFixtures.D0;
import static org.irmer.entitlement.testkit.contract.ContractFixtures.training;

import com.google.common.collect.ImmutableList;
import java.util.Optional;
import org.irmer.entitlement.core.domain.PersonId;
import org.irmer.entitlement.core.domain.TrainingRecord;
import org.irmer.entitlement.core.domain.TrainingType;
import org.irmer.entitlement.core.port.out.TrainingStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link TrainingStore}: records added once and never changed, a person's sorted
 * by completion date then id, all of them by person, completion date and id (principle 4).
 */
public abstract class TrainingStoreContract {

  private TrainingStore store;

  /**
   * An empty {@code TrainingStore}, sharing nothing with any returned before: a new database schema, a
   * truncated one, or a new object. Called once before each test, on a new test instance.
   */
  protected abstract TrainingStore newStore();

  @BeforeEach
  final void createStore() {
    store = newStore();
    checkState(store != null, "newStore() returned null");
  }

  /** Append-only behaviour of training records. */
  @Nested
  class AppendOnly extends AppendOnlyRecordChecks<TrainingRecord> {

    @Override
    TrainingRecord record(String id) {
      return training(id, "P1", D0);
    }

    @Override
    TrainingRecord variant(TrainingRecord record, int n) {
      return TrainingRecord.builder().from(record).evidence("Variant " + n).build();
    }

    @Override
    TrainingRecord aboutSomeoneElse(TrainingRecord record) {
      return TrainingRecord.builder().from(record).person(PersonId.of("P2")).build();
    }

    @Override
    TrainingRecord add(TrainingRecord record) {
      return store.add(record);
    }

    @Override
    ImmutableList<TrainingRecord> listing(TrainingRecord record) {
      return store.forPerson(record.person());
    }
  }

  @Test
  void listsAPersonsRecordsByCompletionDateThenId() {
    TrainingRecord late = store.add(training("T1", "P1", D0.plusDays(1)));
    TrainingRecord sameDayB = store.add(training("T3", "P1", D0));
    TrainingRecord sameDayA = store.add(training("T2", "P1", D0));
    TrainingRecord early = store.add(training("T4", "P1", D0.minusYears(1)));
    store.add(training("T0", "P2", D0));

    assertThat(store.forPerson(PersonId.of("P1")))
        .containsExactly(early, sameDayA, sameDayB, late);
    assertThat(store.forPerson(PersonId.of("unknown"))).isEmpty();
  }

  @Test
  void listsEveryRecordByPersonThenCompletionDateThenId() {
    TrainingRecord p2 = store.add(training("T1", "P2", D0.minusYears(2)));
    TrainingRecord p1Late = store.add(training("T2", "P1", D0.plusDays(1)));
    TrainingRecord p1EarlyB = store.add(training("T4", "P1", D0));
    TrainingRecord p1EarlyA = store.add(training("T3", "P1", D0));

    assertThat(store.all()).containsExactly(p1EarlyA, p1EarlyB, p1Late, p2);
  }

  @Test
  void keepsARecordWithoutExpiryEvidenceOrVerifierExactlyAsAdded() {
    TrainingRecord bare = TrainingRecord.builder().from(training("T1", "P1", D0))
        .type(TrainingType.of("LOCAL_ULTRASOUND_COURSE"))
        .expires(Optional.empty())
        .evidence(Optional.empty())
        .verifiedBy(Optional.empty())
        .build();

    store.add(bare);

    assertThat(store.all()).containsExactly(bare);
  }
}
