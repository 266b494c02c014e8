package org.irmer.entitlement.rules.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.irmer.entitlement.rules.lifecycle.SampleTrust.APPLICATION;
import static org.irmer.entitlement.rules.lifecycle.SampleTrust.CLINICAL_LEAD;
import static org.irmer.entitlement.rules.lifecycle.SampleTrust.DELEGATE;
import static org.irmer.entitlement.rules.lifecycle.SampleTrust.DELEGATE_ROLE;
import static org.irmer.entitlement.rules.lifecycle.SampleTrust.DELEGATION;
import static org.irmer.entitlement.rules.lifecycle.SampleTrust.ED_ROLE;
import static org.irmer.entitlement.rules.lifecycle.SampleTrust.ENTITLEMENT;
import static org.irmer.entitlement.rules.lifecycle.SampleTrust.MANAGER;
import static org.irmer.entitlement.rules.lifecycle.SampleTrust.NOW;
import static org.irmer.entitlement.rules.lifecycle.SampleTrust.OTHER_TRUST;
import static org.irmer.entitlement.rules.lifecycle.SampleTrust.REFERRER;
import static org.irmer.entitlement.rules.lifecycle.SampleTrust.REFERRER_REGISTERED;
import static org.irmer.entitlement.rules.lifecycle.SampleTrust.SONOGRAPHER;
import static org.irmer.entitlement.rules.lifecycle.SampleTrust.SONOGRAPHER_ROLE;
import static org.irmer.entitlement.rules.lifecycle.SampleTrust.SUPERVISOR;
import static org.irmer.entitlement.rules.lifecycle.SampleTrust.TODAY;
import static org.irmer.entitlement.rules.lifecycle.SampleTrust.TRUST;
import static org.irmer.entitlement.rules.lifecycle.SampleTrust.accepted;
import static org.irmer.entitlement.rules.lifecycle.SampleTrust.at;
import static org.irmer.entitlement.rules.lifecycle.SampleTrust.byDelegate;
import static org.irmer.entitlement.rules.lifecycle.SampleTrust.byReferrer;
import static org.irmer.entitlement.rules.lifecycle.SampleTrust.bySystem;
import static org.irmer.entitlement.rules.lifecycle.SampleTrust.completeApplication;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Optional;
import org.irmer.entitlement.core.domain.Application;
import org.irmer.entitlement.core.domain.ApplicationId;
import org.irmer.entitlement.core.domain.ApplicationStatus;
import org.irmer.entitlement.core.domain.CommandContext;
import org.irmer.entitlement.core.domain.CommandResult;
import org.irmer.entitlement.core.domain.Delegate;
import org.irmer.entitlement.core.domain.Delegation;
import org.irmer.entitlement.core.domain.DelegationId;
import org.irmer.entitlement.core.domain.Employer;
import org.irmer.entitlement.core.domain.EmployerId;
import org.irmer.entitlement.core.domain.Entitlement;
import org.irmer.entitlement.core.domain.EntitlementStatus;
import org.irmer.entitlement.core.domain.EntitlementType;
import org.irmer.entitlement.core.domain.Person;
import org.irmer.entitlement.core.domain.PersonId;
import org.irmer.entitlement.core.domain.ProfessionalRegistration;
import org.irmer.entitlement.core.domain.RefusalCode;
import org.irmer.entitlement.core.domain.RegistrationStatus;
import org.irmer.entitlement.core.domain.Role;
import org.irmer.entitlement.core.domain.RoleId;
import org.irmer.entitlement.core.domain.TrainingType;
import org.irmer.entitlement.core.port.out.Notification;
import org.irmer.entitlement.core.port.out.NotificationKind;
import org.junit.jupiter.api.Test;

class ApplicationServiceTests {

  private final SampleTrust trust = new SampleTrust();

  @Test
  void storesACompleteApplicationAsSubmittedAndTellsTheDelegates() {
    Application submitted =
        accepted(trust.applications.submit(completeApplication().build(), byReferrer(NOW)));

    assertThat(submitted.status()).isEqualTo(ApplicationStatus.SUBMITTED);
    assertThat(submitted.version()).isEqualTo(1);
    assertThat(submitted.recordedAt()).isEqualTo(NOW);
    assertThat(trust.application(APPLICATION)).isEqualTo(submitted);
    assertThat(trust.notificationsTo(Notification.delegatesOf(TRUST)))
        .extracting(Notification::kind, Notification::subject)
        .containsExactly(tuple(NotificationKind.APPLICATION, "APP-1"));
  }

