package org.irmer.entitlement.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.irmer.entitlement.rules.TestTrust.NOW;
import static org.irmer.entitlement.rules.TestTrust.TODAY;
import static org.irmer.entitlement.rules.TestTrust.TRUST_A;

import com.google.common.collect.ImmutableList;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.irmer.entitlement.core.domain.AuditTrailEntry;
import org.irmer.entitlement.core.domain.BodyRegion;
import org.irmer.entitlement.core.domain.CommandContext;
import org.irmer.entitlement.core.domain.Entitlement;
import org.irmer.entitlement.core.domain.ComplianceEvent;
import org.irmer.entitlement.core.domain.ComplianceEventKind;
import org.irmer.entitlement.core.domain.Modality;
import org.irmer.entitlement.core.domain.Outcome;
import org.irmer.entitlement.core.domain.PersonId;
import org.irmer.entitlement.core.domain.Profession;
import org.irmer.entitlement.core.domain.ReasonCode;
import org.irmer.entitlement.core.domain.ReferralDecision;
import org.irmer.entitlement.core.domain.ReferralRequest;
import org.irmer.entitlement.core.domain.Regulator;
import org.irmer.entitlement.core.domain.TrainingLapsePolicy;
import org.irmer.entitlement.core.domain.TrainingType;
import org.irmer.entitlement.core.domain.WarningCode;
import org.irmer.entitlement.core.port.out.DecisionSpool;
import org.irmer.entitlement.core.port.out.Register;
import org.irmer.entitlement.core.port.out.SpooledDecision;
import org.irmer.entitlement.core.port.out.StoreUnavailableException;
import org.irmer.entitlement.core.port.out.Transactions;
import org.irmer.entitlement.rules.wiring.EntitlementRegister;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * While the audit trail cannot be written, a check's whole recorded unit (its audit record,
 * blocked attempt and notifications) is held in the register's spool and its decision returned;
 * when the trail returns, the spool is replayed into it in order, with the chain intact, and no
 * record is appended twice, even after a crash between a replay's commit and its release
 * ({@link DecisionSpooler}).
 */
class SpooledRecordingTests {

  private final TestTrust trust = new TestTrust(TrainingLapsePolicy.warnWithGrace(30));
  private final PersonId nurse = trust.untrainedReferrer("N", Profession.NURSE, Regulator.NMC);
  private final TestClock clock = new TestClock(Instant.parse("2026-03-10T10:00:00Z"));
  private final Outage outage = new Outage();
  private final AtomicBoolean crashAtRelease = new AtomicBoolean();
  private final AtomicBoolean spoolFull = new AtomicBoolean();
  private final AtomicBoolean spoolUnreadable = new AtomicBoolean();
  private final AtomicBoolean replayRefused = new AtomicBoolean();
  private final DecisionSpool spool = new CrashingSpool(crashAtRelease, spoolFull, replayRefused,
      Outage.failing(DecisionSpool.class, trust.register.spool(), spoolUnreadable));
  private final Register ports = outage.over(trust.register, spool);
  private final Entitlement entitlement;
  private EntitlementRegister register;

  SpooledRecordingTests() {
    // Training in its grace period, so that an entitled check also notifies.
    trust.train(nurse, TrainingType.IRMER_REFERRER, TODAY.minusYears(3), TODAY.minusDays(1));
    entitlement = trust.entitle(nurse,
        TestTrust.rule("XR-ANKLE", Modality.PLAIN_RADIOGRAPHY, BodyRegion.ANKLE).build());
    register = open();
  }

  private EntitlementRegister open() {
    return EntitlementRegister.over(ports).clock(clock).open();
  }

  @AfterEach
  void close() {
    register.close();
  }

  /** Check {@code n}: an ankle (entitled, in grace) or, for even {@code n}, a knee (refused). */
  private ReferralRequest request(int n) {
    return TestTrust.request(nurse, n % 2 == 0 ? "XKNER" : "XANKR").orderId("order-" + n)
        .requestedAt(NOW.plusSeconds(n)).build();
  }

  private List<ReferralDecision> check(int from, int to) {
    List<ReferralDecision> decisions = new java.util.ArrayList<>();
    for (int n = from; n <= to; n++) {
      decisions.add(register.referrals().check(request(n)));
    }
    return decisions;
  }

