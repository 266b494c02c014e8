package org.irmer.entitlement.rules.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.irmer.entitlement.rules.lifecycle.EveryEngine.wristXray;
import static org.irmer.entitlement.rules.lifecycle.RegistrationSweepTests.registrationOf;
import static org.irmer.entitlement.rules.lifecycle.RegistrationSweepTests.regulatorSays;
import static org.irmer.entitlement.rules.lifecycle.SampleTrust.DELEGATE;
import static org.irmer.entitlement.rules.lifecycle.SampleTrust.ENTITLEMENT;
import static org.irmer.entitlement.rules.lifecycle.SampleTrust.NOW;
import static org.irmer.entitlement.rules.lifecycle.SampleTrust.OTHER_TRUST;
import static org.irmer.entitlement.rules.lifecycle.SampleTrust.REFERRER;
import static org.irmer.entitlement.rules.lifecycle.SampleTrust.SONOGRAPHER;
import static org.irmer.entitlement.rules.lifecycle.SampleTrust.SUPERVISOR;
import static org.irmer.entitlement.rules.lifecycle.SampleTrust.TRUST;
import static org.irmer.entitlement.rules.lifecycle.SampleTrust.accepted;
import static org.irmer.entitlement.rules.lifecycle.SampleTrust.byDelegate;
import static org.irmer.entitlement.rules.lifecycle.SampleTrust.bySystem;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import org.irmer.entitlement.core.service.RegistrationService;
import org.irmer.entitlement.core.domain.AuditEvent;
import org.irmer.entitlement.core.domain.CommandContext;
import org.irmer.entitlement.core.domain.CommandResult;
import org.irmer.entitlement.core.domain.Delegate;
import org.irmer.entitlement.core.domain.Delegation;
import org.irmer.entitlement.core.domain.DelegationId;
import org.irmer.entitlement.core.domain.EntitlementStatus;
import org.irmer.entitlement.core.domain.Outcome;
import org.irmer.entitlement.core.domain.Person;
import org.irmer.entitlement.core.domain.PersonId;
import org.irmer.entitlement.core.domain.ProfessionalRegistration;
import org.irmer.entitlement.core.domain.ReasonCode;
import org.irmer.entitlement.core.domain.RefusalCode;
import org.irmer.entitlement.core.domain.RegistrationSource;
import org.irmer.entitlement.core.domain.RegistrationStatus;
import org.irmer.entitlement.core.port.out.Notification;
import org.irmer.entitlement.core.port.out.NotificationKind;
import org.irmer.entitlement.rules.Wiring;
import org.junit.jupiter.api.Test;

/**
 * DOMAIN.md section 3: a change of registration status is a lifecycle command, recorded on the
 * person's record that both engines and lifecycle eligibility read, by a delegate of an employer
 * the person works for or from the regulator's register.
 */
class RegistrationRecordingTests {

  private static final Instant EARLIER = NOW.minus(Duration.ofHours(2));
  private static final Instant LATER = NOW.plus(Duration.ofHours(1));

  private final SampleTrust trust = new SampleTrust();
  private final RegistrationService registrations = Wiring.registrations(trust.register);

  @Test
  void aDelegateRecordsALapseByHandAndEveryEngineRefusesAtOnce() {
    trust.activeEntitlement();
    long mark = trust.auditSize();
    try (EveryEngine engines = new EveryEngine(trust.register)) {

      Person recorded =
          accepted(
              registrations.recordRegistration(
                  REFERRER,
                  RegistrationStatus.LAPSED,
                  EARLIER,
                  RegistrationSource.MANUAL,
                  CommandContext.by(DELEGATE, LATER, "HCPC letter: renewal not received")));

      assertThat(recorded.registration().orElseThrow().status())
          .isEqualTo(RegistrationStatus.LAPSED);
      assertThat(engines.decide(wristXray(REFERRER, NOW)).reasonCodes())
          .containsExactly(ReasonCode.REGISTRATION_NOT_CURRENT);
    }
    ProfessionalRegistration registration = registrationOf(trust, REFERRER);
    assertThat(registration.statusSince()).contains(EARLIER);
    assertThat(registration.checkedAt()).as("last checked with the regulator").isEqualTo(NOW);
    assertThat(trust.auditEventsSince(mark))
        .singleElement()
        .satisfies(
            event -> {
              assertThat(event.action()).isEqualTo("record-registration");
              assertThat(event.actor().id()).isEqualTo(DELEGATE.value());
              assertThat(event.causes()).containsExactly("HCPC letter: renewal not received");
              assertThat(event.stateBefore()).contains("HCPC PH104729 REGISTERED v1");
              assertThat(event.stateAfter()).contains("HCPC PH104729 LAPSED v2");
              assertThat(event.details())
                  .containsEntry("source", "MANUAL")
                  .containsEntry("effective", EARLIER.toString());
            });
    assertThat(trust.notificationsTo(REFERRER.value()))
        .extracting(Notification::kind)
        .contains(NotificationKind.REGISTRATION);
    assertThat(trust.notificationsTo(Notification.delegatesOf(TRUST)))
        .extracting(Notification::kind)
        .contains(NotificationKind.REGISTRATION);
    assertThat(trust.sweep.sweep(LATER).suspended()).containsExactly(ENTITLEMENT);
  }