  @Test
  void refusesSubmissionWithOneReasonPerMissingItem() {
    Application bare =
        Application.builder()
            .id(APPLICATION)
            .applicant(REFERRER)
            .role(ED_ROLE)
            .employer(TRUST)
            .recordedAt(NOW)
            .serviceNeed("  ")
            .build();

    CommandResult<Application> result = trust.applications.submit(bare, byReferrer(NOW));

    assertThat(result.refusalCodes())
        .containsExactlyInAnyOrder(
            RefusalCode.MISSING_SERVICE_NEED, RefusalCode.MISSING_PROPOSED_SCOPE,
            RefusalCode.MISSING_SUPERVISOR, RefusalCode.MISSING_CLINICAL_LEAD,
            RefusalCode.MISSING_ACCOUNTABLE_MANAGER, RefusalCode.MISSING_EVIDENCE);
    assertThat(result.refusals()).hasSize(6);
    assertThat(trust.register.applications().find(APPLICATION)).isEmpty();
  }

  @Test
  void refusesASonographerWithNoStatutoryRegistrationAtValidation() {
    CommandResult<Application> result =
        trust.applications.submit(
            completeApplication().applicant(SONOGRAPHER).role(SONOGRAPHER_ROLE).build(),
            CommandContext.by(SONOGRAPHER, NOW, "applying"));

    assertThat(result.refusalCodes()).containsExactly(RefusalCode.NOT_A_REGISTERED_PROFESSIONAL);
  }

  @Test
  void refusesAnApplicantTheRegulatorsRegisterDoesNotKnow() {
    PersonId unknownToRegulator = PersonId.of("PHY-9");
    trust
        .register
        .people()
        .save(
            Person.builder()
                .from(trust.register.people().find(REFERRER).orElseThrow())
                .id(unknownToRegulator)
                .registration(
                    ProfessionalRegistration.builder()
                        .from(
                            trust
                                .register
                                .people()
                                .find(REFERRER)
                                .orElseThrow()
                                .registration()
                                .orElseThrow())
                        .number("PH999999")
                        .build())
                .version(0)
                .build(),
            0);
    trust.addRole(
        RoleId.of("ROLE-9"),
        unknownToRegulator,
        TRUST,
        "Physiotherapist",
        LocalDate.of(2020, 1, 1));

    CommandResult<Application> result =
        trust.applications.submit(
            completeApplication().applicant(unknownToRegulator).role(RoleId.of("ROLE-9")).build(),
            byReferrer(NOW));

    assertThat(result.refusalCodes()).containsExactly(RefusalCode.NOT_A_REGISTERED_PROFESSIONAL);
  }

  @Test
  void refusesAnApplicantWhoseRegistrationIsNotCurrent() {
    trust.setRegistration(REFERRER, RegistrationStatus.SUSPENDED);

    CommandResult<Application> result =
        trust.applications.submit(completeApplication().build(), byReferrer(NOW));

    assertThat(result.refusalCodes()).containsExactly(RefusalCode.REGISTRATION_NOT_CURRENT);
    assertThat(result.refusals().get(0).message()).contains("SUSPENDED");
  }

  @Test
  void acceptsExactlyTheMinimumPostRegistrationExperienceAndRefusesOneDayLess() {
    SampleTrust strict =
        new SampleTrust(
            procedures ->
                procedures.minimumPostRegistrationExperience(
                    Period.between(REFERRER_REGISTERED, TODAY)));
    SampleTrust stricter =
        new SampleTrust(
            procedures ->
                procedures.minimumPostRegistrationExperience(
                    Period.between(REFERRER_REGISTERED, TODAY.plusDays(1))));

    assertThat(
            strict.applications.submit(completeApplication().build(), byReferrer(NOW)).isAccepted())
        .isTrue();
    assertThat(
            stricter
                .applications
                .submit(completeApplication().build(), byReferrer(NOW))
                .refusalCodes())
        .containsExactly(RefusalCode.INSUFFICIENT_EXPERIENCE);
  }

