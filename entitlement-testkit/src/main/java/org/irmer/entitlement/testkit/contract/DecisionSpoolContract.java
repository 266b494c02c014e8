package org.irmer.entitlement.testkit.contract;

import static com.google.common.base.Preconditions.checkState;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.irmer.entitlement.testkit.contract.ContractFixtures.T0;

import com.google.common.collect.ImmutableList;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.stream.Stream;
import org.irmer.entitlement.core.domain.CareSetting;
import org.irmer.entitlement.core.domain.DecisionBasis;
import org.irmer.entitlement.core.domain.EmployerId;
import org.irmer.entitlement.core.domain.EntitlementId;
import org.irmer.entitlement.core.domain.ExaminationCode;
import org.irmer.entitlement.core.domain.MatchedRule;
import org.irmer.entitlement.core.domain.Outcome;
import org.irmer.entitlement.core.domain.Patient;
import org.irmer.entitlement.core.domain.PersonId;
import org.irmer.entitlement.core.domain.PregnancyStatus;
import org.irmer.entitlement.core.domain.Reason;
import org.irmer.entitlement.core.domain.ReasonCode;
import org.irmer.entitlement.core.domain.ReferralDecision;
import org.irmer.entitlement.core.domain.ReferralRequest;
import org.irmer.entitlement.core.domain.Sex;
import org.irmer.entitlement.core.domain.SiteId;
import org.irmer.entitlement.core.domain.Urgency;
import org.irmer.entitlement.core.domain.Warning;
import org.irmer.entitlement.core.domain.WarningCode;
import org.irmer.entitlement.core.port.out.DecisionSpool;
import org.irmer.entitlement.core.port.out.SpooledDecision;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link DecisionSpool}: decisions held in order with increasing ids and given back
 * unchanged, drained from the oldest only, the replay note kept until the spool is empty, every
 * decision held by racing threads kept once, and, for a spool on storage, all of it as it was when
 * the spool is opened again.
 */
public abstract class DecisionSpoolContract {

  private static final int THREADS = 8;
  private static final int HOLDS_PER_THREAD = 25;

  private DecisionSpool spool;

  /**
   * An empty spool sharing nothing with any returned before. Called once before each test, on a
   * new test instance.
   */
  protected abstract DecisionSpool newSpool();

  /**
   * The spool as a new process would find it: a spool on storage closes {@code spool} and opens its
   * storage again; one that lives in memory returns it unchanged.
   */
  protected abstract DecisionSpool reopen(DecisionSpool spool);

  @BeforeEach
  final void createSpool() {
    spool = newSpool();
    checkState(spool != null, "newSpool() returned null");
  }

  /** An entitled decision with a patient and warnings, numbered {@code n} by its order id. */
  public static ReferralDecision entitledDecision(int n) {
    return ReferralDecision.builder()
        .outcome(Outcome.ENTITLED)
        .basis(DecisionBasis.INDIVIDUAL_ENTITLEMENT)
        .matchedRule(new MatchedRule(EntitlementId.of("ENT-" + n), n, EmployerId.of("RX1"), 2,
            "XR-UPPER"))
        .addWarnings(new Warning(WarningCode.TRAINING_EXPIRED_IN_GRACE, "Grace",
            OptionalInt.of(3)))
        .addWarnings(new Warning(WarningCode.REVIEW_DUE, "Review due " + ContractFixtures.AWKWARD_TEXT,
            OptionalInt.empty()))
        .request(request(n).build())
        .evaluatedAt(T0.plusSeconds(n))
        .proceduresVersion(4)
        .build();
  }

  /** A refused decision, numbered {@code n} by its order id. */
  public static ReferralDecision refusedDecision(int n) {
    return ReferralDecision.builder()
        .outcome(Outcome.NOT_ENTITLED)
        .reasons(Stream.of(Reason.of(ReasonCode.OUT_OF_SCOPE_EXAMINATION, "Not the knee"),
            Reason.of(ReasonCode.OUT_OF_SCOPE_MODALITY, "Not MRI")).sorted().toList())
        .request(request(n).patient(Patient.builder().build()).build())
        .evaluatedAt(T0.plusSeconds(n))
        .build();
  }

  private static ReferralRequest.Builder request(int n) {
    return ReferralRequest.builder()
        .referrer(PersonId.of("referrer-" + n))
        .employer(EmployerId.of("RX1"))
        .examination(ExaminationCode.of("XWRIR"))
        .patient(Patient.builder().birthDate(LocalDate.of(1980, 2, 29)).sex(Sex.FEMALE)
            .pregnancy(PregnancyStatus.NOT_PREGNANT).build())
        .setting(CareSetting.at("outpatient", SiteId.of("SITE-1")))
        .urgency(Urgency.URGENT)
        .requestedAt(T0.plusSeconds(n))
        .orderId("order-" + n);
  }

  private static ReferralDecision decision(int n) {
    return n % 3 == 0 ? refusedDecision(n) : entitledDecision(n);
  }

  private ImmutableList<SpooledDecision> holdDecisions(int count) {
    ImmutableList.Builder<SpooledDecision> spooled = ImmutableList.builder();
    for (int n = 1; n <= count; n++) {
      spooled.add(spool.hold("check-referral", decision(n), OptionalLong.empty()));
    }
    return spooled.build();
  }