  @Test
  void someoneWhoIsNotADelegateWhereTheReferrerWorksIsRefused() {
    trust.activeEntitlement();
    PersonId elsewhere = PersonId.of("DEL-BR2");
    trust
        .register
        .delegations()
        .save(
            Delegation.builder()
                .id(DelegationId.of("DLG-BR2"))
                .employer(OTHER_TRUST)
                .delegate(Delegate.person(elsewhere))
                .delegatedBy("Chief Executive")
                .validFrom(LocalDate.of(2020, 1, 1))
                .build(),
            0);
    RegisterSnapshot before = trust.snapshot();
    long mark = trust.auditSize();

    CommandResult<Person> bySupervisor = lapse(SampleTrust.by(SUPERVISOR, NOW));
    CommandResult<Person> byOtherTrustsDelegate = lapse(SampleTrust.by(elsewhere, NOW));

    assertThat(bySupervisor.refusalCodes()).containsExactly(RefusalCode.NOT_A_CURRENT_DELEGATE);
    assertThat(byOtherTrustsDelegate.refusalCodes())
        .containsExactly(RefusalCode.NOT_A_CURRENT_DELEGATE);
    assertThat(trust.snapshot()).isEqualTo(before);
    assertThat(trust.auditEventsSince(mark))
        .extracting(AuditEvent::result)
        .containsExactly("REFUSED", "REFUSED");
  }

  @Test
  void aDelegateMayNotRecordTheirOwnRegistration() {
    assertThat(
            registrations
                .recordRegistration(
                    DELEGATE,
                    RegistrationStatus.LAPSED,
                    NOW,
                    RegistrationSource.MANUAL,
                    byDelegate(NOW))
                .refusalCodes())
        .containsExactly(RefusalCode.OWN_APPLICATION);
  }

  @Test
  void onlyTheRegulatorsRegisterCanLiftAStatusRecordedByHand() {
    trust.activeEntitlement();
    accepted(lapse(byDelegate(NOW)));
    regulatorSays(trust, REFERRER, RegistrationStatus.LAPSED);

    CommandResult<Person> liftedAgainstTheRegulator =
        registrations.recordRegistration(
            REFERRER,
            RegistrationStatus.REGISTERED,
            NOW,
            RegistrationSource.MANUAL,
            byDelegate(NOW));
    regulatorSays(trust, REFERRER, RegistrationStatus.REGISTERED);
    CommandResult<Person> liftedWithTheRegulator =
        registrations.recordRegistration(
            REFERRER,
            RegistrationStatus.REGISTERED,
            NOW,
            RegistrationSource.MANUAL,
            byDelegate(NOW));

    assertThat(liftedAgainstTheRegulator.refusalCodes())
        .containsExactly(RefusalCode.REGISTRATION_NOT_CURRENT);
    assertThat(liftedWithTheRegulator.isAccepted()).isTrue();
    assertThat(registrationOf(trust, REFERRER).status()).isEqualTo(RegistrationStatus.REGISTERED);
  }