  @Test
  void refusesARoleThatIsNotTheApplicantsCurrentRoleAtTheEmployer() {
    trust.addRole(
        RoleId.of("ROLE-OLD"), REFERRER, TRUST, "Band 6 physiotherapist", LocalDate.of(2018, 1, 1));
    trust
        .register
        .people()
        .saveRole(
            Role.builder()
                .from(trust.register.people().role(RoleId.of("ROLE-OLD")).orElseThrow())
                .validTo(TODAY.minusDays(1))
                .build(),
            1);
    trust.addRole(
        RoleId.of("ROLE-BR2"), REFERRER, OTHER_TRUST, "Physiotherapist", LocalDate.of(2020, 1, 1));

    assertThat(submitWithRole(RoleId.of("ROLE-NONE")).refusalCodes())
        .containsExactly(RefusalCode.ROLE_NOT_VALID);
    assertThat(submitWithRole(DELEGATE_ROLE).refusals())
        .singleElement()
        .satisfies(refusal -> assertThat(refusal.message()).contains("held by"));
    assertThat(submitWithRole(RoleId.of("ROLE-BR2")).refusals())
        .singleElement()
        .satisfies(refusal -> assertThat(refusal.message()).contains("BR2"));
    assertThat(submitWithRole(RoleId.of("ROLE-OLD")).refusals())
        .singleElement()
        .satisfies(refusal -> assertThat(refusal.message()).contains("not held"));
  }

  @Test
  void refusesAnUnknownApplicantOrEmployerAndAnEmployerWithoutProcedures() {
    assertThat(
            trust
                .applications
                .submit(
                    completeApplication().applicant(PersonId.of("NOBODY")).build(), byReferrer(NOW))
                .refusalCodes())
        .containsExactlyInAnyOrder(RefusalCode.NOT_FOUND, RefusalCode.ROLE_NOT_VALID);
    assertThat(
            trust
                .applications
                .submit(
                    completeApplication().employer(EmployerId.of("XX9")).build(), byReferrer(NOW))
                .refusalCodes())
        .containsExactlyInAnyOrder(RefusalCode.NOT_FOUND, RefusalCode.ROLE_NOT_VALID);

    trust
        .register
        .employers()
        .save(
            Employer.builder()
                .from(trust.register.employers().find(TRUST).orElseThrow())
                .proceduresVersion(7)
                .build(),
            1);
    assertThat(
            trust
                .applications
                .submit(completeApplication().build(), byReferrer(NOW))
                .refusalCodes())
        .containsExactly(RefusalCode.NO_PROCEDURES);
  }

  @Test
  void reportsEveryReasonAtOnce() {
    trust.setRegistration(REFERRER, RegistrationStatus.LAPSED);

    CommandResult<Application> result =
        trust.applications.submit(
            completeApplication().supervisor(Optional.empty()).role(DELEGATE_ROLE).build(),
            byReferrer(NOW));

    assertThat(result.refusalCodes())
        .containsExactlyInAnyOrder(
            RefusalCode.MISSING_SUPERVISOR,
            RefusalCode.REGISTRATION_NOT_CURRENT,
            RefusalCode.ROLE_NOT_VALID);
  }

  @Test
  void refusesAnApplicationWhoseIdIsTakenOrThatAlreadyCarriesADecision() {
    accepted(trust.applications.submit(completeApplication().build(), byReferrer(NOW)));

    assertThat(
            trust
                .applications
                .submit(completeApplication().build(), byReferrer(NOW))
                .refusalCodes())
        .containsExactly(RefusalCode.INVALID_REQUEST);
    assertThat(
            trust
                .applications
                .submit(
                    completeApplication()
                        .id(ApplicationId.of("APP-2"))
                        .status(ApplicationStatus.APPROVED)
                        .build(),
                    byReferrer(NOW))
                .refusalCodes())
        .containsExactly(RefusalCode.INVALID_REQUEST);
  }

