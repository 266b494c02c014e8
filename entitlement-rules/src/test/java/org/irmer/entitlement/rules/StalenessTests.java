package org.irmer.entitlement.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.irmer.entitlement.core.domain.BodyRegion;
import org.irmer.entitlement.core.domain.Modality;
import org.irmer.entitlement.core.domain.Outcome;
import org.irmer.entitlement.core.domain.PersonId;
import org.irmer.entitlement.core.domain.Profession;
import org.irmer.entitlement.core.domain.Reason;
import org.irmer.entitlement.core.domain.ReasonCode;
import org.irmer.entitlement.core.domain.ReferralDecision;
import org.irmer.entitlement.core.domain.ReferralRequest;
import org.irmer.entitlement.core.domain.Regulator;
import org.irmer.entitlement.core.domain.Warning;
import org.irmer.entitlement.core.domain.WarningCode;
import org.irmer.entitlement.core.port.out.StoreUnavailableException;
import org.irmer.entitlement.rules.wiring.EntitlementRegister;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * While the register cannot be reached, checks are answered from the engine's last snapshot, each
 * warned with the snapshot's age; past the staleness limit they fail closed, {@code INDETERMINATE
 * [DATA_UNAVAILABLE]}; the first catch-up that reaches the register again confirms the snapshot
 * and the warning goes (ARCHITECTURE.md, persistence and scale; DOMAIN.md section 5). Time runs on
 * a {@link TestClock}; the feed's heartbeat is {@link Outage#heartbeat()}.
 */
class StalenessTests {

  private static final Instant OPENED = Instant.parse("2026-03-10T10:00:00.400Z");

  private final TestTrust trust = new TestTrust();
  private final PersonId nurse = trust.referrer("N", Profession.NURSE, Regulator.NMC);
  private final TestClock clock = new TestClock(OPENED);
  private final Outage outage = new Outage();
  private final ReferralRequest ankle = TestTrust.request(nurse, "XANKR").build();
  private final ReferralRequest knee = TestTrust.request(nurse, "XKNER").build();
  private EntitlementRegister register;

  StalenessTests() {
    trust.entitle(nurse, TestTrust.rule("XR-ANKLE", Modality.PLAIN_RADIOGRAPHY, BodyRegion.ANKLE).build());
  }

  private EntitlementRegister open(EntitlementRegister.Options options) {
    register = options.clock(clock).open();
    return register;
  }

  private EntitlementRegister openWithDefaults() {
    return open(EntitlementRegister.over(outage.over(trust.register)));
  }

  @AfterEach
  void close() {
    if (register != null) {
      register.close();
    }
  }

  /** The database goes down now, and the heartbeat after {@code later} finds it so. */
  private void downFor(Duration later) {
    outage.begin();
    clock.advance(later);
    outage.heartbeat();
  }

  private static Warning staleWarning(ReferralDecision decision) {
    return decision.warnings().stream().filter(warning -> warning.code() == WarningCode.SNAPSHOT_STALE)
        .findFirst().orElseThrow(() -> new AssertionError("no SNAPSHOT_STALE warning: " + decision));
  }

  @Test
  void whileTheRegisterCanBeReachedNoCheckIsWarned() {
    openWithDefaults();
    clock.advance(Duration.ofHours(2));
    outage.heartbeat();

    ReferralDecision decision = register.referrals().check(ankle);

    assertThat(decision.outcome()).isEqualTo(Outcome.ENTITLED);
    assertThat(decision.warningCodes()).doesNotContain(WarningCode.SNAPSHOT_STALE);
    assertThat(register.engine().isUnconfirmed()).isFalse();
  }

  @Test
  void whileTheRegisterCannotBeReachedEveryCheckIsDecidedOnTheSnapshotAndWarnedWithItsAge() {
    openWithDefaults();
    downFor(Duration.ofSeconds(192));

    ReferralDecision entitled = register.referrals().check(ankle);
    ReferralDecision refused = register.referrals().check(knee);

    assertThat(entitled.outcome()).isEqualTo(Outcome.ENTITLED);
    assertThat(staleWarning(entitled).message()).isEqualTo("The register could not be reached for"
        + " 3 min 12 s; decided on the snapshot of 2026-03-10T10:00:00Z");
    assertThat(refused.outcome()).as("a refusal on old data is as uncertain as a permit")
        .isEqualTo(Outcome.NOT_ENTITLED);
    assertThat(refused.reasonCodes()).containsExactly(ReasonCode.OUT_OF_SCOPE_EXAMINATION);
    assertThat(staleWarning(refused).message()).contains("3 min 12 s");
    assertThat(register.engine().check(ankle).decision(ankle).warningCodes())
        .as("the engine's own verdict").contains(WarningCode.SNAPSHOT_STALE);
  }

