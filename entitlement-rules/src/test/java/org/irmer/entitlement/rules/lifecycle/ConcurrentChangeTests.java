package org.irmer.entitlement.rules.lifecycle;

import org.irmer.entitlement.core.service.EntitlementService;
import org.irmer.entitlement.rules.Wiring;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.irmer.entitlement.rules.lifecycle.SampleTrust.APPLICATION;
import static org.irmer.entitlement.rules.lifecycle.SampleTrust.DELEGATE;
import static org.irmer.entitlement.rules.lifecycle.SampleTrust.ENTITLEMENT;
import static org.irmer.entitlement.rules.lifecycle.SampleTrust.NOW;
import static org.irmer.entitlement.rules.lifecycle.SampleTrust.TODAY;
import static org.irmer.entitlement.rules.lifecycle.SampleTrust.accepted;
import static org.irmer.entitlement.rules.lifecycle.SampleTrust.byDelegate;

import com.google.common.collect.ImmutableList;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.irmer.entitlement.core.domain.Application;
import org.irmer.entitlement.core.domain.ApplicationStatus;
import org.irmer.entitlement.core.domain.AuditEvent;
import org.irmer.entitlement.core.domain.CommandContext;
import org.irmer.entitlement.core.domain.CommandResult;
import org.irmer.entitlement.core.domain.EmployerId;
import org.irmer.entitlement.core.domain.Entitlement;
import org.irmer.entitlement.core.domain.EntitlementId;
import org.irmer.entitlement.core.domain.EntitlementStatus;
import org.irmer.entitlement.core.domain.PersonId;
import org.irmer.entitlement.core.domain.RefusalCode;
import org.irmer.entitlement.core.domain.TrainingType;
import org.irmer.entitlement.core.port.out.EntitlementStore;
import org.irmer.entitlement.core.port.out.Register;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Optimistic concurrency (ARCHITECTURE.md, persistence): two writers of one record never lose an
 * update; the one that read a stale version is refused {@code CONCURRENT_CHANGE} and writes nothing
 * but its audit record.
 */
class ConcurrentChangeTests {

  private final SampleTrust trust = new SampleTrust();
  private final ExecutorService otherNode = Executors.newFixedThreadPool(4);

  @AfterEach
  void stopThreads() {
    otherNode.shutdownNow();
  }

  @Test
  void aCommandThatReadAVersionAnotherNodeThenChangedIsRefusedAndTheOtherChangeIsKept() {
    trust.activeEntitlement();
    Entitlement readByNodeA = trust.register.entitlements().find(ENTITLEMENT).orElseThrow();
    // Node A read version 1; node B then revokes and commits before node A writes.
    EntitlementService nodeB = Wiring.entitlements(trust.register);
    int notificationsBefore = trust.memory.notifications().size();
    long mark = trust.auditSize();
    accepted(nodeB.revoke(ENTITLEMENT, CommandContext.by(DELEGATE, NOW, "revoked on node B")));
    EntitlementService nodeA =
        Wiring.entitlements(
            withEntitlements(
                trust.register, new StaleReadStore(trust.register.entitlements(), readByNodeA)));

    CommandResult<Entitlement> result =
        nodeA.suspend(ENTITLEMENT, CommandContext.by(DELEGATE, NOW, "suspended on node A"));

    assertThat(result.refusalCodes()).containsExactly(RefusalCode.CONCURRENT_CHANGE);
    assertThat(trust.register.entitlements().history(ENTITLEMENT))
        .extracting(Entitlement::status)
        .containsExactly(EntitlementStatus.ACTIVE, EntitlementStatus.REVOKED);
    ImmutableList<AuditEvent> audit = trust.auditEventsSince(mark);
    assertThat(audit)
        .extracting(AuditEvent::action, AuditEvent::result)
        .containsExactly(
            tuple("revoke-entitlement", "ACCEPTED"), tuple("suspend-entitlement", "REFUSED"));
    assertThat(audit.get(1).causes())
        .hasSize(2)
        .last()
        .asString()
        .startsWith("CONCURRENT_CHANGE: entitlement E-APP-1 was changed concurrently");
    assertThat(audit.get(1).stateBefore()).contains("ACTIVE v1");
    assertThat(trust.memory.notifications().size() - notificationsBefore)
        .as("only node B's notification")
        .isEqualTo(1);
  }