  @Test
  void aCurrentDelegateStartsTheReviewAndTheApplicantIsTold() {
    accepted(trust.applications.submit(completeApplication().build(), byReferrer(NOW)));

    Application underReview =
        accepted(trust.applications.startReview(APPLICATION, byDelegate(NOW)));

    assertThat(underReview.status()).isEqualTo(ApplicationStatus.UNDER_REVIEW);
    assertThat(underReview.version()).isEqualTo(2);
    assertThat(trust.notificationsTo(REFERRER.value()))
        .singleElement()
        .satisfies(notification -> assertThat(notification.message()).contains("under review"));
  }

  @Test
  void refusesReviewByAnyoneWhoIsNotACurrentDelegate() {
    accepted(trust.applications.submit(completeApplication().build(), byReferrer(NOW)));
    trust
        .register
        .delegations()
        .save(
            Delegation.builder()
                .id(DelegationId.of("DLG-OLD"))
                .employer(TRUST)
                .delegate(Delegate.person(SUPERVISOR))
                .delegatedBy("Chief Executive")
                .validFrom(LocalDate.of(2020, 1, 1))
                .validTo(TODAY.minusDays(1))
                .build(),
            0);
    trust
        .register
        .delegations()
        .save(
            Delegation.builder()
                .id(DelegationId.of("DLG-BR2"))
                .employer(OTHER_TRUST)
                .delegate(Delegate.person(CLINICAL_LEAD))
                .delegatedBy("Chief Executive")
                .validFrom(LocalDate.of(2020, 1, 1))
                .build(),
            0);

    for (CommandContext context :
        List.of(
            SampleTrust.by(SUPERVISOR, NOW),
            SampleTrust.by(CLINICAL_LEAD, NOW),
            SampleTrust.by(MANAGER, NOW),
            bySystem(NOW))) {
      assertThat(trust.applications.startReview(APPLICATION, context).refusalCodes())
          .as("%s", context.actor())
          .containsExactly(RefusalCode.NOT_A_CURRENT_DELEGATE);
    }
    assertThat(trust.application(APPLICATION).status()).isEqualTo(ApplicationStatus.SUBMITTED);
  }

  @Test
  void aDelegationEndsWithItsLastDayInTheEmployersZone() {
    accepted(trust.applications.submit(completeApplication().build(), byReferrer(NOW)));
    trust
        .register
        .delegations()
        .save(
            Delegation.builder()
                .from(trust.register.delegations().find(DELEGATION).orElseThrow())
                .validTo(LocalDate.of(2026, 7, 1))
                .build(),
            1);
    Instant lastMinuteInLondon = Instant.parse("2026-07-01T22:59:00Z");
    Instant firstMinuteAfter = Instant.parse("2026-07-01T23:00:00Z");

    assertThat(
            trust
                .applications
                .startReview(APPLICATION, byDelegate(firstMinuteAfter))
                .refusalCodes())
        .containsExactly(RefusalCode.NOT_A_CURRENT_DELEGATE);
    assertThat(
            trust
                .applications
                .startReview(APPLICATION, byDelegate(lastMinuteInLondon))
                .isAccepted())
        .isTrue();
  }

  @Test
  void refusesADelegateDecidingTheirOwnApplication() {
    accepted(
        trust.applications.submit(
            completeApplication().applicant(DELEGATE).role(DELEGATE_ROLE).build(),
            byDelegate(NOW)));

    assertThat(trust.applications.startReview(APPLICATION, byDelegate(NOW)).refusalCodes())
        .containsExactly(RefusalCode.OWN_APPLICATION);
  }

  @Test
  void aDelegateRequestsInformationAndTheApplicantRevisesTheApplication() {
    trust.applicationUnderReview();

    Application asked =
        accepted(
            trust.applications.requestInformation(
                APPLICATION,
                CommandContext.by(DELEGATE, NOW, "Please attach the competency sign-off")));
    Application revised =
        accepted(
            trust.applications.provideInformation(
                completeApplication()
                    .serviceNeed("Direct X-ray requesting for the MSK and ED pathways")
                    .build(),
                byReferrer(NOW.plusSeconds(3600))));

    assertThat(asked.status()).isEqualTo(ApplicationStatus.INFO_REQUESTED);
    assertThat(asked.note()).contains("Please attach the competency sign-off");
    assertThat(asked.decidedBy()).contains(DELEGATE);
    assertThat(revised.status()).isEqualTo(ApplicationStatus.UNDER_REVIEW);
    assertThat(revised.serviceNeed())
        .contains("Direct X-ray requesting for the MSK and ED pathways");
    assertThat(revised.note()).isEqualTo(asked.note());
    assertThat(revised.recordedAt()).isEqualTo(NOW.plusSeconds(3600));
    assertThat(trust.notificationsTo(REFERRER.value()))
        .extracting(Notification::message)
        .anySatisfy(message -> assertThat(message).contains("competency sign-off"));
  }

