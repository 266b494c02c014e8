package org.irmer.entitlement.testkit.contract;

import static com.google.common.base.Preconditions.checkState;
import static org.assertj.core.api.Assertions.assertThat;
import static org.irmer.entitlement.testkit.contract.ContractFixtures.T0;
import static org.irmer.entitlement.testkit.contract.ContractFixtures.at;
import static org.irmer.entitlement.testkit.contract.ContractFixtures.complianceEvent;

import com.google.common.collect.ImmutableList;
import java.time.Duration;
import java.util.Optional;
import org.irmer.entitlement.core.domain.ComplianceEvent;
import org.irmer.entitlement.core.domain.ComplianceEventKind;
import org.irmer.entitlement.core.domain.EmployerId;
import org.irmer.entitlement.core.domain.PersonId;
import org.irmer.entitlement.core.port.out.ComplianceEventStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link ComplianceEventStore}: events added once and never changed, a referrer's
 * events at one employer listed oldest first (principles 6 and 7).
 */
public abstract class ComplianceEventStoreContract {

  private static final PersonId P1 = PersonId.of("P1");
  private static final EmployerId RX1 = EmployerId.of("RX1");

  private ComplianceEventStore store;

  /**
   * An empty {@code ComplianceEventStore}, sharing nothing with any returned before: a new database schema, a
   * truncated one, or a new object. Called once before each test, on a new test instance.
   */
  protected abstract ComplianceEventStore newStore();

  @BeforeEach
  final void createStore() {
    store = newStore();
    checkState(store != null, "newStore() returned null");
  }

  /** Append-only behaviour of compliance events. */
  @Nested
  class AppendOnly extends AppendOnlyRecordChecks<ComplianceEvent> {

    @Override
    ComplianceEvent record(String id) {
      return complianceEvent(id, "P1", "RX1", at(0));
    }

    @Override
    ComplianceEvent variant(ComplianceEvent event, int n) {
      return ComplianceEvent.builder().from(event).description("Variant " + n).build();
    }

    @Override
    ComplianceEvent aboutSomeoneElse(ComplianceEvent event) {
      return ComplianceEvent.builder().from(event).referrer(PersonId.of("P2"))
          .employer(EmployerId.of("RX2")).build();
    }

    @Override
    ComplianceEvent add(ComplianceEvent event) {
      return store.add(event);
    }

    @Override
    ImmutableList<ComplianceEvent> listing(ComplianceEvent event) {
      return store.forReferrer(event.referrer(), event.employer());
    }
  }

  @Test
  void listsAReferrersEventsAtTheEmployerOldestFirst() {
    ComplianceEvent latest = store.add(complianceEvent("C1", "P1", "RX1", at(30)));
    ComplianceEvent oldest = store.add(complianceEvent("C2", "P1", "RX1", at(10)));
    ComplianceEvent middle = store.add(complianceEvent("C3", "P1", "RX1", at(20)));

    assertThat(store.forReferrer(P1, RX1)).containsExactly(oldest, middle, latest);
  }

  @Test
  void listsOnlyTheEventsOfThatReferrerAtThatEmployer() {
    ComplianceEvent own = store.add(complianceEvent("C1", "P1", "RX1", at(10)));
    store.add(complianceEvent("C2", "P1", "RX2", at(10)));
    store.add(complianceEvent("C3", "P2", "RX1", at(10)));

    assertThat(store.forReferrer(P1, RX1)).containsExactly(own);
    assertThat(store.forReferrer(PersonId.of("unknown"), RX1)).isEmpty();
  }

  @Test
  void keepsABlockedAttemptNotUpheldExactlyAsAdded() {
    ComplianceEvent blocked = ComplianceEvent.builder().from(complianceEvent("C1", "P1", "RX1", at(0)))
        .kind(ComplianceEventKind.BLOCKED_ATTEMPT)
        .upheld(false)
        .orderId(Optional.empty())
        .recordedBy(Optional.empty())
        .build();

    store.add(blocked);

    assertThat(store.forReferrer(P1, RX1)).containsExactly(blocked);
  }

  @Test
  void keepsTheInstantAnEventOccurredToTheMicrosecondDroppingFinerDigits() {
    ComplianceEvent finer = complianceEvent("C1", "P1", "RX1", T0.plus(Duration.ofNanos(999)));
    ComplianceEvent truncated = ComplianceEvent.builder().from(finer).occurredAt(T0).build();

    ComplianceEvent added = store.add(finer);

    assertThat(added).as("the value returned by the add").isEqualTo(truncated);
    assertThat(store.forReferrer(PersonId.of("P1"), EmployerId.of("RX1"))).containsExactly(truncated);
  }
}
