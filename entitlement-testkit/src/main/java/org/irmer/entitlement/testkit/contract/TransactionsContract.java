package org.irmer.entitlement.testkit.contract;

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
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.irmer.entitlement.core.domain.AgreementStatus;
import org.irmer.entitlement.core.domain.Application;
import org.irmer.entitlement.core.domain.ApplicationId;
import org.irmer.entitlement.core.domain.ApplicationStatus;
import org.irmer.entitlement.core.domain.AuditTrailEntry;
import org.irmer.entitlement.core.domain.Employer;
import org.irmer.entitlement.core.domain.EmployerId;
import org.irmer.entitlement.core.domain.Entitlement;
import org.irmer.entitlement.core.domain.EntitlementId;
import org.irmer.entitlement.core.domain.EntitlementStatus;
import org.irmer.entitlement.core.domain.PersonId;
import org.irmer.entitlement.core.domain.SharedResponsibilityAgreement;
import org.irmer.entitlement.core.port.out.ConcurrentChangeException;
import org.irmer.entitlement.core.port.out.Notification;
import org.irmer.entitlement.core.port.out.Register;
import org.irmer.entitlement.core.port.out.Transactions;
import org.irmer.entitlement.testkit.contract.Concurrently.Outcome;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link Transactions}: the writes of a unit of work to every store, the audit
 * trail and the notification outbox commit together or not at all (ARCHITECTURE.md, flow 2); the
 * work reads its own writes; its result is returned and its exception rethrown unchanged; a unit of
 * work started within another joins it; and rolling one back never undoes what another thread
 * wrote meanwhile.
 *
 * <p>Each test starts from a register holding one committed employer, application, entitlement,
 * agreement, audit trail entry and notification, so that both new records and new versions of
 * existing ones are written.
 */
public abstract class TransactionsContract extends EmptyRegisterContract {

  private static final PersonId P1 = PersonId.of("P1");
  private static final EmployerId RX1 = EmployerId.of("RX1");
  private static final EntitlementId E1 = EntitlementId.of("E1");
  private static final ApplicationId A1 = ApplicationId.of("A1");
  private static final EntitlementId NEW_ENTITLEMENT = EntitlementId.of("E9");
  /** How long a failing unit of work stays open after another thread has started writing. */
  private static final long OVERLAP_MILLIS = 200;

  private Employer employer;
  private Application application;
  private Entitlement entitlement;
  private SharedResponsibilityAgreement agreement;

  /**
   * Every notification the register of the running test (the one {@link #newRegister()} returned
   * last) has accepted and kept, each once, in any order; see {@link NotificationsContract}.
   */
  protected abstract ImmutableList<Notification> sentNotifications();

  private Transactions transactions() {
    return register().transactions();
  }

  @BeforeEach
  final void storeCommittedRecords() {
    Register register = register();
    employer = register.employers().save(employer("RX1"), 0);
    application = register.applications().save(application("A1", "P1", "RX1"), 0);
    entitlement = register.entitlements().save(individualEntitlement("E1", "P1", "RX1", at(0)), 0);
    agreement = register.agreements().save(agreement("S1", "RX2", "RX1"), 0);
    register.auditTrail().append(auditEvent(0));
    register.notifications().send(notification(0));
  }

  @Test
  void returnsTheResultOfTheWork() {
    assertThat(transactions().inTransaction(() -> "the result")).isEqualTo("the result");
  }

  @Test
  void keepsEveryWriteOfAUnitOfWorkThatSucceeds() {
    Map<String, Object> before = state();

    Map<String, Object> inside = transactions().inTransaction(() -> {
      writeToEveryPort();
      return state();
    });

    assertEveryPartChanged(before, inside);
    assertSameState(state(), inside);
  }

  @Test
  void letsTheWorkReadItsOwnWrites() {
    transactions().inTransaction(() -> {
      Entitlement saved = register().entitlements()
          .save(individualEntitlement("E9", "P1", "RX1", at(5)), 0);
      AuditTrailEntry appended = register().auditTrail().append(auditEvent(9));

      assertThat(register().entitlements().find(NEW_ENTITLEMENT)).contains(saved);
      assertThat(register().auditTrail().read(appended.sequence(), 1)).containsExactly(appended);
      return null;
    });
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
  }