  @Test
  void refusesARevisionExceptByTheApplicantAnsweringAnInformationRequest() {
    trust.applicationUnderReview();

    assertThat(
            trust
                .applications
                .provideInformation(completeApplication().build(), byReferrer(NOW))
                .refusalCodes())
        .containsExactly(RefusalCode.ILLEGAL_TRANSITION);

    accepted(trust.applications.requestInformation(APPLICATION, byDelegate(NOW)));
    assertThat(
            trust
                .applications
                .provideInformation(completeApplication().build(), byDelegate(NOW))
                .refusalCodes())
        .containsExactly(RefusalCode.NOT_THE_APPLICANT);
    assertThat(
            trust
                .applications
                .provideInformation(
                    completeApplication().applicant(SUPERVISOR).build(), byReferrer(NOW))
                .refusalCodes())
        .contains(RefusalCode.INVALID_REQUEST);
    assertThat(
            trust
                .applications
                .provideInformation(
                    completeApplication().evidence(List.of()).build(), byReferrer(NOW))
                .refusalCodes())
        .containsExactly(RefusalCode.MISSING_EVIDENCE);
    assertThat(
            trust
                .applications
                .provideInformation(
                    completeApplication().id(ApplicationId.of("APP-404")).build(), byReferrer(NOW))
                .refusalCodes())
        .containsExactly(RefusalCode.NOT_FOUND);
    assertThat(trust.application(APPLICATION).status()).isEqualTo(ApplicationStatus.INFO_REQUESTED);
  }

  @Test
  void approvalGrantsAnActiveEntitlementWhenTheRequiredTrainingIsCurrent() {
    trust.addTraining(
        REFERRER, TrainingType.IRMER_REFERRER, TODAY.minusYears(1), TODAY.plusYears(2));
    trust.applicationUnderReview();

    Entitlement granted =
        accepted(
            trust.applications.approve(
                APPLICATION, CommandContext.by(DELEGATE, NOW, "meets the procedures")));

    assertThat(granted.id()).isEqualTo(ENTITLEMENT);
    assertThat(granted.version()).isEqualTo(1);
    assertThat(granted.type()).isEqualTo(EntitlementType.REFERRER);
    assertThat(granted.subject().person()).contains(REFERRER);
    assertThat(granted.role()).contains(ED_ROLE);
    assertThat(granted.employer()).isEqualTo(TRUST);
    assertThat(granted.scope()).isEqualTo(SampleTrust.xrayLimbs());
    assertThat(granted.status()).isEqualTo(EntitlementStatus.ACTIVE);
    assertThat(granted.validFrom()).isEqualTo(TODAY);
    assertThat(granted.validTo()).isEqualTo(LocalDate.of(2029, 3, 9));
    assertThat(granted.reviewDue()).contains(LocalDate.of(2027, 3, 10));
    assertThat(granted.grantedUnder()).isEqualTo(DELEGATION);
    assertThat(granted.grantedBy()).isEqualTo(DELEGATE);
    assertThat(granted.proceduresVersion()).isEqualTo(1);
    assertThat(granted.supervisor()).contains(SUPERVISOR);
    assertThat(granted.clinicalLead()).contains(CLINICAL_LEAD);
    assertThat(granted.accountableManager()).contains(MANAGER);
    assertThat(granted.application()).contains(APPLICATION);
    assertThat(granted.recordedAt()).isEqualTo(NOW);
    Application approved = trust.application(APPLICATION);
    assertThat(approved.status()).isEqualTo(ApplicationStatus.APPROVED);
    assertThat(approved.entitlement()).contains(ENTITLEMENT);
    assertThat(approved.decidedBy()).contains(DELEGATE);
    assertThat(approved.note()).contains("meets the procedures");
    assertThat(trust.notificationsTo(REFERRER.value()))
        .last()
        .satisfies(
            notification ->
                assertThat(notification.message()).contains("approved", "E-APP-1", "ACTIVE"));
  }

