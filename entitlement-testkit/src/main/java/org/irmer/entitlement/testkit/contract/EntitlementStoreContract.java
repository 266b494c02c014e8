package org.irmer.entitlement.testkit.contract;

import static com.google.common.base.Preconditions.checkState;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.irmer.entitlement.testkit.contract.ContractFixtures.at;
import static org.irmer.entitlement.testkit.contract.ContractFixtures.groupEntitlement;
import static org.irmer.entitlement.testkit.contract.ContractFixtures.individualEntitlement;
import static org.irmer.entitlement.testkit.contract.ContractFixtures.withStatus;

import com.google.common.collect.ImmutableList;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;
import org.irmer.entitlement.core.domain.EmployerId;
import org.irmer.entitlement.core.domain.Entitlement;
import org.irmer.entitlement.core.domain.EntitlementStatus;
import org.irmer.entitlement.core.domain.PersonId;
import org.irmer.entitlement.core.port.out.DuplicateRecordException;
import org.irmer.entitlement.core.port.out.EntitlementStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link EntitlementStore}: every version kept, the latest found and listed, and
 * the {@code asOf} queries exact to the microsecond, the precision the store keeps: a version is
 * stored with its {@code recordedAt} truncated to the microsecond and is in force from that
 * truncated instant, not a moment before it, at any nanosecond asked about (principle 10,
 * retrospective audit).
 */
public abstract class EntitlementStoreContract {

  private static final PersonId P1 = PersonId.of("P1");
  private static final EmployerId RX1 = EmployerId.of("RX1");
  private static final Duration NANO = Duration.ofNanos(1);
  private static final Duration MICRO = Duration.ofNanos(1_000);
  /** Digits below the microsecond, which the store drops. */
  private static final Duration BELOW_A_MICROSECOND = Duration.ofNanos(999);

  private EntitlementStore store;

  /**
   * An empty {@code EntitlementStore}, sharing nothing with any returned before: a new database schema, a
   * truncated one, or a new object. Called once before each test, on a new test instance.
   */
  protected abstract EntitlementStore newStore();

  @BeforeEach
  final void createStore() {
    store = newStore();
    checkState(store != null, "newStore() returned null");
  }

  private Entitlement save(Entitlement entitlement) {
    return store.save(entitlement, store.find(entitlement.id()).map(Entitlement::version).orElse(0L));
  }

  /** Versions, optimistic concurrency and history of individual entitlements. */
  @Nested
  class Versions extends HistoryKeepingRecordChecks<Entitlement> {

    @Override
    Entitlement record(String id) {
      return individualEntitlement(id, "P1", "RX1", at(0));
    }

    @Override
    Entitlement variant(Entitlement entitlement, int n) {
      return Entitlement.builder().from(entitlement)
          .statusReason("variant " + n)
          .recordedAt(entitlement.recordedAt().plusSeconds(1))
          .build();
    }

    @Override
    Entitlement withVersion(Entitlement entitlement, long version) {
      return Entitlement.builder().from(entitlement).version(version).build();
    }

    @Override
    long version(Entitlement entitlement) {
      return entitlement.version();
    }

    @Override
    Entitlement save(Entitlement entitlement, long expectedVersion) {
      return store.save(entitlement, expectedVersion);
    }

    @Override
    Optional<Entitlement> find(Entitlement entitlement) {
      return store.find(entitlement.id());
    }

    @Override
    ImmutableList<Entitlement> listing(Entitlement entitlement) {
      return store.all();
    }

    @Override
    ImmutableList<Entitlement> history(Entitlement entitlement) {
      return store.history(entitlement.id());
    }
  }

  @Test
  void keepsAGroupEntitlementExactlyAsSaved() {
    Entitlement group = groupEntitlement("G1", "RX1", at(0));

    Entitlement saved = store.save(group, 0);

    assertThat(saved).isEqualTo(Entitlement.builder().from(group).version(1).build());
    assertThat(store.find(group.id())).contains(saved);
  }

  @Test
  void refusesAGroupEntitlementWithTheIdOfAnIndividualOne() {
    Entitlement individual = save(individualEntitlement("E1", "P1", "RX1", at(0)));
    Entitlement group = groupEntitlement("E1", "RX1", at(1));

    assertThatThrownBy(() -> store.save(group, 0)).isInstanceOf(DuplicateRecordException.class);

    assertThat(store.find(individual.id())).contains(individual);
    assertThat(store.groupsOf(RX1)).isEmpty();
  }