  @Test
  void atTheStalenessLimitChecksAreStillDecidedWithTheWarning() {
    openWithDefaults();
    downFor(Duration.ofMinutes(15));

    ReferralDecision decision = register.referrals().check(ankle);

    assertThat(decision.outcome()).isEqualTo(Outcome.ENTITLED);
    assertThat(staleWarning(decision).message()).contains("for 15 min;");
  }

  @Test
  void pastTheStalenessLimitChecksFailClosedSayingWhy() {
    openWithDefaults();
    downFor(Duration.ofMinutes(15).plusSeconds(1));

    ReferralDecision decision = register.referrals().check(ankle);

    assertThat(decision.outcome()).isEqualTo(Outcome.INDETERMINATE);
    assertThat(decision.allowsRequest()).isFalse();
    assertThat(decision.reasonCodes()).containsExactly(ReasonCode.DATA_UNAVAILABLE);
    assertThat(decision.reasons()).extracting(Reason::message).contains("The register could not be"
        + " reached for 15 min 1 s, longer than the 15 min a decision may rest on the last snapshot"
        + " (of 2026-03-10T10:00:00Z), so none was made");
    assertThat(decision.warnings()).isEmpty();
    assertThat(register.engine().check(ankle).permitted()).isFalse();
    assertThat(register.engine().decidesOnSnapshot()).isFalse();
  }

  @Test
  void theStalenessLimitIsAnOptionOfTheEntryPoint() {
    open(EntitlementRegister.over(outage.over(trust.register)).failClosedAfter(Duration.ofMinutes(1)));
    downFor(Duration.ofSeconds(61));

    assertThat(register.referrals().check(ankle).outcome()).isEqualTo(Outcome.INDETERMINATE);
    assertThatThrownBy(() -> EntitlementRegister.over(trust.register).failClosedAfter(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aCheckThatFindsTheDatabaseDownWarnsTheChecksAfterItWithoutWaitingForTheNextCatchUp() {
    openWithDefaults();
    outage.begin();
    clock.advance(Duration.ofSeconds(150));

    ReferralDecision first = register.referrals().check(ankle);
    ReferralDecision second = register.referrals().check(knee);

    assertThat(first.outcome()).isEqualTo(Outcome.ENTITLED);
    assertThat(first.warningCodes()).as("decided before the register was found out of reach")
        .doesNotContain(WarningCode.SNAPSHOT_STALE);
    assertThat(staleWarning(second).message()).contains("for 2 min 30 s;");
    assertThat(register.engine().isUnconfirmed()).isTrue();
  }

  @Test
  void theAgeCountsFromTheLastCatchUpThatReachedTheRegister() {
    openWithDefaults();
    clock.advance(Duration.ofMinutes(10));
    outage.heartbeat();
    Instant confirmed = register.engine().confirmedAt();

    downFor(Duration.ofMinutes(2));
    clock.advance(Duration.ofMinutes(7));

    assertThat(confirmed).isEqualTo(OPENED.plus(Duration.ofMinutes(10)));
    assertThat(staleWarning(register.referrals().check(ankle)).message())
        .isEqualTo("The register could not be reached for 9 min; decided on the snapshot of"
            + " 2026-03-10T10:10:00Z");
  }

  @Test
  void whenTheRegisterReturnsTheNextCatchUpConfirmsTheSnapshotWithoutARestart() {
    openWithDefaults();
    downFor(Duration.ofMinutes(40));
    assertThat(register.referrals().check(ankle).outcome()).isEqualTo(Outcome.INDETERMINATE);

    outage.end();
    outage.heartbeat();

    ReferralDecision decision = register.referrals().check(ankle);
    assertThat(decision.outcome()).isEqualTo(Outcome.ENTITLED);
    assertThat(decision.warnings()).isEmpty();
    assertThat(register.engine().confirmedAt()).isEqualTo(OPENED.plus(Duration.ofMinutes(40)));
  }

  @Test
  void aCatchUpCalledByHandFailsTypedAndLeavesTheSnapshotUnconfirmed() {
    openWithDefaults();
    outage.begin();

    assertThatThrownBy(register.engine()::catchUp).isInstanceOf(StoreUnavailableException.class);

    assertThat(register.engine().isUnconfirmed()).isTrue();
    assertThat(register.engine().confirmedAt()).isEqualTo(OPENED);
  }
}
