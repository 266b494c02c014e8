package org.irmer.entitlement.testkit.contract;

import static com.google.common.base.Preconditions.checkState;
import static org.assertj.core.api.Assertions.assertThat;
import static org.irmer.entitlement.testkit.contract.ContractFixtures.D0;
import static org.irmer.entitlement.testkit.contract.ContractFixtures.T0;

import com.google.common.collect.ImmutableList;
import java.time.Duration;
import java.util.Optional;
import org.irmer.entitlement.core.domain.Actor;
import org.irmer.entitlement.core.domain.ChangeNotice;
import org.irmer.entitlement.core.domain.ChangeNoticeId;
import org.irmer.entitlement.core.domain.ChangeNoticeKind;
import org.irmer.entitlement.core.domain.ChangeNoticeStatus;
import org.irmer.entitlement.core.domain.EmployerId;
import org.irmer.entitlement.core.domain.EntitlementId;
import org.irmer.entitlement.core.domain.PersonId;
import org.irmer.entitlement.core.domain.RoleId;
import org.irmer.entitlement.core.port.out.ChangeNoticeStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link ChangeNoticeStore}: every version of a change notice kept, oldest first,
 * with optimistic concurrency; a person's notices listed by id; the pending ones listed while, and
 * only while, their latest version is {@code PENDING} (principle 5).
 */
public abstract class ChangeNoticeStoreContract {

  private ChangeNoticeStore store;

  /**
   * An empty {@code ChangeNoticeStore}, sharing nothing with any returned before: a new database
   * schema, a truncated one, or a new object. Called once before each test, on a new test instance.
   */
  protected abstract ChangeNoticeStore newStore();

  @BeforeEach
  final void createStore() {
    store = newStore();
    checkState(store != null, "newStore() returned null");
  }

  private ChangeNoticeStore store() {
    return store;
  }

  /** Versions, optimistic concurrency and history of change notices. */
  @Nested
  class Versions extends HistoryKeepingRecordChecks<ChangeNotice> {

    @Override
    ChangeNotice record(String id) {
      return leaving(id, "P1");
    }

    @Override
    ChangeNotice variant(ChangeNotice notice, int n) {
      return ChangeNotice.builder().from(notice)
          .lastDay(notice.lastDay().plusDays(n))
          .recordedAt(notice.recordedAt().plusSeconds(n))
          .build();
    }

    @Override
    ChangeNotice withVersion(ChangeNotice notice, long version) {
      return ChangeNotice.builder().from(notice).version(version).build();
    }

    @Override
    long version(ChangeNotice notice) {
      return notice.version();
    }

    @Override
    ChangeNotice save(ChangeNotice notice, long expectedVersion) {
      return store().save(notice, expectedVersion);
    }

    @Override
    Optional<ChangeNotice> find(ChangeNotice notice) {
      return store().find(notice.id());
    }

    @Override
    ImmutableList<ChangeNotice> listing(ChangeNotice notice) {
      return store().forPerson(notice.person());
    }

    @Override
    ImmutableList<ChangeNotice> history(ChangeNotice notice) {
      return store().history(notice.id());
    }
  }

  @Test
  void listsOnlyThePersonsOwnNotices() {
    ChangeNotice own = store().save(leaving("N2", "P1"), 0);
    store().save(leaving("N1", "P2"), 0);

    assertThat(store().forPerson(PersonId.of("P1"))).containsExactly(own);
    assertThat(store().forPerson(PersonId.of("unknown"))).isEmpty();
  }

  @Test
  void listsANoticeAsPendingUntilItsLatestVersionIsWithdrawnOrInEffect() {
    ChangeNotice withdrawn = store().save(leaving("N1", "P1"), 0);
    ChangeNotice inEffect = store().save(leaving("N2", "P2"), 0);
    ChangeNotice pending = store().save(leaving("N3", "P1"), 0);

    assertThat(store().pending()).containsExactly(withdrawn, inEffect, pending);

    store().save(withStatus(withdrawn, ChangeNoticeStatus.WITHDRAWN), 1);
    store().save(withStatus(inEffect, ChangeNoticeStatus.IN_EFFECT), 1);

    assertThat(store().pending()).containsExactly(pending);
  }

