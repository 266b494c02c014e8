package org.irmer.entitlement.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.irmer.entitlement.core.domain.BodyRegion;
import org.irmer.entitlement.core.domain.CommandContext;
import org.irmer.entitlement.core.domain.Entitlement;
import org.irmer.entitlement.core.domain.EntitlementStatus;
import org.irmer.entitlement.core.domain.Modality;
import org.irmer.entitlement.core.domain.Outcome;
import org.irmer.entitlement.core.domain.PersonId;
import org.irmer.entitlement.core.domain.Profession;
import org.irmer.entitlement.core.domain.ReasonCode;
import org.irmer.entitlement.core.domain.ReferralRequest;
import org.irmer.entitlement.core.domain.Regulator;
import org.irmer.entitlement.core.port.out.StoreUnavailableException;
import org.irmer.entitlement.rules.wiring.EntitlementRegister;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A lifecycle command while the database is down fails with {@link StoreUnavailableException} and
 * changes nothing, since its writes, its change on the feed and its audit record are one unit of
 * work; once the database is back the same command succeeds, with no restart (ARCHITECTURE.md,
 * persistence and scale).
 */
class CommandsWhileDownTests {

  private final TestTrust trust = new TestTrust();
  private final PersonId nurse = trust.referrer("N", Profession.NURSE, Regulator.NMC);
  private final Entitlement entitlement = trust.entitle(nurse,
      TestTrust.rule("XR-ANKLE", Modality.PLAIN_RADIOGRAPHY, BodyRegion.ANKLE).build());
  private final ReferralRequest ankle = TestTrust.request(nurse, "XANKR").build();
  private final CommandContext delegate =
      CommandContext.by(TestTrust.DELEGATE, TestTrust.NOW, "incident under review");
  private final Outage outage = new Outage();
  private final EntitlementRegister register = EntitlementRegister.open(outage.over(trust.register));

  @AfterEach
  void close() {
    register.close();
  }

  private void assertUnchanged(long trailSize, long lastChange) {
    assertThat(trust.register.entitlements().find(entitlement.id()).orElseThrow().status())
        .isEqualTo(EntitlementStatus.ACTIVE);
    assertThat(trust.register.entitlements().history(entitlement.id())).hasSize(1);
    assertThat(trust.register.auditTrail().size()).isEqualTo(trailSize);
    assertThat(trust.register.changes().lastSequence()).isEqualTo(lastChange);
  }

  @Test
  void aCommandWhileTheDatabaseIsDownFailsTypedAndChangesNothing() {
    long trailSize = trust.register.auditTrail().size();
    long lastChange = trust.register.changes().lastSequence();
    outage.begin();

    assertThatThrownBy(() -> register.entitlements().suspend(entitlement.id(), delegate))
        .isInstanceOf(StoreUnavailableException.class);

    outage.end();
    assertUnchanged(trailSize, lastChange);
  }

  @Test
  void aCommandWhoseAuditRecordCannotBeWrittenLeavesNoPartOfItsChange() {
    long trailSize = trust.register.auditTrail().size();
    long lastChange = trust.register.changes().lastSequence();
    outage.trailOnly();

    assertThatThrownBy(() -> register.entitlements().suspend(entitlement.id(), delegate))
        .isInstanceOf(StoreUnavailableException.class);

    outage.end();
    assertUnchanged(trailSize, lastChange);
    assertThat(register.engine().check(ankle).permitted()).as("the engine saw no suspension").isTrue();
  }

  @Test
  void onceTheDatabaseIsBackTheSameCommandSucceedsAndChecksFollowItWithoutARestart() {
    outage.begin();
    assertThatThrownBy(() -> register.entitlements().suspend(entitlement.id(), delegate))
        .isInstanceOf(StoreUnavailableException.class);
    outage.heartbeat();

    outage.end();

    assertThat(register.entitlements().suspend(entitlement.id(), delegate).isAccepted()).isTrue();
    assertThat(register.referrals().check(ankle).outcome()).isEqualTo(Outcome.NOT_ENTITLED);
    assertThat(register.referrals().check(ankle).reasonCodes())
        .containsExactly(ReasonCode.ENTITLEMENT_SUSPENDED);
    assertThat(trust.register.auditTrail().firstBrokenLink()).isEmpty();
  }
}
