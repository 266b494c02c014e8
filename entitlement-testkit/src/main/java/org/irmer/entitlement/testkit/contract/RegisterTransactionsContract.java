package org.irmer.entitlement.testkit.contract;

import static com.google.common.base.Preconditions.checkState;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.irmer.entitlement.testkit.contract.ContractFixtures.D0;
import static org.irmer.entitlement.testkit.contract.ContractFixtures.agreement;
import static org.irmer.entitlement.testkit.contract.ContractFixtures.application;
import static org.irmer.entitlement.testkit.contract.ContractFixtures.at;
import static org.irmer.entitlement.testkit.contract.ContractFixtures.auditEvent;
import static org.irmer.entitlement.testkit.contract.ContractFixtures.auditRecord;
import static org.irmer.entitlement.testkit.contract.ContractFixtures.complianceEvent;
import static org.irmer.entitlement.testkit.contract.ContractFixtures.delegation;
import static org.irmer.entitlement.testkit.contract.ContractFixtures.employer;
import static org.irmer.entitlement.testkit.contract.ContractFixtures.individualEntitlement;
import static org.irmer.entitlement.testkit.contract.ContractFixtures.notification;
import static org.irmer.entitlement.testkit.contract.ContractFixtures.person;
import static org.irmer.entitlement.testkit.contract.ContractFixtures.procedures;
import static org.irmer.entitlement.testkit.contract.ContractFixtures.role;
import static org.irmer.entitlement.testkit.contract.ContractFixtures.training;
import static org.irmer.entitlement.testkit.contract.ContractFixtures.withStatus;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableMultiset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.irmer.entitlement.core.domain.AgreementStatus;
import org.irmer.entitlement.core.domain.Application;
import org.irmer.entitlement.core.domain.ApplicationId;
import org.irmer.entitlement.core.domain.ApplicationStatus;
import org.irmer.entitlement.core.domain.Employer;
import org.irmer.entitlement.core.domain.EmployerId;
import org.irmer.entitlement.core.domain.Entitlement;
import org.irmer.entitlement.core.domain.EntitlementId;
import org.irmer.entitlement.core.domain.EntitlementStatus;
import org.irmer.entitlement.core.domain.PersonId;
import org.irmer.entitlement.core.domain.SharedResponsibilityAgreement;
import org.irmer.entitlement.core.port.out.Notification;
import org.irmer.entitlement.core.port.out.NotificationKey;
import org.irmer.entitlement.core.port.out.Register;
import org.irmer.entitlement.core.port.out.RegisterChange;
import org.irmer.entitlement.core.port.out.Transactions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * For an adapter that offers a whole {@link Register}: every port of it that is written to joins
 * the units of work of its {@link Transactions}. A unit that writes through all of them at once,
 * every store, new records and new versions, written procedures, the audit trail, a notification
 * sent plainly and one sent once, a change on the feed, commits all of it or, when it fails, leaves
 * nothing of it behind; so does a nested unit with its outermost one.
 *
 * <p>The suites of the single ports check each port alone, and {@link TransactionsContract} the
 * semantics of units of work over one store and the trail; this suite only adds that one register
 * shares one unit of work across all its ports, which the lifecycle commands rely on.
 *
 * <p>Each test starts from a register holding one committed employer, application, entitlement,
 * agreement, audit trail entry and notification.
 */
public abstract class RegisterTransactionsContract {

  private static final PersonId P1 = PersonId.of("P1");
  private static final EmployerId RX1 = EmployerId.of("RX1");
  private static final EntitlementId E1 = EntitlementId.of("E1");
  private static final ApplicationId A1 = ApplicationId.of("A1");
  private static final RegisterChange.Pending CHANGE =
      RegisterChange.Pending.person(PersonId.of("P9"));

  private Register register;
  private Employer employer;
  private Application application;
  private Entitlement entitlement;
  private SharedResponsibilityAgreement agreement;

  /**
   * A register whose stores, audit trail, notification outbox and change feed are empty, sharing
   * nothing with any register returned before. Called once before each test, on a new test
   * instance, so an implementation may remember what it built in a field.
   */
  protected abstract Register newRegister();

  /**
   * Every notification the register of the running test (the one {@link #newRegister()} returned
   * last) has accepted and kept, each once, in any order; see {@link NotificationsContract}.
   */
  protected abstract ImmutableList<Notification> sentNotifications();

  @BeforeEach
  final void storeCommittedRecords() {
    register = newRegister();
    checkState(register != null, "newRegister() returned null");
    employer = register.employers().save(employer("RX1"), 0);
    application = register.applications().save(application("A1", "P1", "RX1"), 0);
    entitlement = register.entitlements().save(individualEntitlement("E1", "P1", "RX1", at(0)), 0);
    agreement = register.agreements().save(agreement("S1", "RX2", "RX1"), 0);
    register.auditTrail().append(auditEvent(0));
    register.notifications().send(notification(0));
  }

  private Transactions transactions() {
    return register.transactions();
  }

  @Test
  void keepsEveryWriteToEveryPortOfAUnitOfWorkThatSucceeds() {
    Map<String, Object> before = state();

    Map<String, Object> inside = transactions().inTransaction(() -> {
      writeToEveryPort();
      return state();
    });

    assertEveryPartChanged(before, inside);
    assertSameState(state(), inside);
    assertThat(register.changes().changesSince(0, 10)).extracting(RegisterChange::subject)
        .containsExactly(CHANGE.subject());
  }

