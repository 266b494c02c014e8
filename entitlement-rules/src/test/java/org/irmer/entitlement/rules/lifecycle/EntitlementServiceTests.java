package org.irmer.entitlement.rules.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.irmer.entitlement.rules.lifecycle.SampleTrust.DELEGATE;
import static org.irmer.entitlement.rules.lifecycle.SampleTrust.DELEGATE_ROLE;
import static org.irmer.entitlement.rules.lifecycle.SampleTrust.DELEGATION;
import static org.irmer.entitlement.rules.lifecycle.SampleTrust.ENTITLEMENT;
import static org.irmer.entitlement.rules.lifecycle.SampleTrust.NOW;
import static org.irmer.entitlement.rules.lifecycle.SampleTrust.REFERRER;
import static org.irmer.entitlement.rules.lifecycle.SampleTrust.SUPERVISOR;
import static org.irmer.entitlement.rules.lifecycle.SampleTrust.TODAY;
import static org.irmer.entitlement.rules.lifecycle.SampleTrust.TRUST;
import static org.irmer.entitlement.rules.lifecycle.SampleTrust.accepted;
import static org.irmer.entitlement.rules.lifecycle.SampleTrust.at;
import static org.irmer.entitlement.rules.lifecycle.SampleTrust.byDelegate;
import static org.irmer.entitlement.rules.lifecycle.SampleTrust.byReferrer;
import static org.irmer.entitlement.rules.lifecycle.SampleTrust.bySystem;

import java.time.Instant;
import java.time.LocalDate;
import org.irmer.entitlement.core.domain.CommandContext;
import org.irmer.entitlement.core.domain.Delegate;
import org.irmer.entitlement.core.domain.Delegation;
import org.irmer.entitlement.core.domain.DelegationId;
import org.irmer.entitlement.core.domain.EmployerId;
import org.irmer.entitlement.core.domain.Entitlement;
import org.irmer.entitlement.core.domain.EntitlementId;
import org.irmer.entitlement.core.domain.EntitlementStatus;
import org.irmer.entitlement.core.domain.GroupCriteria;
import org.irmer.entitlement.core.domain.RefusalCode;
import org.irmer.entitlement.core.domain.RegistrationStatus;
import org.irmer.entitlement.core.domain.Regulator;
import org.irmer.entitlement.core.domain.Role;
import org.irmer.entitlement.core.domain.Scope;
import org.irmer.entitlement.core.domain.TrainingType;
import org.irmer.entitlement.core.port.out.Notification;
import org.irmer.entitlement.core.port.out.NotificationKind;
import org.irmer.entitlement.core.service.EntitlementService;
import org.junit.jupiter.api.Test;

class EntitlementServiceTests {

  private static final GroupCriteria DOCTORS =
      GroupCriteria.builder().name("GMC-registered doctors").addRegulator(Regulator.GMC).build();

  private final SampleTrust trust = new SampleTrust();
  private final EntitlementService service = trust.entitlements;

  @Test
  void aCurrentDelegateGrantsAGroupEntitlement() {
    Entitlement group =
        accepted(service.grantGroup(TRUST, DOCTORS, SampleTrust.xrayLimbs(), byDelegate(NOW)));

    assertThat(group.id()).isEqualTo(EntitlementId.of("G-KV1-1"));
    assertThat(group.subject().group()).contains(DOCTORS);
    assertThat(group.role()).isEmpty();
    assertThat(group.status()).isEqualTo(EntitlementStatus.ACTIVE);
    assertThat(group.validFrom()).isEqualTo(TODAY);
    assertThat(group.validTo()).isEqualTo(LocalDate.of(2029, 3, 9));
    assertThat(group.grantedUnder()).isEqualTo(DELEGATION);
    assertThat(group.grantedBy()).isEqualTo(DELEGATE);
    assertThat(
            accepted(service.grantGroup(TRUST, DOCTORS, SampleTrust.xrayLimbs(), byDelegate(NOW)))
                .id())
        .isEqualTo(EntitlementId.of("G-KV1-2"));
  }