  @Test
  void leavesNoWriteBehindWhenTheWorkThrowsACheckedException() {
    Map<String, Object> before = state();
    Exception failure = new IOException("a checked failure thrown through the work");

    Throwable thrown = catchThrowable(() -> transactions().inTransaction(() -> {
      writeToEveryPort();
      throw TransactionsContract.<RuntimeException>sneakyThrow(failure);
    }));

    assertThat(thrown).as("the exception rethrown").isSameAs(failure);
    assertSameState(state(), before);
  }

  @Test
  void leavesNoWriteBehindWhenAWriteIsRefusedPartWay() {
    Map<String, Object> before = state();

    Throwable thrown = catchThrowable(() -> transactions().inTransaction(() -> {
      writeToEveryPort();
      return register().entitlements().save(entitlement, entitlement.version());
    }));

    assertThat(thrown).isInstanceOf(ConcurrentChangeException.class);
    assertSameState(state(), before);
  }

  @Test
  void returnsTheResultOfAUnitOfWorkStartedWithinAnother() {
    String result = transactions().inTransaction(() -> {
      String inner = transactions().inTransaction(() -> {
        register().entitlements().save(individualEntitlement("E9", "P1", "RX1", at(5)), 0);
        return "inner";
      });
      assertThat(register().entitlements().find(NEW_ENTITLEMENT)).isPresent();
      return inner + " and outer";
    });

    assertThat(result).isEqualTo("inner and outer");
    assertThat(register().entitlements().find(NEW_ENTITLEMENT)).isPresent();
  }

  @Test
  void rollsBackAUnitOfWorkStartedWithinAnotherWhenTheOuterOneFails() {
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
  }

  @Test
  void undoesOnlyItsOwnWritesWhenAnotherThreadWritesMeanwhile() {
    CountDownLatch unitWrote = new CountDownLatch(1);
    CountDownLatch otherStarted = new CountDownLatch(1);
    RuntimeException failure = new IllegalStateException("the unit of work fails");
    Callable<Object> failingUnit = () -> transactions().inTransaction(() -> {
      register().entitlements().save(
          withStatus(entitlement, EntitlementStatus.SUSPENDED, at(1)), entitlement.version());
      register().auditTrail().append(auditEvent(1));
      register().notifications().send(notification(1));
      unitWrote.countDown();
      await(otherStarted);
      linger();
      throw failure;
    });
    Callable<Object> otherWriter = () -> {
      await(unitWrote);
      otherStarted.countDown();
      Entitlement revoked = register().entitlements().save(
          withStatus(entitlement, EntitlementStatus.REVOKED, at(2)), entitlement.version());
      register().auditTrail().append(auditEvent(2));
      register().notifications().send(notification(2));
      return revoked;
    };

    List<Outcome<Object>> outcomes = Concurrently.run(List.of(failingUnit, otherWriter));

    assertThat(outcomes.get(0).failure()).as("failure of the unit of work").isSameAs(failure);
    assertThat(outcomes.get(1).failure()).as("failure of the other writer").isNull();
    assertThat(register().entitlements().history(E1))
        .containsExactly(entitlement, (Entitlement) outcomes.get(1).value());
    assertThat(register().auditTrail().read(1, 10)).extracting(AuditTrailEntry::event)
        .containsExactly(auditEvent(0), auditEvent(2));
    assertThat(register().auditTrail().firstBrokenLink()).isEmpty();
    assertThat(sentNotifications()).containsExactlyInAnyOrder(notification(0), notification(2));
  }

  /**
   * Writes something through every port: new records in every store and new versions of the
   * committed ones, new written procedures, an audit trail entry and a notification.
   */
  private void writeToEveryPort() {
    Register register = register();
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
  }

  /** What every port holds of what {@link #writeToEveryPort} writes, part by part. */
  private Map<String, Object> state() {
    Register register = register();
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

  /** Throws a checked exception where the compiler does not expect one, as some callers do. */
  @SuppressWarnings("unchecked")
  private static <E extends Throwable> RuntimeException sneakyThrow(Throwable failure) throws E {
    throw (E) failure;
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

  private static void await(CountDownLatch latch) {
    try {
      assertThat(latch.await(30, TimeUnit.SECONDS)).as("the other thread got going").isTrue();
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", interrupted);
    }
  }

  /**
   * Keeps the unit of work open a little longer, so that the other thread's writes overlap it. A
   * correct implementation passes however the threads are scheduled; the pause only gives an
   * incorrect one the chance to show itself.
   */
  private static void linger() {
    try {
      Thread.sleep(OVERLAP_MILLIS);
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", interrupted);
    }
  }
}