  @Test
  void approvalGrantsAPendingEntitlementUntilEveryRequiredTrainingIsEvidenced() {
    trust.addTraining(
        REFERRER, TrainingType.IRMER_REFERRER, TODAY.minusYears(3), TODAY.minusDays(1));
    accepted(
        trust.applications.submit(
            completeApplication().proposedScope(SampleTrust.xrayLimbsAndMriKnee()).build(),
            byReferrer(NOW)));
    accepted(trust.applications.startReview(APPLICATION, byDelegate(NOW)));

    Entitlement granted = accepted(trust.applications.approve(APPLICATION, byDelegate(NOW)));

    assertThat(granted.status()).isEqualTo(EntitlementStatus.PENDING_PREREQUISITES);
    assertThat(granted.statusReason())
        .hasValueSatisfying(reason -> assertThat(reason).contains("IRMER_REFERRER", "MRI_SAFETY"));
  }

  @Test
  void takesTheValidityFromTheCommandsDateInTheEmployersZone() {
    trust.addTraining(
        REFERRER, TrainingType.IRMER_REFERRER, TODAY.minusYears(1), TODAY.plusYears(3));
    trust.applicationUnderReview();
    Instant lateEveningUtcIsTomorrowInLondon = Instant.parse("2026-06-30T23:30:00Z");

    Entitlement granted =
        accepted(
            trust.applications.approve(APPLICATION, byDelegate(lateEveningUtcIsTomorrowInLondon)));

    assertThat(granted.validFrom()).isEqualTo(LocalDate.of(2026, 7, 1));
    assertThat(granted.validTo()).isEqualTo(LocalDate.of(2029, 6, 30));
  }

  @Test
  void refusesApprovalByAnyoneWhoIsNotACurrentDelegate() {
    trust.applicationUnderReview();
    RegisterSnapshot before = trust.snapshot();

    assertThat(
            trust.applications.approve(APPLICATION, SampleTrust.by(SUPERVISOR, NOW)).refusalCodes())
        .containsExactly(RefusalCode.NOT_A_CURRENT_DELEGATE);
    assertThat(trust.applications.approve(APPLICATION, byReferrer(NOW)).refusalCodes())
        .containsExactlyInAnyOrder(RefusalCode.NOT_A_CURRENT_DELEGATE, RefusalCode.OWN_APPLICATION);
    assertThat(trust.snapshot()).isEqualTo(before);
  }

  @Test
  void refusesApprovalExceptFromUnderReview() {
    accepted(trust.applications.submit(completeApplication().build(), byReferrer(NOW)));

    assertThat(trust.applications.approve(APPLICATION, byDelegate(NOW)).refusalCodes())
        .containsExactly(RefusalCode.ILLEGAL_TRANSITION);
    assertThat(trust.register.entitlements().find(ENTITLEMENT)).isEmpty();
  }

  @Test
  void refusesApprovalWhenTheRegistrationLapsedSinceSubmission() {
    trust.applicationUnderReview();
    trust.setRegistration(REFERRER, RegistrationStatus.LAPSED);

    assertThat(trust.applications.approve(APPLICATION, byDelegate(NOW)).refusalCodes())
        .containsExactly(RefusalCode.REGISTRATION_NOT_CURRENT);
    assertThat(trust.application(APPLICATION).status()).isEqualTo(ApplicationStatus.UNDER_REVIEW);
  }

  @Test
  void aDelegateRefusesAnApplicationUnderReviewWithAReasonForTheApplicant() {
    trust.applicationUnderReview();

    Application refused =
        accepted(
            trust.applications.refuse(
                APPLICATION,
                CommandContext.by(
                    DELEGATE, NOW, "No service need for a second referrer in the clinic")));

    assertThat(refused.status()).isEqualTo(ApplicationStatus.REFUSED);
    assertThat(refused.note()).contains("No service need for a second referrer in the clinic");
    assertThat(trust.notificationsTo(REFERRER.value()))
        .last()
        .satisfies(notification -> assertThat(notification.message()).contains("refused"));
  }