  @Test
  void leavesNoWriteBehindInAnyPortWhenTheWorkFails() {
    Map<String, Object> before = state();
    RuntimeException failure = new IllegalStateException("the unit of work fails");
    AtomicReference<Map<String, Object>> inside = new AtomicReference<>();

    Throwable thrown = catchThrowable(() -> transactions().inTransaction(() -> {
      writeToEveryPort();
      inside.set(state());
      throw failure;
    }));

    assertThat(thrown).as("the exception rethrown").isSameAs(failure);
    assertEveryPartChanged(before, inside.get());
    assertSameState(state(), before);
    assertThat(register.changes().changesSince(0, 10)).isEmpty();
  }

  @Test
  void rollsBackEveryPortWrittenInANestedUnitWhenTheOuterOneFails() {
    Map<String, Object> before = state();
    RuntimeException failure = new IllegalStateException("the outer unit of work fails");

    Throwable thrown = catchThrowable(() -> transactions().inTransaction(() -> {
      transactions().inTransaction(() -> {
        writeToEveryPort();
        return null;
      });
      throw failure;
    }));

    assertThat(thrown).isSameAs(failure);
    assertSameState(state(), before);
    assertThat(register.changes().changesSince(0, 10)).isEmpty();
  }

  /**
   * Writes something through every port: new records in every store and new versions of the
   * committed ones, new written procedures, an audit trail entry, notifications and a change.
   */
  private void writeToEveryPort() {
    register.employers().save(employer("RX9"), 0);
    register.employers().save(
        Employer.builder().from(employer).name("Renamed").build(), employer.version());
    register.employers().addProcedures(procedures("RX1", 2));
    register.people().save(person("P9"), 0);
    register.people().saveRole(role("R9", "P1", "RX1", D0), 0);
    register.delegations().save(delegation("D9", "RX1"), 0);
    register.applications().save(application("A9", "P1", "RX1"), 0);
    register.applications().save(Application.builder().from(application)
        .status(ApplicationStatus.APPROVED).recordedAt(at(5)).build(), application.version());
    register.entitlements().save(individualEntitlement("E9", "P1", "RX1", at(5)), 0);
    register.entitlements().save(
        withStatus(entitlement, EntitlementStatus.SUSPENDED, at(5)), entitlement.version());
    register.training().add(training("T9", "P1", D0));
    register.complianceEvents().add(complianceEvent("C9", "P1", "RX1", at(5)));
    register.auditRecords().add(auditRecord("AR9", "P1", "RX1", D0));
    register.agreements().save(agreement("S9", "RX3", "RX1"), 0);
    register.agreements().save(SharedResponsibilityAgreement.builder().from(agreement)
        .status(AgreementStatus.TERMINATED).build(), agreement.version());
    register.auditTrail().append(auditEvent(9));
    register.notifications().send(notification(9));
    register.notifications().sendOnce(NotificationKey.perDay(notification(8), D0), notification(8));
    register.changes().publish(CHANGE);
  }

  /**
   * What every store, the audit trail and the outbox hold of what {@link #writeToEveryPort}
   * writes, part by part. The change feed is read apart: its change is visible only once
   * committed.
   */
  private Map<String, Object> state() {
    return ImmutableMap.<String, Object>builder()
        .put("employers", register.employers().all())
        .put("procedures", register.employers().procedures(RX1, 2))
        .put("people", register.people().all())
        .put("roles", register.people().roles(P1))
        .put("delegations", register.delegations().forEmployer(RX1))
        .put("applications", register.applications().forApplicant(P1))
        .put("application history", register.applications().history(A1))
        .put("entitlements", register.entitlements().all())
        .put("entitlement history", register.entitlements().history(E1))
        .put("training", register.training().all())
        .put("compliance events", register.complianceEvents().forReferrer(P1, RX1))
        .put("audit records", register.auditRecords().forReferrer(P1, RX1))
        .put("agreements", register.agreements().all())
        .put("audit trail size", register.auditTrail().size())
        .put("audit trail", register.auditTrail().read(1, 1_000))
        .put("notifications", ImmutableMultiset.copyOf(sentNotifications()))
        .buildOrThrow();
  }

  /** Asserts part by part that two states are equal, naming every part that is not. */
  private static void assertSameState(Map<String, Object> actual, Map<String, Object> expected) {
    List<String> differences = new ArrayList<>();
    expected.forEach((part, value) -> {
      if (!value.equals(actual.get(part))) {
        differences.add(part + ": expected " + value + "\n  but found " + actual.get(part));
      }
    });
    assertThat(differences).as("parts of the register that differ").isEmpty();
  }

  /** Guards against a vacuous pass: the work did write to every part that is compared. */
  private static void assertEveryPartChanged(Map<String, Object> before,
      Map<String, Object> inside) {
    List<String> unchanged = new ArrayList<>();
    before.forEach((part, value) -> {
      if (value.equals(inside.get(part))) {
        unchanged.add(part);
      }
    });
    assertThat(unchanged).as("parts the work did not change, as it itself read them").isEmpty();
  }
}