  private ImmutableList<AuditTrailEntry> trail() {
    return trust.register.auditTrail().read(1, 1_000);
  }

  private List<String> orders() {
    return trail().stream().map(entry -> entry.event().details().get("order")).toList();
  }

  private List<ComplianceEvent> blockedAttempts() {
    return trust.register.complianceEvents().forReferrer(nurse, TRUST_A);
  }

  private void databaseGoesDown() {
    outage.begin();
    clock.advance(Duration.ofMinutes(1));
    outage.heartbeat();
  }

  private void databaseReturns() {
    outage.end();
    clock.advance(Duration.ofMinutes(1));
    outage.heartbeat();
  }

  @Test
  void checksWhileTheTrailIsDownAreAnsweredWarnedAndHeldWithNothingWrittenYet() {
    databaseGoesDown();

    List<ReferralDecision> decisions = check(1, 2);

    assertThat(decisions).extracting(ReferralDecision::outcome)
        .containsExactly(Outcome.ENTITLED, Outcome.NOT_ENTITLED);
    assertThat(decisions).allSatisfy(decision ->
        assertThat(decision.warningCodes()).contains(WarningCode.SNAPSHOT_STALE));
    assertThat(spool.held(10)).extracting(SpooledDecision::decision).containsExactlyElementsOf(decisions);
    assertThat(trail()).isEmpty();
    assertThat(blockedAttempts()).isEmpty();
    assertThat(trust.memory.notifications()).isEmpty();
  }

  @Test
  void whenTheDatabaseReturnsTheHeldChecksAreAppendedInOrderWithTheirEffectsAndTheChainIntact() {
    databaseGoesDown();
    check(1, 5);

    databaseReturns();

    assertThat(spool.isEmpty()).isTrue();
    assertThat(orders()).containsExactly("order-1", "order-2", "order-3", "order-4", "order-5");
    assertThat(trust.register.auditTrail().firstBrokenLink()).isEmpty();
    assertThat(trail()).allSatisfy(entry -> {
      assertThat(entry.event().details()).containsKey(DecisionSpooler.SPOOLED_DETAIL);
      assertThat(entry.event().details()).containsKey("warning." + WarningCode.SNAPSHOT_STALE);
    });
    assertThat(blockedAttempts()).as("the knees, named after their replayed records")
        .extracting(event -> event.id().value()).containsExactlyInAnyOrder("BLOCKED-2", "BLOCKED-4");
    assertThat(blockedAttempts()).extracting(ComplianceEvent::kind)
        .containsOnly(ComplianceEventKind.BLOCKED_ATTEMPT);
    assertThat(trust.memory.notifications()).as("the day's reminder, to the nurse and the delegates")
        .hasSize(2);
  }

  @Test
  void whileTheRegisterIsKnownToBeOutOfReachChecksAreHeldWithoutTryingTheTrail() {
    outage.feedOnly();
    clock.advance(Duration.ofMinutes(1));
    outage.heartbeat();

    ReferralDecision decision = register.referrals().check(request(1));

    assertThat(decision.outcome()).isEqualTo(Outcome.ENTITLED);
    assertThat(trail()).as("the trail could be written, but was not tried").isEmpty();
    assertThat(spool.held(10)).extracting(SpooledDecision::decision).containsExactly(decision);
    databaseReturns();
    assertThat(orders()).containsExactly("order-1");
  }

  @Test
  void whileChecksAreHeldNewOnesAreHeldBehindThemEvenOnceTheTrailIsBack() {
    outage.trailOnly();
    check(1, 2);
    outage.end();
    // The engine reaches the register again, but the replay cannot run yet.
    replayRefused.set(true);
    outage.heartbeat();
    assertThat(register.engine().isUnconfirmed()).isFalse();

    check(3, 3);

    assertThat(trail()).as("not before the checks made earlier").isEmpty();
    replayRefused.set(false);
    assertThat(register.replaySpool()).isEqualTo(3);
    check(4, 4);
    assertThat(orders()).containsExactly("order-1", "order-2", "order-3", "order-4");
    assertThat(trail().get(3).event().details()).doesNotContainKey(DecisionSpooler.SPOOLED_DETAIL);
  }