  @Test
  void refusesAGroupGrantByAnyoneButACurrentDelegateOfThatEmployer() {
    assertThat(
            service
                .grantGroup(TRUST, DOCTORS, SampleTrust.xrayLimbs(), byReferrer(NOW))
                .refusalCodes())
        .containsExactly(RefusalCode.NOT_A_CURRENT_DELEGATE);
    assertThat(
            service
                .grantGroup(
                    SampleTrust.OTHER_TRUST, DOCTORS, SampleTrust.xrayLimbs(), byDelegate(NOW))
                .refusalCodes())
        .containsExactly(RefusalCode.NOT_A_CURRENT_DELEGATE);
    assertThat(
            service
                .grantGroup(EmployerId.of("XX9"), DOCTORS, SampleTrust.xrayLimbs(), byDelegate(NOW))
                .refusalCodes())
        .containsExactlyInAnyOrder(RefusalCode.NOT_FOUND, RefusalCode.NOT_A_CURRENT_DELEGATE);
    assertThat(trust.register.entitlements().all()).isEmpty();
  }

  @Test
  void aDelegateSuspendsWithTheCauseAsReasonAndTheReferrerIsTold() {
    trust.activeEntitlement();

    Entitlement suspended =
        accepted(
            service.suspend(
                ENTITLEMENT, CommandContext.by(DELEGATE, NOW, "complaint under investigation")));

    assertThat(suspended.status()).isEqualTo(EntitlementStatus.SUSPENDED);
    assertThat(suspended.statusReason()).contains("complaint under investigation");
    assertThat(suspended.version()).isEqualTo(2);
    assertThat(trust.notificationsTo(REFERRER.value()))
        .last()
        .satisfies(
            notification -> {
              assertThat(notification.kind()).isEqualTo(NotificationKind.ENTITLEMENT_STATUS);
              assertThat(notification.message())
                  .contains("SUSPENDED", "complaint under investigation");
            });
  }

  @Test
  void theSystemMaySuspendAndTheDelegatesAreTold() {
    trust.activeEntitlement();

    accepted(service.suspend(ENTITLEMENT, bySystem(NOW)));

    assertThat(trust.notificationsTo(Notification.delegatesOf(TRUST)))
        .last()
        .satisfies(notification -> assertThat(notification.message()).contains("SUSPENDED"));
  }

  @Test
  void refusesSuspensionByAnyoneElseAndOfAnEntitlementAlreadySuspended() {
    trust.activeEntitlement();

    assertThat(service.suspend(ENTITLEMENT, byReferrer(NOW)).refusalCodes())
        .containsExactly(RefusalCode.NOT_A_CURRENT_DELEGATE);
    accepted(service.suspend(ENTITLEMENT, byDelegate(NOW)));
    assertThat(service.suspend(ENTITLEMENT, byDelegate(NOW)).refusalCodes())
        .containsExactly(RefusalCode.ILLEGAL_TRANSITION);
  }

  @Test
  void aDelegateReinstatesASuspendedEntitlement() {
    trust.activeEntitlement();
    accepted(service.suspend(ENTITLEMENT, byDelegate(NOW)));

    Entitlement reinstated =
        accepted(
            service.reinstate(
                ENTITLEMENT, CommandContext.by(DELEGATE, NOW, "investigation closed")));

    assertThat(reinstated.status()).isEqualTo(EntitlementStatus.ACTIVE);
    assertThat(reinstated.statusReason()).contains("investigation closed");
    assertThat(reinstated.version()).isEqualTo(3);
  }

  @Test
  void refusesReinstatementWhileTheRegistrationIsNotCurrent() {
    trust.activeEntitlement();
    accepted(service.suspend(ENTITLEMENT, byDelegate(NOW)));
    trust.setRegistration(REFERRER, RegistrationStatus.LAPSED);

    assertThat(service.reinstate(ENTITLEMENT, byDelegate(NOW)).refusalCodes())
        .containsExactly(RefusalCode.REGISTRATION_NOT_CURRENT);
    assertThat(trust.entitlement(ENTITLEMENT).status()).isEqualTo(EntitlementStatus.SUSPENDED);
  }