  @Test
  void keepsEveryAttributeOfARoleChangeAndAScopeReductionExactlyAsSaved() {
    ChangeNotice roleChange = ChangeNotice.builder().from(leaving("N1", "P1"))
        .kind(ChangeNoticeKind.ROLE_CHANGE)
        .roles(ImmutableList.of(new ChangeNotice.RoleEnd(RoleId.of("role-old"), Optional.empty())))
        .newRole(ContractFixtures.role("role-new", "P1", "RX1", D0.plusDays(15)))
        .build();
    ChangeNotice reduction = ChangeNotice.builder().from(leaving("N2", "P1"))
        .kind(ChangeNoticeKind.SCOPE_REDUCTION)
        .roles(ImmutableList.of())
        .entitlements(ImmutableList.of(
            new ChangeNotice.Limit(EntitlementId.of("E2"), D0.plusYears(1))))
        .reducedScope(ContractFixtures.scope(2))
        .build();

    ChangeNotice savedRoleChange = store().save(roleChange, 0);
    ChangeNotice savedReduction = store().save(reduction, 0);

    assertThat(savedRoleChange)
        .isEqualTo(ChangeNotice.builder().from(roleChange).version(1).build());
    assertThat(savedReduction)
        .isEqualTo(ChangeNotice.builder().from(reduction).version(1).build());
    assertThat(store().find(roleChange.id())).contains(savedRoleChange);
    assertThat(store().find(reduction.id())).contains(savedReduction);
  }

  /**
   * A pending notice that {@code person} leaves employer {@code RX1} on {@code D0} plus 14 days,
   * given by a delegate: it limits two entitlements and ends two roles, one of them open-ended.
   */
  static ChangeNotice leaving(String id, String person) {
    return ChangeNotice.builder()
        .id(ChangeNoticeId.of(id))
        .kind(ChangeNoticeKind.LEAVING)
        .person(PersonId.of(person))
        .employer(EmployerId.of("RX1"))
        .lastDay(D0.plusDays(14))
        .status(ChangeNoticeStatus.PENDING)
        .notifiedBy(Actor.person(PersonId.of("delegate-" + ContractFixtures.AWKWARD_TEXT)))
        .addEntitlements(
            new ChangeNotice.Limit(EntitlementId.of("E1"), D0.plusYears(3)),
            new ChangeNotice.Limit(EntitlementId.of("E1-v2"), D0.plusYears(2)))
        .addRoles(
            new ChangeNotice.RoleEnd(RoleId.of("role-1"), Optional.empty()),
            new ChangeNotice.RoleEnd(RoleId.of("role-2"), Optional.of(D0.plusYears(1))))
        .recordedAt(T0)
        .build();
  }

  private static ChangeNotice withStatus(ChangeNotice notice, ChangeNoticeStatus status) {
    return ChangeNotice.builder().from(notice)
        .status(status)
        .recordedAt(notice.recordedAt().plusSeconds(1))
        .build();
  }

  @Test
  void keepsTheInstantAVersionWasRecordedToTheMicrosecondDroppingFinerDigits() {
    ChangeNotice finer = ChangeNotice.builder().from(leaving("N1", "P1"))
        .recordedAt(T0.plus(Duration.ofNanos(999))).build();
    ChangeNotice truncated = ChangeNotice.builder().from(finer).recordedAt(T0).version(1).build();

    ChangeNotice saved = store().save(finer, 0);

    assertThat(saved).as("the value returned by the save").isEqualTo(truncated);
    assertThat(store().find(finer.id())).contains(truncated);
    assertThat(store().history(finer.id())).containsExactly(truncated);
  }
}