  @Test
  void theFirstCommandCommittedOnceTheDatabaseIsBackWakesTheReplayOfWhatWasHeld() {
    databaseGoesDown();
    check(1, 2);
    outage.end();

    assertThat(register.entitlements().suspend(entitlement.id(),
        CommandContext.by(TestTrust.DELEGATE, NOW.plusSeconds(10), "incident")).isAccepted()).isTrue();

    assertThat(spool.isEmpty()).isTrue();
    assertThat(trail()).as("a command is never held: it was appended when it was made")
        .extracting(entry -> entry.event().action())
        .containsExactly("suspend-entitlement", "check-referral", "check-referral");
    assertThat(orders()).containsExactly(null, "order-1", "order-2");
    assertThat(trust.register.auditTrail().firstBrokenLink()).isEmpty();
  }

  @Test
  void aReplayInterruptedBetweenItsCommitAndItsReleaseAppendsNothingTwice() {
    databaseGoesDown();
    check(1, 3);
    outage.end();
    crashAtRelease.set(true);

    assertThatThrownBy(register::replaySpool).isInstanceOf(StoreUnavailableException.class);
    assertThat(orders()).as("committed").containsExactly("order-1", "order-2", "order-3");
    assertThat(spool.held(10)).as("but not released").hasSize(3);
    assertThat(spool.replayingSince()).isEqualTo(OptionalLong.of(0));

    // A new process over the same trail and spool, as after a crash.
    crashAtRelease.set(false);
    register.close();
    register = open();

    assertThat(spool.isEmpty()).isTrue();
    assertThat(orders()).containsExactly("order-1", "order-2", "order-3");
    assertThat(blockedAttempts()).hasSize(1);
    assertThat(trust.register.auditTrail().firstBrokenLink()).isEmpty();
    check(4, 4);
    assertThat(orders()).containsExactly("order-1", "order-2", "order-3", "order-4");
  }

  @Test
  void checksRacingThroughAnOutageAreAllRecordedOnceEachThreadsInTheOrderItMadeThem()
      throws Exception {
    int threads = 8;
    int checksPerThread = 60;
    CountDownLatch beforeOutage = new CountDownLatch(threads);
    CountDownLatch duringOutage = new CountDownLatch(threads);
    CountDownLatch down = new CountDownLatch(1);
    CountDownLatch back = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    List<Future<List<ReferralDecision>>> results = new java.util.ArrayList<>();
    for (int t = 0; t < threads; t++) {
      int thread = t;
      results.add(pool.submit(() -> {
        List<ReferralDecision> decisions = new java.util.ArrayList<>();
        for (int i = 0; i < checksPerThread; i++) {
          if (i == 20) {
            beforeOutage.countDown();
            down.await(10, TimeUnit.SECONDS);
          } else if (i == 40) {
            duringOutage.countDown();
            back.await(10, TimeUnit.SECONDS);
          }
          decisions.add(register.referrals().check(request(thread * 1_000 + i)));
        }
        return decisions;
      }));
    }
    try {
      beforeOutage.await(10, TimeUnit.SECONDS);
      databaseGoesDown();
      down.countDown();
      duringOutage.await(10, TimeUnit.SECONDS);
      // Checks 40 onwards race with the replay the database's return starts.
      back.countDown();
      databaseReturns();
      List<ReferralDecision> made = new java.util.ArrayList<>();
      for (Future<List<ReferralDecision>> result : results) {
        made.addAll(result.get(30, TimeUnit.SECONDS));
      }
      register.replaySpool();

      assertThat(made).extracting(ReferralDecision::outcome).doesNotContain(Outcome.INDETERMINATE);
      // Checks 20 to 39 of each thread were made while the database was down; checks 40 onwards
      // race with the engine's confirmation that it is back, so either may carry the warning.
      assertThat(made).filteredOn(decision -> indexInThread(decision) < 20)
          .as("the checks made before the outage")
          .noneMatch(decision -> decision.warningCodes().contains(WarningCode.SNAPSHOT_STALE));
      assertThat(made).filteredOn(decision -> indexInThread(decision) >= 20
              && indexInThread(decision) < 40)
          .as("the checks made while the database was down").hasSize(threads * 20)
          .allMatch(decision -> decision.warningCodes().contains(WarningCode.SNAPSHOT_STALE));
      assertThat(orders()).hasSize(threads * checksPerThread).doesNotHaveDuplicates();
      assertThat(trust.register.auditTrail().firstBrokenLink()).isEmpty();
      for (int thread = 0; thread < threads; thread++) {
        int own = thread;
        assertThat(orders().stream().map(order -> Integer.parseInt(order.substring("order-".length())))
            .filter(n -> n / 1_000 == own).toList())
            .as("thread %s", thread).hasSize(checksPerThread).isSorted();
      }
    } finally {
      pool.shutdownNow();
    }
  }