  @Test
  void refusesReinstatementOnceTheRoleItIsBoundToHasEnded() {
    trust.activeEntitlement();
    accepted(service.suspend(ENTITLEMENT, byDelegate(NOW)));
    Role edRole = trust.register.people().role(SampleTrust.ED_ROLE).orElseThrow();
    trust
        .register
        .people()
        .saveRole(Role.builder().from(edRole).validTo(TODAY).build(), edRole.version());

    assertThat(service.reinstate(ENTITLEMENT, byDelegate(at(TODAY.plusDays(1)))).refusalCodes())
        .containsExactly(RefusalCode.ROLE_NOT_VALID);
  }

  @Test
  void refusesReinstatementByTheSystemOrByADelegateOfTheirOwnEntitlement() {
    trust.activeEntitlement();
    accepted(service.suspend(ENTITLEMENT, byDelegate(NOW)));

    assertThat(service.reinstate(ENTITLEMENT, bySystem(NOW)).refusalCodes())
        .containsExactly(RefusalCode.NOT_A_CURRENT_DELEGATE);

    SampleTrust delegateApplies = new SampleTrust();
    delegateApplies.addTraining(
        DELEGATE, TrainingType.IRMER_REFERRER, TODAY.minusYears(1), TODAY.plusYears(2));
    accepted(
        delegateApplies.applications.submit(
            SampleTrust.completeApplication().applicant(DELEGATE).role(DELEGATE_ROLE).build(),
            byDelegate(NOW)));
    delegateApplies
        .register
        .delegations()
        .save(
            Delegation.builder()
                .id(DelegationId.of("DLG-SUP"))
                .employer(TRUST)
                .delegate(Delegate.person(SUPERVISOR))
                .delegatedBy("Chief Executive")
                .validFrom(TODAY)
                .build(),
            0);
    CommandContext bySecondDelegate = SampleTrust.by(SUPERVISOR, NOW);
    accepted(delegateApplies.applications.startReview(SampleTrust.APPLICATION, bySecondDelegate));
    accepted(delegateApplies.applications.approve(SampleTrust.APPLICATION, bySecondDelegate));
    accepted(delegateApplies.entitlements.suspend(ENTITLEMENT, bySecondDelegate));

    assertThat(delegateApplies.entitlements.reinstate(ENTITLEMENT, byDelegate(NOW)).refusalCodes())
        .containsExactly(RefusalCode.OWN_APPLICATION);
    assertThat(delegateApplies.entitlements.reinstate(ENTITLEMENT, bySecondDelegate).isAccepted())
        .isTrue();
  }

  @Test
  void aDelegateRevokesAndARevokedEntitlementStaysRevoked() {
    trust.activeEntitlement();

    assertThat(accepted(service.revoke(ENTITLEMENT, byDelegate(NOW))).status())
        .isEqualTo(EntitlementStatus.REVOKED);
    assertThat(service.reinstate(ENTITLEMENT, byDelegate(NOW)).refusalCodes())
        .containsExactly(RefusalCode.ILLEGAL_TRANSITION);
    assertThat(service.revoke(ENTITLEMENT, bySystem(NOW)).refusalCodes())
        .containsExactlyInAnyOrder(
            RefusalCode.NOT_A_CURRENT_DELEGATE, RefusalCode.ILLEGAL_TRANSITION);
  }

  @Test
  void refusesExpiryOnTheLastValidDayAndAcceptsItTheDayAfter() {
    Entitlement active = trust.activeEntitlement();
    Instant lastMinuteOfValidity =
        active.validTo().atTime(23, 59).atZone(SampleTrust.LONDON).toInstant();
    Instant dayAfter = at(active.validTo().plusDays(1));

    assertThat(service.expire(ENTITLEMENT, bySystem(lastMinuteOfValidity)).refusalCodes())
        .containsExactly(RefusalCode.INVALID_REQUEST);
    assertThat(service.expire(ENTITLEMENT, byReferrer(dayAfter)).refusalCodes())
        .containsExactly(RefusalCode.NOT_A_CURRENT_DELEGATE);
    assertThat(accepted(service.expire(ENTITLEMENT, bySystem(dayAfter))).status())
        .isEqualTo(EntitlementStatus.EXPIRED);
  }