  @Test
  void twoDelegatesApprovingOneApplicationAtOnceGrantOneEntitlement() throws Exception {
    trust.addTraining(
        SampleTrust.REFERRER, TrainingType.IRMER_REFERRER, TODAY.minusYears(1), TODAY.plusYears(2));
    trust.applicationUnderReview();
    CountDownLatch start = new CountDownLatch(1);
    Callable<CommandResult<Entitlement>> approve =
        () -> {
          start.await();
          return trust.applications.approve(APPLICATION, byDelegate(NOW));
        };
    Future<CommandResult<Entitlement>> first = otherNode.submit(approve);
    Future<CommandResult<Entitlement>> second = otherNode.submit(approve);

    start.countDown();
    List<CommandResult<Entitlement>> results = List.of(first.get(), second.get());

    assertThat(results).filteredOn(CommandResult::isAccepted).hasSize(1);
    assertThat(results)
        .filteredOn(result -> !result.isAccepted())
        .singleElement()
        .satisfies(
            refused ->
                assertThat(refused.refusalCodes())
                    .containsAnyOf(RefusalCode.ILLEGAL_TRANSITION, RefusalCode.CONCURRENT_CHANGE));
    assertThat(trust.register.entitlements().all()).hasSize(1);
    assertThat(trust.register.applications().history(APPLICATION))
        .extracting(Application::status)
        .containsExactly(
            ApplicationStatus.SUBMITTED,
            ApplicationStatus.UNDER_REVIEW,
            ApplicationStatus.APPROVED);
  }

  @Test
  void suspensionsAndReinstatementsFromManyThreadsLoseNoUpdate() throws Exception {
    trust.activeEntitlement();
    long mark = trust.auditSize();
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Integer>> workers = new ArrayList<>();
    for (int worker = 0; worker < 4; worker++) {
      boolean suspending = worker % 2 == 0;
      workers.add(
          otherNode.submit(
              () -> {
                start.await();
                int accepted = 0;
                for (int attempt = 0; attempt < 50; attempt++) {
                  CommandResult<Entitlement> result =
                      suspending
                          ? trust.entitlements.suspend(ENTITLEMENT, byDelegate(NOW))
                          : trust.entitlements.reinstate(ENTITLEMENT, byDelegate(NOW));
                  accepted += result.isAccepted() ? 1 : 0;
                }
                return accepted;
              }));
    }

    start.countDown();
    int accepted = 0;
    for (Future<Integer> worker : workers) {
      accepted += worker.get();
    }

    ImmutableList<Entitlement> history = trust.register.entitlements().history(ENTITLEMENT);
    assertThat(history).hasSize(1 + accepted);
    for (int version = 1; version < history.size(); version++) {
      assertThat(history.get(version - 1).status().canMoveTo(history.get(version).status()))
          .isTrue();
      assertThat(history.get(version).version()).isEqualTo(version + 1);
    }
    assertThat(trust.auditEventsSince(mark))
        .hasSize(200)
        .filteredOn(event -> event.result().equals("ACCEPTED"))
        .hasSize(accepted);
  }

  private <T> T run(Callable<T> onAnotherNode) {
    try {
      return otherNode.submit(onAnotherNode).get();
    } catch (Exception failure) {
      throw new IllegalStateException(failure);
    }
  }

  private static Register withEntitlements(Register register, EntitlementStore entitlements) {
    return new Register(
        register.employers(),
        register.people(),
        register.delegations(),
        register.applications(),
        entitlements,
        register.training(),
        register.complianceEvents(),
        register.auditRecords(),
        register.notices(),
        register.agreements(),
        register.tasks(),
        register.activity(),
        register.examinations(),
        register.guidelines(),
        register.auditTrail(),
        register.notifications(),
        register.registrationLookup(),
        register.transactions(),
        register.changes());
  }

  /**
   * An entitlement store as another application node sees it: its reads of one entitlement return
   * the version it read before someone else's change committed; its writes go to the shared store.
   */
  private static final class StaleReadStore implements EntitlementStore {

    private final EntitlementStore store;
    private final Entitlement stale;

    StaleReadStore(EntitlementStore store, Entitlement stale) {
      this.store = store;
      this.stale = stale;
    }

    @Override
    public Entitlement save(Entitlement entitlement, long expectedVersion) {
      return store.save(entitlement, expectedVersion);
    }

    @Override
    public Optional<Entitlement> find(EntitlementId id) {
      return id.equals(stale.id()) ? Optional.of(stale) : store.find(id);
    }

    @Override
    public ImmutableList<Entitlement> history(EntitlementId id) {
      return store.history(id);
    }

    @Override
    public ImmutableList<Entitlement> forPerson(PersonId person) {
      return store.forPerson(person);
    }

    @Override
    public ImmutableList<Entitlement> groupsOf(EmployerId employer) {
      return store.groupsOf(employer);
    }

    @Override
    public ImmutableList<Entitlement> all() {
      return store.all();
    }

    @Override
    public ImmutableList<Entitlement> forPersonAsOf(PersonId person, Instant instant) {
      return store.forPersonAsOf(person, instant);
    }

    @Override
    public ImmutableList<Entitlement> groupsOfAsOf(EmployerId employer, Instant instant) {
      return store.groupsOfAsOf(employer, instant);
    }
  }
}