  /** The check's place among its thread's checks, from its order id ({@code order-<thread><i>}). */
  private static int indexInThread(ReferralDecision decision) {
    return Integer.parseInt(decision.request().orderId().orElseThrow().substring("order-".length()))
        % 1_000;
  }

  @Test
  void twoRegistersOverTheSameSpoolReplayingAtOnceAppendEachCheckOnce() throws Exception {
    try (EntitlementRegister other = open()) {
      databaseGoesDown();
      check(1, 150);
      outage.end();
      ExecutorService pool = Executors.newFixedThreadPool(2);
      CountDownLatch go = new CountDownLatch(1);
      try {
        Future<Integer> first = pool.submit(() -> {
          go.await();
          return register.replaySpool();
        });
        Future<Integer> second = pool.submit(() -> {
          go.await();
          return other.replaySpool();
        });
        go.countDown();

        assertThat(first.get(30, TimeUnit.SECONDS) + second.get(30, TimeUnit.SECONDS)).isEqualTo(150);
      } finally {
        pool.shutdownNow();
      }
      assertThat(orders()).hasSize(150).doesNotHaveDuplicates();
      assertThat(trust.register.auditTrail().firstBrokenLink()).isEmpty();
    }
  }

  @Test
  void aCheckWhoseCommitWasReportedFailedButHappenedIsRecordedOnce() {
    AtomicBoolean lostAtCommit = new AtomicBoolean();
    register.close();
    register = EntitlementRegister.over(withTransactions(ports,
        new LostAtCommit(ports.transactions(), lostAtCommit))).clock(clock).open();
    check(1, 1);

    lostAtCommit.set(true);
    ReferralDecision refused = register.referrals().check(request(2));
    lostAtCommit.set(false);

    assertThat(refused.outcome()).isEqualTo(Outcome.NOT_ENTITLED);
    assertThat(spool.held(10)).singleElement().satisfies(held -> {
      assertThat(held.decision()).isEqualTo(refused);
      assertThat(held.triedAfter()).as("the last entry known before the attempt").hasValue(1);
    });
    assertThat(orders()).as("committed all the same").containsExactly("order-1", "order-2");

    assertThat(register.replaySpool()).isZero();

    assertThat(spool.isEmpty()).isTrue();
    assertThat(orders()).containsExactly("order-1", "order-2");
    assertThat(blockedAttempts()).hasSize(1);
    register.engine().catchUp();
    check(3, 3);
    assertThat(orders()).containsExactly("order-1", "order-2", "order-3");
  }

  @Test
  void aCheckWhoseCommitFailedBeforeItsRecordWasWrittenIsAppendedByTheReplay() {
    check(1, 1);
    outage.trailOnly();
    check(2, 2);
    outage.end();

    assertThat(spool.held(10)).singleElement()
        .satisfies(held -> assertThat(held.triedAfter()).hasValue(1));
    assertThat(register.replaySpool()).isEqualTo(1);
    assertThat(orders()).containsExactly("order-1", "order-2");
  }

  private static Register withTransactions(Register ports, Transactions transactions) {
    return new Register(ports.employers(), ports.people(), ports.delegations(), ports.applications(),
        ports.entitlements(), ports.training(), ports.complianceEvents(), ports.auditRecords(),
        ports.notices(), ports.agreements(), ports.tasks(), ports.activity(), ports.examinations(), ports.guidelines(),
        ports.auditTrail(), ports.notifications(), ports.registrationLookup(), transactions,
        ports.changes(), ports.spool());
  }

  /**
   * Units of work that, while {@code lost} is set, commit and then report a failure, as a
   * connection lost during the commit does: the caller cannot tell whether the unit committed.
   */
  private record LostAtCommit(Transactions transactions, AtomicBoolean lost) implements Transactions {