  @Test
  void listsThePersonsIndividualEntitlementsOnlySortedById() {
    Entitlement e3 = save(individualEntitlement("E3", "P1", "RX2", at(0)));
    Entitlement e1 = save(individualEntitlement("E1", "P1", "RX1", at(0)));
    save(individualEntitlement("E2", "P2", "RX1", at(0)));
    save(groupEntitlement("G1", "RX1", at(0)));
    e1 = save(withStatus(e1, EntitlementStatus.SUSPENDED, at(1)));

    assertThat(store.forPerson(P1)).containsExactly(e1, e3);
    assertThat(store.forPerson(PersonId.of("unknown"))).isEmpty();
  }

  @Test
  void listsTheEmployersGroupEntitlementsOnlySortedById() {
    Entitlement g2 = save(groupEntitlement("G2", "RX1", at(0)));
    Entitlement g1 = save(groupEntitlement("G1", "RX1", at(0)));
    save(groupEntitlement("G3", "RX2", at(0)));
    save(individualEntitlement("E1", "P1", "RX1", at(0)));
    g2 = save(withStatus(g2, EntitlementStatus.REVOKED, at(1)));

    assertThat(store.groupsOf(RX1)).containsExactly(g1, g2);
    assertThat(store.groupsOf(EmployerId.of("unknown"))).isEmpty();
  }

  @Test
  void listsEveryEntitlementIndividualOrGroupSortedById() {
    Entitlement g1 = save(groupEntitlement("G1", "RX2", at(0)));
    Entitlement e2 = save(individualEntitlement("E2", "P2", "RX1", at(0)));
    Entitlement e1 = save(individualEntitlement("E1", "P1", "RX1", at(0)));

    assertThat(store.all()).containsExactly(e1, e2, g1);
  }

  @Test
  void includesAVersionRecordedAtExactlyTheInstantAskedAbout() {
    Entitlement first = save(individualEntitlement("E1", "P1", "RX1", at(10)));
    Entitlement second = save(withStatus(first, EntitlementStatus.SUSPENDED, at(20)));

    assertThat(store.forPersonAsOf(P1, at(10))).containsExactly(first);
    assertThat(store.forPersonAsOf(P1, at(20))).containsExactly(second);
  }

  @Test
  void excludesAVersionRecordedOneNanosecondAfterTheInstantAskedAbout() {
    Entitlement first = save(individualEntitlement("E1", "P1", "RX1", at(10)));
    save(withStatus(first, EntitlementStatus.SUSPENDED, at(20)));

    assertThat(store.forPersonAsOf(P1, at(10).minus(NANO))).isEmpty();
    assertThat(store.forPersonAsOf(P1, at(20).minus(NANO))).containsExactly(first);
  }

  @Test
  void excludesAVersionRecordedOneMicrosecondAfterTheInstantAskedAbout() {
    Entitlement first = save(individualEntitlement("E1", "P1", "RX1", at(10)));
    save(withStatus(first, EntitlementStatus.SUSPENDED, at(20)));

    assertThat(store.forPersonAsOf(P1, at(10).minus(MICRO))).isEmpty();
    assertThat(store.forPersonAsOf(P1, at(20).minus(MICRO))).containsExactly(first);
  }

  @Test
  void keepsTheInstantAVersionWasRecordedToTheMicrosecondDroppingFinerDigits() {
    Entitlement finer = Entitlement.builder()
        .from(individualEntitlement("E1", "P1", "RX1", at(10).plus(BELOW_A_MICROSECOND)))
        .build();
    Entitlement truncated = Entitlement.builder().from(finer).recordedAt(at(10)).version(1).build();

    Entitlement saved = store.save(finer, 0);

    assertThat(saved).as("the value returned by the save").isEqualTo(truncated);
    assertThat(store.find(finer.id())).contains(truncated);
    assertThat(store.history(finer.id())).containsExactly(truncated);
  }

