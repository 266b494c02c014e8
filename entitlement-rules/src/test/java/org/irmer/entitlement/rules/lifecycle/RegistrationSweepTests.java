package org.irmer.entitlement.rules.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.irmer.entitlement.rules.lifecycle.EveryEngine.wristXray;
import static org.irmer.entitlement.rules.lifecycle.SampleTrust.ENTITLEMENT;
import static org.irmer.entitlement.rules.lifecycle.SampleTrust.MANAGER;
import static org.irmer.entitlement.rules.lifecycle.SampleTrust.NOW;
import static org.irmer.entitlement.rules.lifecycle.SampleTrust.REFERRER;
import static org.irmer.entitlement.rules.lifecycle.SampleTrust.SUPERVISOR;
import static org.irmer.entitlement.rules.lifecycle.SampleTrust.TODAY;
import static org.irmer.entitlement.rules.lifecycle.SampleTrust.TRUST;
import static org.irmer.entitlement.rules.lifecycle.SampleTrust.accepted;
import static org.irmer.entitlement.rules.lifecycle.SampleTrust.byDelegate;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.irmer.entitlement.core.domain.Actor;
import org.irmer.entitlement.core.domain.AuditEvent;
import org.irmer.entitlement.core.domain.EntitlementStatus;
import org.irmer.entitlement.core.domain.GroupCriteria;
import org.irmer.entitlement.core.domain.Outcome;
import org.irmer.entitlement.core.domain.Person;
import org.irmer.entitlement.core.domain.PersonId;
import org.irmer.entitlement.core.domain.ProfessionalRegistration;
import org.irmer.entitlement.core.domain.ReasonCode;
import org.irmer.entitlement.core.domain.RegistrationChange;
import org.irmer.entitlement.core.domain.RegistrationSource;
import org.irmer.entitlement.core.domain.RegistrationStatus;
import org.irmer.entitlement.core.domain.Regulator;
import org.irmer.entitlement.core.domain.RoleId;
import org.irmer.entitlement.core.domain.SweepReport;
import org.irmer.entitlement.core.domain.TrainingType;
import org.irmer.entitlement.core.port.out.Notification;
import org.irmer.entitlement.core.port.out.NotificationKind;
import org.irmer.entitlement.rules.Wiring;
import org.junit.jupiter.api.Test;

/**
 * DOMAIN.md section 3 and principle 6: the compliance sweep asks the regulator's register for every
 * referrer it covers, and the stricter of the two statuses wins, so that both engines and the
 * lifecycle read one registration.
 */
class RegistrationSweepTests {

  private static final Actor SWEEP = Actor.system("compliance-sweep");
  private static final Instant LATER = NOW.plus(Duration.ofHours(1));

  private final SampleTrust trust = new SampleTrust();

  @Test
  void aLapseOnTheRegulatorsRegisterIsRecordedAndBothEnginesRefuseAfterTheSweep() {
    trust.activeEntitlement();
    regulatorSays(trust, REFERRER, RegistrationStatus.LAPSED);
    long mark = trust.auditSize();
    try (EveryEngine engines = new EveryEngine(trust.register)) {
      assertThat(engines.decide(wristXray(REFERRER, NOW)).outcome()).isEqualTo(Outcome.ENTITLED);

      SweepReport report = trust.sweep.sweep(LATER);

      assertThat(report.registrationChanges())
          .containsExactly(
              new RegistrationChange(
                  REFERRER,
                  RegistrationStatus.REGISTERED,
                  RegistrationStatus.LAPSED,
                  RegistrationSource.LOOKUP));
      assertThat(report.suspended()).containsExactly(ENTITLEMENT);
      assertThat(engines.decide(wristXray(REFERRER, LATER)).reasonCodes())
          .contains(ReasonCode.REGISTRATION_NOT_CURRENT);
    }
    ProfessionalRegistration recorded = registrationOf(trust, REFERRER);
    assertThat(recorded.status()).isEqualTo(RegistrationStatus.LAPSED);
    assertThat(recorded.checkedAt()).isEqualTo(LATER);
    assertThat(recorded.statusSince()).contains(LATER);
    assertThat(trust.auditEventsSince(mark))
        .filteredOn(event -> event.action().equals("record-registration"))
        .singleElement()
        .satisfies(
            event -> {
              assertThat(event.actor()).isEqualTo(SWEEP);
              assertThat(event.subject()).isEqualTo(REFERRER.value());
              assertThat(event.result()).isEqualTo("ACCEPTED");
              assertThat(event.stateBefore()).contains("HCPC PH104729 REGISTERED v1");
              assertThat(event.stateAfter()).contains("HCPC PH104729 LAPSED v2");
              assertThat(event.details()).containsEntry("source", "LOOKUP");
              assertThat(event.causes()).first().asString().contains("says LAPSED");
            });
    assertThat(trust.notificationsTo(Notification.delegatesOf(TRUST)))
        .filteredOn(notification -> notification.kind() == NotificationKind.REGISTRATION)
        .singleElement()
        .satisfies(
            notification ->
                assertThat(notification.message()).contains("PH104729", "is LAPSED", "LOOKUP"));
    assertThat(trust.entitlement(ENTITLEMENT).statusReason())
        .hasValueSatisfying(reason -> assertThat(reason).contains("LAPSED"));
  }

  @Test
  void aSecondSweepAtTheSameInstantRecordsAndNotifiesNothing() {
    trust.activeEntitlement();
    regulatorSays(trust, REFERRER, RegistrationStatus.LAPSED);
    trust.sweep.sweep(NOW);
    RegisterSnapshot afterFirst = trust.snapshot();
    long trail = trust.auditSize();

    SweepReport second = trust.sweep.sweep(NOW);

    assertThat(second.registrationChanges()).isEmpty();
    assertThat(second.suspended()).isEmpty();
    assertThat(trust.snapshot()).isEqualTo(afterFirst);
    assertThat(trust.auditSize()).isEqualTo(trail);
  }