    @Override
    public <T> T inTransaction(java.util.function.Supplier<T> work) {
      T result = transactions.inTransaction(work);
      if (lost.get()) {
        throw new StoreUnavailableException("the connection was lost during the commit");
      }
      return result;
    }
  }

  @Test
  void aCheckThatNeitherTheTrailNorTheSpoolCanTakeIsIndeterminate() {
    databaseGoesDown();
    spoolFull.set(true);

    ReferralDecision decision = register.referrals().check(request(1));

    assertThat(decision.outcome()).isEqualTo(Outcome.INDETERMINATE);
    assertThat(decision.reasonCodes()).containsExactly(ReasonCode.DATA_UNAVAILABLE);
    assertThat(decision.reasons().get(0).message())
        .contains("could not be recorded", "nor held in the spool", "the disk is full");
  }

  @Test
  void aCheckIsIndeterminateWhenItCannotBeToldWhetherEarlierOnesWaitInTheSpool() {
    spoolUnreadable.set(true);

    ReferralDecision decision = register.referrals().check(request(1));

    assertThat(decision.outcome()).isEqualTo(Outcome.INDETERMINATE);
    assertThat(decision.reasons().get(0).message()).contains("the spool cannot be read");
    assertThat(trail()).isEmpty();
  }

  @Test
  void pastTheStalenessLimitChecksAreIndeterminateAndNotHeld() {
    databaseGoesDown();
    clock.advance(Duration.ofMinutes(15));

    ReferralDecision decision = register.referrals().check(request(1));

    assertThat(decision.outcome()).isEqualTo(Outcome.INDETERMINATE);
    assertThat(decision.reasons()).extracting(reason -> reason.message())
        .anyMatch(message -> message.contains("longer than the 15 min"))
        .anyMatch(message -> message.contains("could not be recorded"));
    assertThat(spool.isEmpty()).isTrue();
  }

  @Test
  void aRegisterWithoutASpoolFailsClosedWhileTheTrailIsDown() {
    register.close();
    register = EntitlementRegister.over(outage.over(trust.register, DecisionSpool.none()))
        .clock(clock).open();
    databaseGoesDown();

    ReferralDecision decision = register.referrals().check(request(1));

    assertThat(decision.outcome()).isEqualTo(Outcome.INDETERMINATE);
    assertThat(decision.reasons().get(0).message()).contains("could not be recorded");
  }

  @Test
  void aClinicalEvaluationCheckIsHeldAndReplayedInTheSameOrderAsReferralChecks() {
    databaseGoesDown();
    check(1, 1);
    register.clinicalEvaluations().check(request(2));
    check(3, 3);

    databaseReturns();

    assertThat(trail()).extracting(entry -> entry.event().action())
        .containsExactly("check-referral", "check-clinical-evaluation", "check-referral");
    assertThat(trust.register.auditTrail().firstBrokenLink()).isEmpty();
  }

  /**
   * A spool as a process that crashes at the release after a replay's commit sees it: while {@code
   * crashing} is set, {@code release} fails and releases nothing; while {@code full} is set, {@code
   * hold} fails and holds nothing; while {@code refusing} is set, a replay cannot begin ({@code
   * replaying} fails). Every other call goes to {@code calls}.
   */
  private record CrashingSpool(AtomicBoolean crashing, AtomicBoolean full, AtomicBoolean refusing,
      DecisionSpool calls) implements DecisionSpool {

    @Override
    public String name() {
      return calls.name();
    }

    @Override
    public SpooledDecision hold(String action, ReferralDecision decision, OptionalLong triedAfter) {
      if (full.get()) {
        throw new StoreUnavailableException("the disk is full");
      }
      return calls.hold(action, decision, triedAfter);
    }

    @Override
    public ImmutableList<SpooledDecision> held(int limit) {
      return calls.held(limit);
    }

    @Override
    public boolean isEmpty() {
      return calls.isEmpty();
    }

    @Override
    public void replaying(long trailSize) {
      if (refusing.get()) {
        throw new StoreUnavailableException("the spool's disk is read-only");
      }
      calls.replaying(trailSize);
    }

    @Override
    public OptionalLong replayingSince() {
      return calls.replayingSince();
    }

    @Override
    public void release(long throughId) {
      if (crashing.get()) {
        throw new StoreUnavailableException("the process died before the release was written");
      }
      calls.release(throughId);
    }
  }
}
