package org.irmer.entitlement.rules.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.irmer.entitlement.rules.lifecycle.SampleTrust.APPLICATION;
import static org.irmer.entitlement.rules.lifecycle.SampleTrust.DELEGATE;
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
import static org.irmer.entitlement.rules.lifecycle.SampleTrust.completeApplication;

import java.time.Duration;
import java.time.Instant;
import org.irmer.entitlement.core.domain.Actor;
import org.irmer.entitlement.core.domain.ApplicationStatus;
import org.irmer.entitlement.core.domain.AuditEvent;
import org.irmer.entitlement.core.domain.CommandContext;
import org.irmer.entitlement.core.domain.CommandResult;
import org.irmer.entitlement.core.domain.ComplianceEvent;
import org.irmer.entitlement.core.domain.ComplianceEventId;
import org.irmer.entitlement.core.domain.ComplianceEventKind;
import org.irmer.entitlement.core.domain.Entitlement;
import org.irmer.entitlement.core.domain.EntitlementStatus;
import org.irmer.entitlement.core.domain.RefusalCode;
import org.irmer.entitlement.core.domain.SweepReport;
import org.irmer.entitlement.core.domain.Task;
import org.irmer.entitlement.core.domain.TaskDecision;
import org.irmer.entitlement.core.domain.TaskId;
import org.irmer.entitlement.core.domain.TaskKind;
import org.irmer.entitlement.core.domain.TaskQuery;
import org.irmer.entitlement.core.domain.TaskState;
import org.irmer.entitlement.core.port.out.Notification;
import org.irmer.entitlement.core.port.out.NotificationKind;
import org.irmer.entitlement.core.service.TaskService;
import org.irmer.entitlement.rules.Wiring;
import org.junit.jupiter.api.Test;

/**
 * Principles 1 and 6: the delegates' tasks listed, opened and decided, each decision running its
 * lifecycle command; scenario S11 through the tasks.
 */
class TaskServiceTests {

  private SampleTrust trust = new SampleTrust();
  private TaskService tasks = Wiring.tasks(trust.register);
  private int events;

  @Test
  void s11TheThirdUpheldEventRaisesASuspensionReviewTaskAndOnlyTheDelegatesDecisionSuspends() {
    Entitlement active = trust.activeEntitlement();
    assertThat(record(ComplianceEventKind.INCIDENT, NOW.minus(Duration.ofDays(200))).tasksRaised())
        .isEmpty();
    record(ComplianceEventKind.OUT_OF_PROTOCOL, NOW.minus(Duration.ofDays(100)));

    CommandResult<ComplianceEvent> third = record(ComplianceEventKind.NOT_JUSTIFIED, NOW);

    Task review = tasks.find(third.tasksRaised().get(0)).orElseThrow();
    assertThat(third.tasksRaised()).containsExactly(review.id());
    assertThat(review.kind()).isEqualTo(TaskKind.SUSPENSION_REVIEW);
    assertThat(review.referrer()).isEqualTo(REFERRER);
    assertThat(review.employer()).isEqualTo(TRUST);
    assertThat(review.dueOn()).isEqualTo(TODAY.plusDays(28));
    assertThat(review.isOpen()).isTrue();
    assertThat(tasks.list(TaskQuery.openAt(TRUST))).containsExactly(review);
    assertThat(trust.notificationsTo(Notification.delegatesOf(TRUST)))
        .filteredOn(notification -> notification.kind() == NotificationKind.SUSPENSION_REVIEW)
        .singleElement()
        .satisfies(notification -> assertThat(notification.subject()).isEqualTo(review.id().value()));
    assertThat(trust.notificationsTo(REFERRER.value()))
        .anyMatch(notification -> notification.subject().equals(review.id().value()));
    assertThat(trust.notificationsTo(SUPERVISOR.value()))
        .anyMatch(notification -> notification.subject().equals(review.id().value()));
    assertThat(trust.register.entitlements().history(ENTITLEMENT)).containsExactly(active);

    Task decided = accepted(tasks.decide(review.id(), TaskDecision.SUSPEND,
        CommandContext.by(DELEGATE, NOW.plusSeconds(60), "three upheld events in a year")));

    assertThat(decided.state()).isEqualTo(TaskState.DECIDED);
    assertThat(decided.decision()).contains(TaskDecision.SUSPEND);
    assertThat(decided.decidedBy()).contains(Actor.person(DELEGATE));
    assertThat(decided.note()).contains("three upheld events in a year");
    assertThat(trust.entitlement(ENTITLEMENT).status()).isEqualTo(EntitlementStatus.SUSPENDED);
    assertThat(tasks.list(TaskQuery.openAt(TRUST))).isEmpty();
  }

