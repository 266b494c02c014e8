package org.irmer.entitlement.rules.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.irmer.entitlement.rules.lifecycle.SampleTrust.ED_ROLE;
import static org.irmer.entitlement.rules.lifecycle.SampleTrust.ENTITLEMENT;
import static org.irmer.entitlement.rules.lifecycle.SampleTrust.NOW;
import static org.irmer.entitlement.rules.lifecycle.SampleTrust.OTHER_TRUST;
import static org.irmer.entitlement.rules.lifecycle.SampleTrust.REFERRER;
import static org.irmer.entitlement.rules.lifecycle.SampleTrust.SUPERVISOR;
import static org.irmer.entitlement.rules.lifecycle.SampleTrust.TODAY;
import static org.irmer.entitlement.rules.lifecycle.SampleTrust.TRUST;
import static org.irmer.entitlement.rules.lifecycle.SampleTrust.accepted;
import static org.irmer.entitlement.rules.lifecycle.SampleTrust.at;
import static org.irmer.entitlement.rules.lifecycle.SampleTrust.byDelegate;
import static org.irmer.entitlement.rules.lifecycle.SampleTrust.byReferrer;

import com.google.common.collect.ImmutableList;
import java.time.Instant;
import java.time.LocalDate;
import org.irmer.entitlement.core.domain.Actor;
import org.irmer.entitlement.core.domain.ApplicationId;
import org.irmer.entitlement.core.domain.AuditEvent;
import org.irmer.entitlement.core.domain.CommandResult;
import org.irmer.entitlement.core.domain.EmployerId;
import org.irmer.entitlement.core.domain.Entitlement;
import org.irmer.entitlement.core.domain.EntitlementStatus;
import org.irmer.entitlement.core.domain.LevelOfPractice;
import org.irmer.entitlement.core.domain.RefusalCode;
import org.irmer.entitlement.core.domain.Role;
import org.irmer.entitlement.core.domain.RoleId;
import org.irmer.entitlement.core.port.out.Notification;
import org.junit.jupiter.api.Test;

/** Principle 5: the referrer's change notifications, scenario S7 and leaving. */
class ChangeNotificationTests {

  private static final RoleId MSK_ROLE = RoleId.of("ROLE-MSK");
  private static final LocalDate MSK_FROM = TODAY.plusDays(14);

  /** On the first day of the new role: notified after the old role's last day, so at once. */
  private static final Instant MOVED = at(MSK_FROM);

  private final SampleTrust trust = new SampleTrust();

  @Test
  void aMoveFromTheEdToAnMskRoleSuspendsTheEdEntitlementPendingReview() {
    trust.activeEntitlement();
    long mark = trust.auditSize();

    ImmutableList<Entitlement> suspended =
        accepted(
            trust.entitlements.notifyRoleChange(ED_ROLE, mskRole(MSK_FROM), byReferrer(MOVED)));

    assertThat(suspended)
        .singleElement()
        .satisfies(
            entitlement -> {
              assertThat(entitlement.id()).isEqualTo(ENTITLEMENT);
              assertThat(entitlement.status()).isEqualTo(EntitlementStatus.SUSPENDED);
              assertThat(entitlement.statusReason())
                  .hasValueSatisfying(
                      reason -> assertThat(reason).startsWith("role change pending review"));
            });
    assertThat(trust.register.people().role(ED_ROLE).orElseThrow().validTo())
        .contains(MSK_FROM.minusDays(1));
    assertThat(trust.register.people().role(MSK_ROLE)).isPresent();
    ImmutableList<AuditEvent> audit = trust.auditEventsSince(mark);
    assertThat(audit)
        .extracting(AuditEvent::action)
        .containsExactly("suspend-entitlement", "notify-role-change");
    assertThat(audit.get(0).actor()).isEqualTo(Actor.system("role-change"));
    assertThat(audit.get(0).subject()).isEqualTo(ENTITLEMENT.value());
    assertThat(audit.get(0).stateBefore()).contains("ACTIVE v1");
    assertThat(audit.get(0).stateAfter()).contains("SUSPENDED v2");
    assertThat(audit.get(0).causes()).last().asString().contains("notify-role-change by PHY-1");
    assertThat(trust.notificationsTo(Notification.delegatesOf(TRUST)))
        .anySatisfy(
            notification ->
                assertThat(notification.message())
                    .contains("E-APP-1", "role change pending review"));
  }