  @Test
  void aSystemRecordsOnlyWhatTheRegulatorsRegisterSays() {
    trust.activeEntitlement();
    regulatorSays(trust, REFERRER, RegistrationStatus.SUSPENDED);

    CommandResult<Person> byHand =
        registrations.recordRegistration(
            REFERRER,
            RegistrationStatus.SUSPENDED,
            NOW,
            RegistrationSource.MANUAL,
            bySystem(NOW));
    CommandResult<Person> notTheRegulators =
        registrations.recordRegistration(
            REFERRER, RegistrationStatus.REMOVED, NOW, RegistrationSource.LOOKUP, bySystem(NOW));
    CommandResult<Person> theRegulators =
        registrations.recordRegistration(
            REFERRER,
            RegistrationStatus.SUSPENDED,
            NOW,
            RegistrationSource.LOOKUP,
            bySystem(NOW));

    assertThat(byHand.refusalCodes()).containsExactly(RefusalCode.INVALID_REQUEST);
    assertThat(notTheRegulators.refusalCodes()).containsExactly(RefusalCode.INVALID_REQUEST);
    assertThat(theRegulators.isAccepted()).isTrue();
  }

  @Test
  void refusesARecordingThatChangesNothingTakesEffectLaterOrHasNoRegistration() {
    trust.activeEntitlement();

    assertThat(
            registrations
                .recordRegistration(
                    REFERRER,
                    RegistrationStatus.REGISTERED,
                    NOW,
                    RegistrationSource.MANUAL,
                    byDelegate(NOW))
                .refusalCodes())
        .containsExactly(RefusalCode.INVALID_REQUEST);
    assertThat(
            registrations
                .recordRegistration(
                    REFERRER,
                    RegistrationStatus.LAPSED,
                    NOW.plusSeconds(1),
                    RegistrationSource.MANUAL,
                    byDelegate(NOW))
                .refusalCodes())
        .containsExactly(RefusalCode.INVALID_REQUEST);
    assertThat(
            registrations
                .recordRegistration(
                    SONOGRAPHER,
                    RegistrationStatus.LAPSED,
                    NOW,
                    RegistrationSource.MANUAL,
                    byDelegate(NOW))
                .refusalCodes())
        .containsExactly(RefusalCode.NOT_A_REGISTERED_PROFESSIONAL);
    assertThat(
            registrations
                .recordRegistration(
                    PersonId.of("NOBODY"),
                    RegistrationStatus.LAPSED,
                    NOW,
                    RegistrationSource.MANUAL,
                    byDelegate(NOW))
                .refusalCodes())
        .containsExactly(RefusalCode.NOT_FOUND);
  }

  @Test
  void reinstatementReadsTheSameRecordAsTheEngines() {
    trust.activeEntitlement();
    accepted(trust.entitlements.suspend(ENTITLEMENT, byDelegate(NOW)));
    regulatorSays(trust, REFERRER, RegistrationStatus.LAPSED);
    try (EveryEngine engines = new EveryEngine(trust.register)) {

      accepted(trust.entitlements.reinstate(ENTITLEMENT, byDelegate(NOW)));
      assertThat(engines.decide(wristXray(REFERRER, NOW)).outcome()).isEqualTo(Outcome.ENTITLED);

      trust.sweep.sweep(NOW);

      assertThat(engines.decide(wristXray(REFERRER, NOW)).outcome())
          .isEqualTo(Outcome.NOT_ENTITLED);
      assertThat(trust.entitlements.reinstate(ENTITLEMENT, byDelegate(NOW)).refusalCodes())
          .containsExactly(RefusalCode.REGISTRATION_NOT_CURRENT);
    }
    assertThat(trust.entitlement(ENTITLEMENT).status()).isEqualTo(EntitlementStatus.SUSPENDED);
  }

  @Test
  void validationOfANewApplicationStillAsksTheRegulator() {
    regulatorSays(trust, REFERRER, RegistrationStatus.LAPSED);

    CommandResult<?> submitted =
        trust.applications.submit(
            SampleTrust.completeApplication().build(), SampleTrust.byReferrer(NOW));

    assertThat(submitted.refusalCodes()).containsExactly(RefusalCode.REGISTRATION_NOT_CURRENT);
    assertThat(submitted.refusals().get(0).message()).contains("LAPSED");
  }

  private CommandResult<Person> lapse(CommandContext context) {
    return registrations.recordRegistration(
        REFERRER, RegistrationStatus.LAPSED, NOW, RegistrationSource.MANUAL, context);
  }
}