  @Test
  void aFourthUpheldEventRaisesAReviewOfItsOwnAndRecordingAgainRaisesNothing() {
    trust.activeEntitlement();
    record(ComplianceEventKind.INCIDENT, NOW.minus(Duration.ofDays(3)));
    record(ComplianceEventKind.INCIDENT, NOW.minus(Duration.ofDays(2)));
    CommandResult<ComplianceEvent> third = record(ComplianceEventKind.INCIDENT, NOW.minusSeconds(60));
    CommandResult<ComplianceEvent> fourth = record(ComplianceEventKind.INCIDENT, NOW);

    assertThat(third.tasksRaised()).hasSize(1);
    assertThat(fourth.tasksRaised()).hasSize(1).doesNotContainAnyElementsOf(third.tasksRaised());
    assertThat(tasks.list(TaskQuery.builder().kind(TaskKind.SUSPENSION_REVIEW).build())).hasSize(2);
  }

  @Test
  void keepingASuspensionReviewChangesNoStatusAndIsAudited() {
    Entitlement active = trust.activeEntitlement();
    Task review = thresholdReached();
    long mark = trust.auditSize();

    Task kept = accepted(tasks.decide(review.id(), TaskDecision.KEEP, byDelegate(NOW)));

    assertThat(kept.decision()).contains(TaskDecision.KEEP);
    assertThat(trust.register.entitlements().history(ENTITLEMENT)).containsExactly(active);
    assertThat(trust.auditEventsSince(mark)).singleElement().satisfies(event -> {
      assertThat(event.action()).isEqualTo("decide-task");
      assertThat(event.subject()).isEqualTo(review.id().value());
      assertThat(event.result()).isEqualTo("ACCEPTED");
      assertThat(event.stateBefore()).contains("OPEN v1");
      assertThat(event.stateAfter()).contains("DECIDED v2");
      assertThat(event.details()).containsEntry("decision", "KEEP");
    });
  }

  @Test
  void onlyACurrentDelegateOfTheTasksEmployerDecidesAndARefusalChangesNothing() {
    trust.activeEntitlement();
    Task review = thresholdReached();
    long mark = trust.auditSize();

    CommandResult<Task> byTheReferrer =
        tasks.decide(review.id(), TaskDecision.KEEP, byReferrer(NOW));
    CommandResult<Task> bySystem = tasks.decide(review.id(), TaskDecision.SUSPEND,
        new CommandContext(Actor.system("compliance-sweep"), NOW, "automated"));

    assertThat(byTheReferrer.refusalCodes()).containsExactly(RefusalCode.NOT_A_CURRENT_DELEGATE);
    assertThat(bySystem.refusalCodes()).containsExactly(RefusalCode.NOT_A_CURRENT_DELEGATE);
    assertThat(tasks.find(review.id())).contains(review);
    assertThat(trust.entitlement(ENTITLEMENT).status()).isEqualTo(EntitlementStatus.ACTIVE);
    assertThat(trust.auditEventsSince(mark)).extracting(AuditEvent::action, AuditEvent::result)
        .containsExactly(tuple("decide-task", "REFUSED"),
            tuple("decide-task", "REFUSED"));
  }

  @Test
  void aDecidedTaskIsNotDecidedAgainAndADecisionItsKindDoesNotAllowIsRefused() {
    trust.activeEntitlement();
    Task review = thresholdReached();

    assertThat(tasks.decide(review.id(), TaskDecision.APPROVE, byDelegate(NOW)).refusalCodes())
        .containsExactly(RefusalCode.INVALID_REQUEST);
    assertThat(tasks.decide(review.id(), TaskDecision.REVOKE, byDelegate(NOW)).refusalCodes())
        .containsExactly(RefusalCode.INVALID_REQUEST);
    accepted(tasks.decide(review.id(), TaskDecision.KEEP, byDelegate(NOW)));
    assertThat(tasks.decide(review.id(), TaskDecision.SUSPEND, byDelegate(NOW)).refusalCodes())
        .containsExactly(RefusalCode.ILLEGAL_TRANSITION);
    assertThat(tasks.decide(TaskId.of("T-nowhere"), TaskDecision.KEEP, byDelegate(NOW))
        .refusalCodes()).containsExactly(RefusalCode.NOT_FOUND);
    assertThat(trust.entitlement(ENTITLEMENT).status()).isEqualTo(EntitlementStatus.ACTIVE);
  }

  @Test
  void aRefusedCommandLeavesTheTaskOpenAndRecordsOnlyTheDecisionsRefusal() {
    trust.activeEntitlement();
    RaisedTask review = reviewDue();
    accepted(trust.entitlements.revoke(ENTITLEMENT, byDelegate(review.at())));
    long mark = trust.auditSize();

    CommandResult<Task> suspend =
        tasks.decide(review.task().id(), TaskDecision.SUSPEND, byDelegate(review.at()));

    assertThat(suspend.refusalCodes()).containsExactly(RefusalCode.ILLEGAL_TRANSITION);
    assertThat(tasks.find(review.task().id())).contains(review.task());
    assertThat(trust.auditEventsSince(mark)).singleElement().satisfies(event -> {
      assertThat(event.action()).isEqualTo("decide-task");
      assertThat(event.result()).isEqualTo("REFUSED");
      assertThat(event.causes()).anySatisfy(cause ->
          assertThat(cause).startsWith("ILLEGAL_TRANSITION"));
    });
  }