  @Test
  void theSuspendedEdEntitlementCannotBeReinstatedOnceTheEdRoleHasEnded() {
    trust.activeEntitlement();
    accepted(trust.entitlements.notifyRoleChange(ED_ROLE, mskRole(MSK_FROM), byReferrer(MOVED)));

    assertThat(trust.entitlements.reinstate(ENTITLEMENT, byDelegate(at(MSK_FROM))).refusalCodes())
        .containsExactly(RefusalCode.ROLE_NOT_VALID);
    assertThat(
            trust
                .applications
                .submit(
                    SampleTrust.completeApplication()
                        .id(ApplicationId.of("APP-MSK"))
                        .role(MSK_ROLE)
                        .build(),
                    byReferrer(at(MSK_FROM)))
                .isAccepted())
        .isTrue();
  }

  @Test
  void aRoleChangeEndsAnEntitlementStillPendingPrerequisitesAndLeavesASuspendedOneSuspended() {
    trust.applicationUnderReview();
    Entitlement pending =
        accepted(trust.applications.approve(SampleTrust.APPLICATION, byDelegate(NOW)));
    assertThat(pending.status()).isEqualTo(EntitlementStatus.PENDING_PREREQUISITES);

    ImmutableList<Entitlement> changed =
        accepted(
            trust.entitlements.notifyRoleChange(ED_ROLE, mskRole(MSK_FROM), byReferrer(MOVED)));

    assertThat(changed).extracting(Entitlement::status).containsExactly(EntitlementStatus.ENDED);

    SampleTrust other = new SampleTrust();
    other.activeEntitlement();
    accepted(other.entitlements.suspend(ENTITLEMENT, byDelegate(NOW)));
    assertThat(
            accepted(
                other.entitlements.notifyRoleChange(ED_ROLE, mskRole(MSK_FROM), byReferrer(MOVED))))
        .isEmpty();
    assertThat(other.entitlement(ENTITLEMENT).version()).isEqualTo(2);
  }

  @Test
  void onlyTheRoleHolderMayNotifyTheirRoleChange() {
    trust.activeEntitlement();
    RegisterSnapshot before = trust.snapshot();

    assertThat(
            trust
                .entitlements
                .notifyRoleChange(ED_ROLE, mskRole(MSK_FROM), byDelegate(NOW))
                .refusalCodes())
        .containsExactly(RefusalCode.NOT_THE_REFERRER);
    assertThat(trust.snapshot()).isEqualTo(before);
  }

  @Test
  void refusesARoleChangeThatIsNotAMoveToAnotherRoleOfTheSamePersonAtTheSameEmployer() {
    assertThat(
            roleChange(Role.builder().from(mskRole(MSK_FROM)).person(SUPERVISOR).build())
                .refusalCodes())
        .containsExactly(RefusalCode.INVALID_REQUEST);
    assertThat(
            roleChange(Role.builder().from(mskRole(MSK_FROM)).employer(OTHER_TRUST).build())
                .refusalCodes())
        .containsExactly(RefusalCode.INVALID_REQUEST);
    assertThat(
            roleChange(Role.builder().from(mskRole(MSK_FROM)).id(ED_ROLE).build()).refusalCodes())
        .containsExactly(RefusalCode.INVALID_REQUEST);
    assertThat(roleChange(mskRole(SampleTrust.ED_ROLE_FROM)).refusalCodes())
        .containsExactly(RefusalCode.INVALID_REQUEST);
    assertThat(
            trust
                .entitlements
                .notifyRoleChange(RoleId.of("ROLE-404"), mskRole(MSK_FROM), byReferrer(NOW))
                .refusalCodes())
        .containsExactly(RefusalCode.NOT_FOUND);
  }