  @Test
  void putsAVersionInForceFromItsTruncatedInstantNotBefore() {
    Entitlement finer = individualEntitlement("E1", "P1", "RX1", at(10).plus(BELOW_A_MICROSECOND));

    Entitlement saved = store.save(finer, 0);

    assertThat(store.forPersonAsOf(P1, at(10))).as("at the truncated instant")
        .containsExactly(saved);
    assertThat(store.forPersonAsOf(P1, at(10).plus(NANO))).as("between it and the exact one")
        .containsExactly(saved);
    assertThat(store.forPersonAsOf(P1, at(10).minus(NANO))).as("a nanosecond before it")
        .isEmpty();
    assertThat(store.forPersonAsOf(P1, at(10).minus(MICRO))).as("a microsecond before it")
        .isEmpty();
  }

  @Test
  void answersThePersonsEntitlementInForceAtEveryInstantOfItsHistory() {
    assertExactAtEveryInstant(individualEntitlement("E1", "P1", "RX1", at(10)),
        instant -> store.forPersonAsOf(P1, instant));
  }

  @Test
  void answersTheEmployersGroupEntitlementInForceAtEveryInstantOfItsHistory() {
    assertExactAtEveryInstant(groupEntitlement("G1", "RX1", at(10)),
        instant -> store.groupsOfAsOf(RX1, instant));
  }

  @Test
  void answersTheLaterOfTwoVersionsRecordedAtTheSameInstant() {
    Entitlement first = save(individualEntitlement("E1", "P1", "RX1", at(10)));
    Entitlement second = save(withStatus(first, EntitlementStatus.SUSPENDED, at(10)));

    assertThat(store.forPersonAsOf(P1, at(10))).containsExactly(second);
  }

  @Test
  void answersThePersonsIndividualEntitlementsOnlyAsOfSortedById() {
    Entitlement e3 = save(individualEntitlement("E3", "P1", "RX2", at(10)));
    Entitlement e1 = save(individualEntitlement("E1", "P1", "RX1", at(10)));
    save(individualEntitlement("E2", "P2", "RX1", at(10)));
    save(groupEntitlement("G1", "RX1", at(10)));
    save(individualEntitlement("E0", "P1", "RX1", at(30)));
    save(withStatus(e1, EntitlementStatus.REVOKED, at(30)));

    assertThat(store.forPersonAsOf(P1, at(20))).containsExactly(e1, e3);
    assertThat(store.forPersonAsOf(PersonId.of("unknown"), at(20))).isEmpty();
  }

  @Test
  void answersTheEmployersGroupEntitlementsOnlyAsOfSortedById() {
    Entitlement g2 = save(groupEntitlement("G2", "RX1", at(10)));
    Entitlement g1 = save(groupEntitlement("G1", "RX1", at(10)));
    save(groupEntitlement("G3", "RX2", at(10)));
    save(individualEntitlement("E1", "P1", "RX1", at(10)));
    save(groupEntitlement("G0", "RX1", at(30)));
    save(withStatus(g1, EntitlementStatus.REVOKED, at(30)));

    assertThat(store.groupsOfAsOf(RX1, at(20))).containsExactly(g1, g2);
    assertThat(store.groupsOfAsOf(EmployerId.of("unknown"), at(20))).isEmpty();
  }

  /**
   * Saves three versions of {@code first}, recorded 10 s apart from its own instant, and asserts
   * what {@code asOf} answers just before, at and just after each of them.
   */
  private void assertExactAtEveryInstant(Entitlement first,
      Function<Instant, ImmutableList<Entitlement>> asOf) {
    Instant t1 = first.recordedAt();
    Instant t2 = t1.plusSeconds(10);
    Instant t3 = t2.plusSeconds(10);
    Entitlement v1 = save(first);
    Entitlement v2 = save(withStatus(v1, EntitlementStatus.SUSPENDED, t2));
    Entitlement v3 = save(withStatus(v2, EntitlementStatus.ACTIVE, t3));

    assertThat(asOf.apply(t1.minus(NANO))).as("before the first version").isEmpty();
    assertThat(asOf.apply(t1)).as("at the first version").containsExactly(v1);
    assertThat(asOf.apply(t1.plus(NANO))).as("just after the first version").containsExactly(v1);
    assertThat(asOf.apply(t2.minus(NANO))).as("just before the second").containsExactly(v1);
    assertThat(asOf.apply(t2)).as("at the second version").containsExactly(v2);
    assertThat(asOf.apply(t3.minus(NANO))).as("just before the third").containsExactly(v2);
    assertThat(asOf.apply(t3)).as("at the third version").containsExactly(v3);
    assertThat(asOf.apply(t3.plus(Duration.ofDays(365)))).as("long after").containsExactly(v3);
  }
}