  @Test
  void revokingAReviewDueTaskRevokesItsEntitlementInTheSameUnitOfWork() {
    trust.activeEntitlement();
    RaisedTask review = reviewDue();
    long mark = trust.auditSize();

    accepted(tasks.decide(review.task().id(), TaskDecision.REVOKE, byDelegate(review.at())));

    assertThat(trust.entitlement(ENTITLEMENT).status()).isEqualTo(EntitlementStatus.REVOKED);
    assertThat(trust.auditEventsSince(mark)).extracting(AuditEvent::action)
        .containsExactly("revoke-entitlement", "decide-task");
  }

  @Test
  void theSweepCancelsAnOpenTaskWhoseEntitlementHasEnded() {
    trust.activeEntitlement();
    RaisedTask review = reviewDue();
    accepted(trust.entitlements.revoke(ENTITLEMENT, byDelegate(review.at())));

    trust.sweep.sweep(review.at().plusSeconds(60));

    Task cancelled = tasks.find(review.task().id()).orElseThrow();
    assertThat(cancelled.state()).isEqualTo(TaskState.CANCELLED);
    assertThat(cancelled.decidedBy()).contains(Actor.system("compliance-sweep"));
    assertThat(cancelled.note()).hasValueSatisfying(note -> assertThat(note).contains("REVOKED"));
    assertThat(tasks.decide(cancelled.id(), TaskDecision.KEEP, byDelegate(review.at()))
        .refusalCodes()).containsExactly(RefusalCode.ILLEGAL_TRANSITION);
  }

  @Test
  void aChangeOfScopeCancelsThePredecessorsTasksAndTheSuccessorGetsItsOwn() {
    trust.activeEntitlement();
    RaisedTask review = reviewDue();
    Entitlement successor = accepted(trust.entitlements.changeScope(ENTITLEMENT,
        SampleTrust.xrayLimbsAndMriKnee(), byDelegate(review.at().plusSeconds(60))));

    SweepReport report = trust.sweep.sweep(review.at().plusSeconds(120));

    assertThat(tasks.find(review.task().id()).orElseThrow().state()).isEqualTo(TaskState.CANCELLED);
    Task successors = tasks.list(TaskQuery.builder().kind(TaskKind.REVIEW_DUE)
        .state(TaskState.OPEN).build()).get(0);
    assertThat(report.tasksRaised()).contains(successors.id());
    assertThat(successors.entitlement()).contains(successor.id());
    assertThat(successors.dueOn()).isEqualTo(review.task().dueOn());
  }

  @Test
  void anOverdueApplicationsTaskStartsItsReviewWhenTheDelegateSaysSo() {
    accepted(trust.applications.submit(completeApplication().build(), byReferrer(NOW)));
    Instant late = at(TODAY.plusDays(29));
    SweepReport report = trust.sweep.sweep(late);

    Task overdue = tasks.list(TaskQuery.builder().kind(TaskKind.APPLICATION_OVERDUE).build())
        .get(0);
    assertThat(report.tasksRaised()).contains(overdue.id());
    assertThat(overdue.application()).contains(APPLICATION);

    accepted(tasks.decide(overdue.id(), TaskDecision.START_REVIEW, byDelegate(late)));

    assertThat(trust.application(APPLICATION).status()).isEqualTo(ApplicationStatus.UNDER_REVIEW);
  }

  /** A task with the instant it was raised at. */
  private record RaisedTask(Task task, Instant at) {}

  private RaisedTask reviewDue() {
    Instant due = at(trust.entitlement(ENTITLEMENT).reviewDue().orElseThrow());
    SweepReport report = trust.sweep.sweep(due);
    Task task = tasks.list(TaskQuery.builder().kind(TaskKind.REVIEW_DUE).build()).get(0);
    assertThat(report.tasksRaised()).contains(task.id());
    return new RaisedTask(task, due);
  }

  private Task thresholdReached() {
    record(ComplianceEventKind.INCIDENT, NOW.minus(Duration.ofDays(2)));
    record(ComplianceEventKind.INCIDENT, NOW.minus(Duration.ofDays(1)));
    return tasks.find(record(ComplianceEventKind.INCIDENT, NOW).tasksRaised().get(0))
        .orElseThrow();
  }

  private CommandResult<ComplianceEvent> record(ComplianceEventKind kind, Instant occurredAt) {
    events++;
    CommandResult<ComplianceEvent> result = trust.entitlements.recordComplianceEvent(
        ComplianceEvent.builder()
            .id(ComplianceEventId.of("CE-" + events))
            .referrer(REFERRER)
            .employer(TRUST)
            .kind(kind)
            .upheld(true)
            .occurredAt(occurredAt)
            .description(kind + " number " + events)
            .build(),
        byDelegate(NOW));
    accepted(result);
    return result;
  }
}
