package org.irmer.entitlement.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.irmer.entitlement.rules.TestTrust.NOW;
import static org.irmer.entitlement.rules.TestTrust.TODAY;
import static org.irmer.entitlement.rules.TestTrust.TRUST_A;
import static org.irmer.entitlement.rules.TestTrust.request;
import static org.irmer.entitlement.rules.TestTrust.rule;

import com.google.common.collect.ImmutableList;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.irmer.entitlement.core.domain.AuditEvent;
import org.irmer.entitlement.core.domain.AuditTrailEntry;
import org.irmer.entitlement.core.domain.BodyRegion;
import org.irmer.entitlement.core.domain.ComplianceEvent;
import org.irmer.entitlement.core.domain.ComplianceEventKind;
import org.irmer.entitlement.core.domain.EmployerId;
import org.irmer.entitlement.core.domain.Modality;
import org.irmer.entitlement.core.domain.Outcome;
import org.irmer.entitlement.core.domain.PersonId;
import org.irmer.entitlement.core.domain.Profession;
import org.irmer.entitlement.core.domain.ReasonCode;
import org.irmer.entitlement.core.domain.ReferralDecision;
import org.irmer.entitlement.core.domain.Regulator;
import org.irmer.entitlement.core.domain.TrainingLapsePolicy;
import org.irmer.entitlement.core.domain.TrainingType;
import org.irmer.entitlement.core.port.out.AuditTrail;
import org.irmer.entitlement.core.port.out.ComplianceEventStore;
import org.irmer.entitlement.core.port.out.Register;
import org.irmer.entitlement.core.port.out.StoreUnavailableException;
import org.irmer.entitlement.core.port.out.Transactions;
import org.junit.jupiter.api.Test;

/**
 * The check fails closed ({@link RecordedDecisions}; DOMAIN.md section 5): an evaluator that throws
 * gives an {@code INDETERMINATE} decision that is recorded like any other, and a decision that
 * cannot be recorded is never returned: the caller gets {@code INDETERMINATE [DATA_UNAVAILABLE]}
 * and nothing of the check is written, no audit record, no blocked attempt, no notification. The
 * failing ports are written here, as small classes over the in-memory ones.
 */
class FailClosedCheckTests {

  private final TestTrust trust = new TestTrust(TrainingLapsePolicy.warnWithGrace(30));
  private final Register register = trust.register;
  private final PersonId referrer = trust.untrainedReferrer("R", Profession.NURSE, Regulator.NMC);

  FailClosedCheckTests() {
    // Training in its grace period, so that an entitled check also sends notifications.
    trust.train(referrer, TrainingType.IRMER_REFERRER, TODAY.minusYears(3), TODAY.minusDays(1));
    trust.entitle(referrer, rule("XR-UPPER", Modality.PLAIN_RADIOGRAPHY, BodyRegion.UPPER_LIMB).build());
  }

  private ReferralCheckService check(ReferralEvaluator evaluator, AuditTrail trail,
      ComplianceEventStore events, Transactions transactions) {
    return new ReferralCheckService(evaluator, trail, events, register.notifications(),
        register.employers(), register.entitlements(), transactions);
  }

  private ReferralCheckService checkWith(AuditTrail trail) {
    return check(trust.evaluator(), trail, register.complianceEvents(), register.transactions());
  }

  private void assertNothingWritten() {
    assertThat(register.auditTrail().size()).as("audit records").isZero();
    assertThat(register.complianceEvents().forReferrer(referrer, TRUST_A)).as("blocked attempts")
        .isEmpty();
    assertThat(trust.memory.notifications()).as("notifications").isEmpty();
  }

  private static void assertIndeterminateBecauseUnrecorded(ReferralDecision decision) {
    assertThat(decision.outcome()).isEqualTo(Outcome.INDETERMINATE);
    assertThat(decision.allowsRequest()).isFalse();
    assertThat(decision.reasonCodes()).containsExactly(ReasonCode.DATA_UNAVAILABLE);
    assertThat(decision.reasons().get(0).message()).contains("could not be recorded");
    assertThat(decision.matchedRule()).isEmpty();
  }

  @Test
  void aFailureInsideTheEvaluatorIsAnIndeterminateDecisionThatIsRecorded() {
    ReferralEvaluator broken = (request, type) -> {
      throw new IllegalStateException("compiled snapshot is corrupt");
    };

    ReferralDecision decision = check(broken, register.auditTrail(), register.complianceEvents(),
        register.transactions()).check(request(referrer, "XWRIR").build());

    assertThat(decision.outcome()).isEqualTo(Outcome.INDETERMINATE);
    assertThat(decision.reasonCodes()).containsExactly(ReasonCode.DATA_UNAVAILABLE);
    assertThat(decision.reasons().get(0).message())
        .contains("could not be made", "compiled snapshot is corrupt");
    AuditEvent recorded = register.auditTrail().read(1, 10).get(0).event();
    assertThat(register.auditTrail().size()).isEqualTo(1);
    assertThat(recorded.result()).isEqualTo("INDETERMINATE");
    assertThat(recorded.causes()).singleElement().asString().startsWith("DATA_UNAVAILABLE: ");
    assertThat(register.complianceEvents().forReferrer(referrer, TRUST_A))
        .extracting(ComplianceEvent::kind).containsExactly(ComplianceEventKind.BLOCKED_ATTEMPT);
  }