  @Test
  void refusesToRefuseASubmittedApplicationOrADecidedOne() {
    accepted(trust.applications.submit(completeApplication().build(), byReferrer(NOW)));
    assertThat(trust.applications.refuse(APPLICATION, byDelegate(NOW)).refusalCodes())
        .containsExactly(RefusalCode.ILLEGAL_TRANSITION);

    accepted(trust.applications.withdraw(APPLICATION, byReferrer(NOW)));
    assertThat(trust.applications.startReview(APPLICATION, byDelegate(NOW)).refusalCodes())
        .containsExactly(RefusalCode.ILLEGAL_TRANSITION);
  }

  @Test
  void theApplicantWithdrawsBeforeADecisionAndTheDelegatesAreTold() {
    trust.applicationUnderReview();

    Application withdrawn = accepted(trust.applications.withdraw(APPLICATION, byReferrer(NOW)));

    assertThat(withdrawn.status()).isEqualTo(ApplicationStatus.WITHDRAWN);
    assertThat(trust.notificationsTo(Notification.delegatesOf(TRUST)))
        .last()
        .satisfies(notification -> assertThat(notification.message()).contains("withdrawn"));
  }

  @Test
  void refusesWithdrawalByAnyoneButTheApplicantOrAfterTheDecision() {
    trust.activeEntitlement();

    assertThat(trust.applications.withdraw(APPLICATION, byDelegate(NOW)).refusalCodes())
        .containsExactlyInAnyOrder(RefusalCode.NOT_THE_APPLICANT, RefusalCode.ILLEGAL_TRANSITION);
    assertThat(trust.applications.withdraw(APPLICATION, byReferrer(NOW)).refusalCodes())
        .containsExactly(RefusalCode.ILLEGAL_TRANSITION);
  }

  @Test
  void refusesEveryCommandOnAnUnknownApplication() {
    ApplicationId unknown = ApplicationId.of("APP-404");

    assertThat(trust.applications.startReview(unknown, byDelegate(NOW)).refusalCodes())
        .containsExactly(RefusalCode.NOT_FOUND);
    assertThat(trust.applications.requestInformation(unknown, byDelegate(NOW)).refusalCodes())
        .containsExactly(RefusalCode.NOT_FOUND);
    assertThat(trust.applications.approve(unknown, byDelegate(NOW)).refusalCodes())
        .containsExactly(RefusalCode.NOT_FOUND);
    assertThat(trust.applications.refuse(unknown, byDelegate(NOW)).refusalCodes())
        .containsExactly(RefusalCode.NOT_FOUND);
    assertThat(trust.applications.withdraw(unknown, byReferrer(NOW)).refusalCodes())
        .containsExactly(RefusalCode.NOT_FOUND);
  }

  @Test
  void aReferrerEntitlementNeverGrantsClinicalEvaluationWhichNeedsItsOwnApplication() {
    Entitlement referrer = trust.activeEntitlement();
    ApplicationId evaluation = ApplicationId.of("APP-CE");
    accepted(
        trust.applications.submit(
            completeApplication().id(evaluation).type(EntitlementType.CLINICAL_EVALUATION).build(),
            byReferrer(at(TODAY.plusDays(1)))));
    accepted(trust.applications.startReview(evaluation, byDelegate(at(TODAY.plusDays(1)))));

    Entitlement granted =
        accepted(trust.applications.approve(evaluation, byDelegate(at(TODAY.plusDays(1)))));

    assertThat(referrer.type()).isEqualTo(EntitlementType.REFERRER);
    assertThat(granted.type()).isEqualTo(EntitlementType.CLINICAL_EVALUATION);
    assertThat(granted.id()).isNotEqualTo(referrer.id());
    assertThat(trust.register.entitlements().history(referrer.id())).containsExactly(referrer);
  }

  private CommandResult<Application> submitWithRole(RoleId role) {
    return trust.applications.submit(completeApplication().role(role).build(), byReferrer(NOW));
  }
}