  @Test
  void isEmptyAtFirst() {
    assertThat(spool.isEmpty()).isTrue();
    assertThat(spool.held(10)).isEmpty();
    assertThat(spool.replayingSince()).isEmpty();
  }

  @Test
  void hasANameOfItsOwnThatItKeepsWhenOpenedAgain() {
    DecisionSpool other = newSpool();

    assertThat(spool.name()).isNotBlank().isNotEqualTo(other.name());
    String name = spool.name();
    assertThat(reopen(spool).name()).isEqualTo(name);
  }

  @Test
  void givesBackWhatItHoldsUnchangedOldestFirstWithIncreasingIds() {
    SpooledDecision first = spool.hold("check-referral", entitledDecision(1), OptionalLong.empty());
    SpooledDecision second =
        spool.hold("check-clinical-evaluation", refusedDecision(2), OptionalLong.empty());

    assertThat(first.decision()).isEqualTo(entitledDecision(1));
    assertThat(first.action()).isEqualTo("check-referral");
    assertThat(second.id()).isGreaterThan(first.id());
    assertThat(spool.isEmpty()).isFalse();
    assertThat(spool.held(10)).containsExactly(first, second);
  }

  @Test
  void keepsWhereTheCheckTriedToRecordADecisionBeforeHoldingIt() {
    SpooledDecision tried = spool.hold("check-referral", entitledDecision(1), OptionalLong.of(41));

    assertThat(tried.triedAfter()).hasValue(41);
    assertThat(reopen(spool).held(10)).containsExactly(tried);
  }

  @Test
  void givesAtMostTheLimitOfTheOldest() {
    ImmutableList<SpooledDecision> held = holdDecisions(5);

    assertThat(spool.held(2)).containsExactlyElementsOf(held.subList(0, 2));
    assertThatThrownBy(() -> spool.held(0)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void releasesTheOldestThroughAnIdAndKeepsTheRestInOrder() {
    ImmutableList<SpooledDecision> held = holdDecisions(5);

    spool.release(held.get(1).id());

    assertThat(spool.held(10)).containsExactlyElementsOf(held.subList(2, 5));
    spool.release(held.get(0).id());
    assertThat(spool.held(10)).as("releasing what was released does nothing")
        .containsExactlyElementsOf(held.subList(2, 5));
    spool.release(held.get(4).id());
    assertThat(spool.isEmpty()).isTrue();
  }

  @Test
  void refusesToReleaseAnIdItNeverGave() {
    ImmutableList<SpooledDecision> held = holdDecisions(2);

    assertThatThrownBy(() -> spool.release(held.get(1).id() + 1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(spool.held(10)).containsExactlyElementsOf(held);
  }

  @Test
  void givesNewIdsAboveTheReleasedOnes() {
    ImmutableList<SpooledDecision> held = holdDecisions(3);
    spool.release(held.get(2).id());

    SpooledDecision next = spool.hold("check-referral", entitledDecision(9), OptionalLong.empty());

    assertThat(next.id()).isGreaterThan(held.get(2).id());
    assertThat(spool.held(10)).containsExactly(next);
  }

  @Test
  void keepsTheLatestReplayNoteUntilEverythingIsReleased() {
    ImmutableList<SpooledDecision> held = holdDecisions(3);

    spool.replaying(40);
    spool.replaying(41);
    spool.release(held.get(0).id());

    assertThat(spool.replayingSince()).hasValue(41);
    spool.release(held.get(2).id());
    assertThat(spool.replayingSince()).isEmpty();
    assertThatThrownBy(() -> spool.replaying(-1)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void keepsEveryDecisionHeldByRacingThreadsOnceInTheOrderEachThreadHeldThem() {
    var outcomes = Concurrently.run(THREADS, thread -> {
      List<Long> ids = new ArrayList<>();
      for (int i = 0; i < HOLDS_PER_THREAD; i++) {
        ids.add(spool.hold("check-referral", decision(thread * 1_000 + i), OptionalLong.empty()).id());
      }
      return ids;
    });

    ImmutableList<SpooledDecision> held = spool.held(THREADS * HOLDS_PER_THREAD + 1);
    assertThat(held).hasSize(THREADS * HOLDS_PER_THREAD);
    assertThat(held).extracting(SpooledDecision::id).isSorted().doesNotHaveDuplicates();
    for (int thread = 0; thread < THREADS; thread++) {
      assertThat(outcomes.get(thread).succeeded()).isTrue();
      List<Long> ids = outcomes.get(thread).value();
      assertThat(ids).isSorted();
      for (int i = 0; i < HOLDS_PER_THREAD; i++) {
        long id = ids.get(i);
        assertThat(held).filteredOn(spooled -> spooled.id() == id).singleElement()
            .extracting(SpooledDecision::decision).isEqualTo(decision(thread * 1_000 + i));
      }
    }
  }

  @Test
  void keepsWhatItHoldsTheReleasesAndTheReplayNoteWhenOpenedAgain() {
    ImmutableList<SpooledDecision> held = holdDecisions(4);
    spool.release(held.get(0).id());
    spool.replaying(7);

    DecisionSpool reopened = reopen(spool);

    assertThat(reopened.held(10)).containsExactlyElementsOf(held.subList(1, 4));
    assertThat(reopened.replayingSince()).hasValue(7);
    SpooledDecision next = reopened.hold("check-referral", entitledDecision(5), OptionalLong.empty());
    assertThat(next.id()).isGreaterThan(held.get(3).id());
  }
}