  @Test
  void theRecordTakesTheInstantTheRegulatorsEntryGivesForTheStatus() {
    trust.activeEntitlement();
    Instant lapsedOn = NOW.minus(Duration.ofDays(3));
    trust.memory.withRegistrations(
        List.of(
            ProfessionalRegistration.builder()
                .from(registrationOf(trust, REFERRER))
                .status(RegistrationStatus.SUSPENDED)
                .statusSince(lapsedOn)
                .build()));

    trust.sweep.sweep(NOW);

    assertThat(registrationOf(trust, REFERRER).statusSince()).contains(lapsedOn);
  }

  @Test
  void aStricterStatusOnTheRecordIsKeptAndTheDelegatesAreToldOnce() {
    trust.activeEntitlement();
    accepted(
        Wiring.registrations(trust.register)
            .recordRegistration(
                REFERRER,
                RegistrationStatus.SUSPENDED,
                NOW,
                RegistrationSource.MANUAL,
                byDelegate(NOW)));
    int toldBefore = registrationNotices(trust).size();

    SweepReport first = trust.sweep.sweep(NOW.plusSeconds(60));
    long trail = trust.auditSize();
    SweepReport second = trust.sweep.sweep(NOW.plusSeconds(60));

    assertThat(registrationOf(trust, REFERRER).status()).isEqualTo(RegistrationStatus.SUSPENDED);
    assertThat(first.registrationChanges()).isEmpty();
    assertThat(first.flagged())
        .contains(
            "PHY-1: registration SUSPENDED kept; HCPC's register says REGISTERED for PH104729");
    assertThat(second.flagged()).isEqualTo(first.flagged());
    assertThat(registrationNotices(trust).subList(toldBefore, registrationNotices(trust).size()))
        .singleElement()
        .satisfies(
            notification ->
                assertThat(notification.message()).contains("stricter than the regulator"));
    assertThat(trust.auditSize()).isEqualTo(trail);
    assertThat(trust.auditEventsSince(0))
        .filteredOn(event -> event.action().equals("flag-registration-disagreement"))
        .extracting(AuditEvent::actor)
        .containsExactly(SWEEP);
  }

  @Test
  void aReferrerTheRegulatorHasNoEntryForIsRecordedRemoved() {
    trust.activeEntitlement();
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
                        .number("PH999999")
                        .build())
                .build(),
            referrer.version());

    SweepReport report = trust.sweep.sweep(NOW);

    assertThat(report.registrationChanges())
        .extracting(RegistrationChange::to)
        .containsExactly(RegistrationStatus.REMOVED);
    assertThat(report.suspended()).containsExactly(ENTITLEMENT);
  }

  @Test
  void theSweepAsksAboutMembersOfAGroupEntitlementAndBothEnginesRefuseThem() {
    trust.addRole(RoleId.of("ROLE-SUP"), SUPERVISOR, TRUST, "Consultant physician", TODAY);
    trust.addTraining(
        SUPERVISOR, TrainingType.IRMER_REFERRER, TODAY.minusYears(1), TODAY.plusYears(2));
    accepted(
        trust.entitlements.grantGroup(
            TRUST,
            GroupCriteria.builder()
                .name("GMC-registered doctors")
                .addRegulator(Regulator.GMC)
                .build(),
            SampleTrust.xrayLimbs(),
            byDelegate(NOW)));
    regulatorSays(trust, SUPERVISOR, RegistrationStatus.SUSPENDED);
    regulatorSays(trust, MANAGER, RegistrationStatus.SUSPENDED);
    try (EveryEngine engines = new EveryEngine(trust.register)) {
      assertThat(engines.decide(wristXray(SUPERVISOR, NOW)).outcome())
          .isEqualTo(Outcome.ENTITLED);

      SweepReport report = trust.sweep.sweep(NOW);

      assertThat(report.registrationChanges())
          .extracting(RegistrationChange::person)
          .containsExactly(MANAGER, SUPERVISOR);
      assertThat(engines.decide(wristXray(SUPERVISOR, NOW)).reasonCodes())
          .containsExactly(ReasonCode.REGISTRATION_NOT_CURRENT);
    }
  }

  @Test
  void peopleTheSweepDoesNotCoverAreNotAskedAbout() {
    trust.activeEntitlement();
    regulatorSays(trust, MANAGER, RegistrationStatus.SUSPENDED);

    SweepReport report = trust.sweep.sweep(NOW);

    assertThat(report.registrationChanges()).isEmpty();
    assertThat(registrationOf(trust, MANAGER).status()).isEqualTo(RegistrationStatus.REGISTERED);
    assertThat(trust.entitlement(ENTITLEMENT).status()).isEqualTo(EntitlementStatus.ACTIVE);
  }

  /** Sets the regulator's entry for the person's registration to {@code status}. */
  static void regulatorSays(SampleTrust trust, PersonId person, RegistrationStatus status) {
    trust.memory.withRegistrations(
        List.of(
            ProfessionalRegistration.builder()
                .from(registrationOf(trust, person))
                .status(status)
                .build()));
  }

  static ProfessionalRegistration registrationOf(SampleTrust trust, PersonId person) {
    return trust.register.people().find(person).orElseThrow().registration().orElseThrow();
  }

  private static List<Notification> registrationNotices(SampleTrust trust) {
    return trust.notificationsTo(Notification.delegatesOf(TRUST)).stream()
        .filter(notification -> notification.kind() == NotificationKind.REGISTRATION)
        .toList();
  }
}