  @Test
  void leavingEndsEveryLiveEntitlementAtThatEmployerAndTheRolesThere() {
    trust.activeEntitlement();
    trust.addRole(
        RoleId.of("ROLE-BR2"), REFERRER, OTHER_TRUST, "Physiotherapist", LocalDate.of(2020, 1, 1));
    LocalDate lastDay = TODAY.plusDays(30);
    long mark = trust.auditSize();

    ImmutableList<Entitlement> ended =
        accepted(
            trust.entitlements.notifyLeaving(
                REFERRER, TRUST, lastDay, byReferrer(at(lastDay.plusDays(1)))));

    assertThat(ended)
        .extracting(Entitlement::id, Entitlement::status)
        .containsExactly(tuple(ENTITLEMENT, EntitlementStatus.ENDED));
    assertThat(trust.register.people().role(ED_ROLE).orElseThrow().validTo()).contains(lastDay);
    assertThat(trust.register.people().role(RoleId.of("ROLE-BR2")).orElseThrow().validTo())
        .isEmpty();
    assertThat(trust.auditEventsSince(mark))
        .extracting(AuditEvent::action, AuditEvent::actor)
        .containsExactly(
            tuple("end-entitlement", Actor.system("leaving")),
            tuple("notify-leaving", Actor.person(REFERRER)));
  }

  @Test
  void aDelegateMayRecordALeaverButNobodyElse() {
    trust.activeEntitlement();

    assertThat(
            trust
                .entitlements
                .notifyLeaving(REFERRER, TRUST, TODAY, SampleTrust.by(SUPERVISOR, NOW))
                .refusalCodes())
        .containsExactly(RefusalCode.NOT_THE_REFERRER);
    assertThat(accepted(trust.entitlements.notifyLeaving(REFERRER, TRUST, TODAY, byDelegate(NOW))))
        .hasSize(1);
  }

  @Test
  void refusesALeavingDateBeforeARoleThereStartsAndAnUnknownPersonOrEmployer() {
    trust.addRole(
        RoleId.of("ROLE-NEXT"), REFERRER, TRUST, "Consultant physiotherapist", TODAY.plusMonths(2));

    assertThat(
            trust
                .entitlements
                .notifyLeaving(REFERRER, TRUST, TODAY.plusMonths(1), byReferrer(NOW))
                .refusalCodes())
        .containsExactly(RefusalCode.INVALID_REQUEST);
    assertThat(
            trust
                .entitlements
                .notifyLeaving(REFERRER, EmployerId.of("XX9"), TODAY, byReferrer(NOW))
                .refusalCodes())
        .containsExactly(RefusalCode.NOT_FOUND);
    assertThat(trust.register.people().role(ED_ROLE).orElseThrow().validTo()).isEmpty();
  }

  @Test
  void anEntitlementNeverFollowsThePersonToAnotherEmployer() {
    trust.activeEntitlement();

    assertThat(
            accepted(
                trust.entitlements.notifyLeaving(REFERRER, OTHER_TRUST, TODAY, byReferrer(NOW))))
        .isEmpty();
    assertThat(trust.entitlement(ENTITLEMENT).status()).isEqualTo(EntitlementStatus.ACTIVE);
  }

  private CommandResult<ImmutableList<Entitlement>> roleChange(Role newRole) {
    return trust.entitlements.notifyRoleChange(ED_ROLE, newRole, byReferrer(NOW));
  }

  private static Role mskRole(LocalDate from) {
    return Role.builder()
        .id(MSK_ROLE)
        .person(REFERRER)
        .employer(TRUST)
        .title("Advanced practice physiotherapist, MSK")
        .level(LevelOfPractice.ADVANCED)
        .validFrom(from)
        .build();
  }
}