  @Test
  void aScopeChangeSupersedesTheEntitlementWithTheNextScopeVersion() {
    Entitlement old = trust.activeEntitlement();
    accepted(service.suspend(ENTITLEMENT, CommandContext.by(DELEGATE, NOW, "audit pending")));
    Scope narrower = Scope.builder().from(SampleTrust.xrayLimbs()).version(9).build();
    Instant later = at(TODAY.plusDays(10));

    Entitlement successor =
        accepted(
            service.changeScope(
                ENTITLEMENT,
                narrower,
                CommandContext.by(DELEGATE, later, "lower limb only from now")));

    assertThat(successor.id()).isEqualTo(EntitlementId.of("E-APP-1-v2"));
    assertThat(successor.scope().version()).isEqualTo(2);
    assertThat(successor.scope().rules()).isEqualTo(narrower.rules());
    assertThat(successor.supersedes()).contains(ENTITLEMENT);
    assertThat(successor.status()).isEqualTo(EntitlementStatus.SUSPENDED);
    assertThat(successor.statusReason()).contains("audit pending");
    assertThat(successor.validFrom()).isEqualTo(old.validFrom());
    assertThat(successor.validTo()).isEqualTo(old.validTo());
    assertThat(successor.reviewDue()).isEqualTo(old.reviewDue());
    assertThat(successor.role()).isEqualTo(old.role());
    assertThat(successor.version()).isEqualTo(1);
    assertThat(successor.recordedAt()).isEqualTo(later);
    assertThat(trust.entitlement(ENTITLEMENT).status()).isEqualTo(EntitlementStatus.SUPERSEDED);
    assertThat(trust.entitlement(ENTITLEMENT).statusReason())
        .hasValueSatisfying(reason -> assertThat(reason).contains("E-APP-1-v2"));
    Entitlement third = accepted(service.changeScope(successor.id(), narrower, byDelegate(later)));
    assertThat(third.id()).isEqualTo(EntitlementId.of("E-APP-1-v3"));
    assertThat(third.scope().version()).isEqualTo(3);
  }

  @Test
  void refusesAScopeChangeOfAFinalEntitlementOrByAnyoneButADelegate() {
    trust.activeEntitlement();

    assertThat(
            service.changeScope(ENTITLEMENT, SampleTrust.xrayLimbs(), bySystem(NOW)).refusalCodes())
        .containsExactly(RefusalCode.NOT_A_CURRENT_DELEGATE);
    accepted(service.revoke(ENTITLEMENT, byDelegate(NOW)));
    assertThat(
            service
                .changeScope(ENTITLEMENT, SampleTrust.xrayLimbs(), byDelegate(NOW))
                .refusalCodes())
        .containsExactly(RefusalCode.ILLEGAL_TRANSITION);
    assertThat(trust.register.entitlements().find(EntitlementId.of("E-APP-1-v2"))).isEmpty();
  }

  @Test
  void refusesEveryCommandOnAnUnknownEntitlement() {
    EntitlementId unknown = EntitlementId.of("E-404");

    assertThat(service.suspend(unknown, byDelegate(NOW)).refusalCodes())
        .containsExactly(RefusalCode.NOT_FOUND);
    assertThat(service.reinstate(unknown, byDelegate(NOW)).refusalCodes())
        .containsExactly(RefusalCode.NOT_FOUND);
    assertThat(service.revoke(unknown, byDelegate(NOW)).refusalCodes())
        .containsExactly(RefusalCode.NOT_FOUND);
    assertThat(service.expire(unknown, byDelegate(NOW)).refusalCodes())
        .containsExactly(RefusalCode.NOT_FOUND);
    assertThat(
            service.changeScope(unknown, SampleTrust.xrayLimbs(), byDelegate(NOW)).refusalCodes())
        .containsExactly(RefusalCode.NOT_FOUND);
  }
}