  @Test
  void aDecisionThatCannotBeAppendedToTheTrailIsIndeterminateAndWritesNothing() {
    ReferralDecision decision = checkWith(new UnwritableTrail(register.auditTrail()))
        .check(request(referrer, "XWRIR").build());

    assertIndeterminateBecauseUnrecorded(decision);
    assertNothingWritten();
  }

  @Test
  void anEntitledDecisionWhoseUnitOfWorkCannotCommitIsIndeterminateAndWritesNothing() {
    AtomicLong writtenBeforeTheCommit = new AtomicLong();
    Transactions failingCommit = new FailingCommit(register.transactions(),
        () -> writtenBeforeTheCommit.set(
            register.auditTrail().size() + trust.memory.notifications().size()));

    ReferralDecision decision = check(trust.evaluator(), register.auditTrail(),
        register.complianceEvents(), failingCommit).check(request(referrer, "XWRIR").build());

    assertThat(writtenBeforeTheCommit.get())
        .as("an audit record and two notifications, written and then rolled back").isEqualTo(3);
    assertIndeterminateBecauseUnrecorded(decision);
    assertNothingWritten();
  }

  @Test
  void aRefusalWhoseBlockedAttemptCannotBeStoredIsIndeterminateAndLeavesNoAuditRecord() {
    AtomicLong recordsWhenRefused = new AtomicLong();
    ComplianceEventStore unwritable = new UnwritableEvents(register.complianceEvents(),
        () -> recordsWhenRefused.set(register.auditTrail().size()));

    ReferralDecision decision = check(trust.evaluator(), register.auditTrail(), unwritable,
        register.transactions()).check(request(referrer, "XKNER").build());

    assertThat(recordsWhenRefused.get()).as("the audit record, appended and then rolled back")
        .isEqualTo(1);
    assertIndeterminateBecauseUnrecorded(decision);
    assertNothingWritten();
  }

  @Test
  void aCheckThatFailedToRecordLeavesTheDaysNotificationToTheNextCheck() {
    checkWith(new UnwritableTrail(register.auditTrail())).check(request(referrer, "XWRIR").build());

    ReferralDecision recorded = checkWith(register.auditTrail())
        .check(request(referrer, "XWRIR").requestedAt(NOW.plusSeconds(60)).build());

    assertThat(recorded.outcome()).isEqualTo(Outcome.ENTITLED);
    assertThat(trust.memory.notifications()).hasSize(2);
    assertThat(register.auditTrail().size()).isEqualTo(1);
  }

  /** An audit trail whose store refuses every append, as a full or read-only database does. */
  private record UnwritableTrail(AuditTrail trail) implements AuditTrail {

    @Override
    public AuditTrailEntry append(AuditEvent event) {
      throw new StoreUnavailableException("the audit trail's database is read-only");
    }

    @Override
    public ImmutableList<AuditTrailEntry> read(long fromSequence, int limit) {
      return trail.read(fromSequence, limit);
    }

    @Override
    public long size() {
      return trail.size();
    }

    @Override
    public Optional<Long> firstBrokenLink() {
      return trail.firstBrokenLink();
    }
  }

  /** A compliance event store that cannot be written; {@code refusing} runs as it refuses. */
  private record UnwritableEvents(ComplianceEventStore events, Runnable refusing)
      implements ComplianceEventStore {

    @Override
    public ImmutableList<ComplianceEvent> forReferrer(PersonId referrer, EmployerId employer) {
      return events.forReferrer(referrer, employer);
    }

    @Override
    public ComplianceEvent add(ComplianceEvent event) {
      refusing.run();
      throw new StoreUnavailableException("the compliance events' table is locked");
    }
  }

  /**
   * Transactions whose commit fails after the work has run and written: the work runs in a real
   * in-memory unit of work, which the failure then rolls back, as a lost connection at commit does.
   * {@code failing} runs after the work, before the failure.
   */
  private record FailingCommit(Transactions transactions, Runnable failing)
      implements Transactions {

    @Override
    public <T> T inTransaction(Supplier<T> work) {
      return transactions.inTransaction(() -> {
        work.get();
        failing.run();
        throw new StoreUnavailableException("the connection was lost at commit");
      });
    }
  }
}
