package org.irmer.entitlement.rules.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.irmer.entitlement.rules.lifecycle.EveryEngine.wristXray;
import static org.irmer.entitlement.rules.lifecycle.RegistrationSweepTests.registrationOf;
import static org.irmer.entitlement.rules.lifecycle.RegistrationSweepTests.regulatorSays;
import static org.irmer.entitlement.rules.lifecycle.SampleTrust.NOW;
import static org.irmer.entitlement.rules.lifecycle.SampleTrust.REFERRER;

import java.time.Duration;
import java.time.Instant;
import org.irmer.entitlement.core.domain.Person;
import org.irmer.entitlement.core.domain.ProfessionalRegistration;
import org.irmer.entitlement.core.domain.ReasonCode;
import org.irmer.entitlement.core.domain.ReferralDecision;
import org.irmer.entitlement.core.domain.RegistrationStatus;
import org.junit.jupiter.api.Test;

/**
 * The rule "the stricter status wins" for every pair of statuses on the register's record and the
 * regulator's register. The pairs are few, so each is tried rather than sampled.
 */
class RegistrationStrictnessProperties {

  private static final Instant LATER = NOW.plus(Duration.ofHours(1));

  @Test
  void strictnessOrdersEveryPairOfStatusesOneWayOnly() {
    for (RegistrationStatus a : RegistrationStatus.values()) {
      for (RegistrationStatus b : RegistrationStatus.values()) {
        int ways = (a.isStricterThan(b) ? 1 : 0) + (b.isStricterThan(a) ? 1 : 0);
        assertThat(ways).as("%s and %s", a, b).isEqualTo(a == b ? 0 : 1);
        for (RegistrationStatus c : RegistrationStatus.values()) {
          if (a.isStricterThan(b) && b.isStricterThan(c)) {
            assertThat(a.isStricterThan(c)).as("%s, %s, %s", a, b, c).isTrue();
          }
        }
      }
      assertThat(a.isStricterThan(RegistrationStatus.REGISTERED))
          .isEqualTo(a != RegistrationStatus.REGISTERED);
      assertThat(RegistrationStatus.REMOVED.isStricterThan(a))
          .isEqualTo(a != RegistrationStatus.REMOVED);
    }
  }

  @Test
  void afterASweepTheRecordHoldsTheStricterStatusAndEveryEngineDecidesByIt() {
    for (RegistrationStatus onRecord : RegistrationStatus.values()) {
      for (RegistrationStatus atRegulator : RegistrationStatus.values()) {
        SampleTrust trust = new SampleTrust();
        trust.activeEntitlement();
        recordSays(trust, onRecord);
        regulatorSays(trust, REFERRER, atRegulator);
        RegistrationStatus stricter =
            atRegulator.isStricterThan(onRecord) ? atRegulator : onRecord;
        String pair = "record " + onRecord + ", regulator " + atRegulator;
        try (EveryEngine engines = new EveryEngine(trust.register)) {

          trust.sweep.sweep(LATER);

          assertThat(registrationOf(trust, REFERRER).status()).as(pair).isEqualTo(stricter);
          ReferralDecision decision = engines.decide(wristXray(REFERRER, LATER));
          assertThat(decision.allowsRequest())
              .as(pair)
              .isEqualTo(stricter == RegistrationStatus.REGISTERED);
          if (stricter != RegistrationStatus.REGISTERED) {
            assertThat(decision.reasonCodes())
                .as(pair)
                .contains(ReasonCode.REGISTRATION_NOT_CURRENT);
          }
        }
        RegisterSnapshot afterFirst = trust.snapshot();
        long trail = trust.auditSize();
        trust.sweep.sweep(LATER);
        assertThat(trust.snapshot()).as("second sweep, %s", pair).isEqualTo(afterFirst);
        assertThat(trust.auditSize()).as("second sweep, %s", pair).isEqualTo(trail);
      }
    }
  }

  /** Writes {@code status} straight onto the referrer's record, as an import would. */
  private static void recordSays(SampleTrust trust, RegistrationStatus status) {
    Person referrer = trust.register.people().find(REFERRER).orElseThrow();
    trust
        .register
        .people()
        .save(
            Person.builder()
                .from(referrer)
                .registration(
                    ProfessionalRegistration.builder()
                        .from(referrer.registration().orElseThrow())
                        .status(status)
                        .build())
                .build(),
            referrer.version());
  }
}
