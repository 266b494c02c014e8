package org.irmer.entitlement.core.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;

/**
 * A task's invariants (principles 1 and 6): what it concerns matches its kind, a decision is
 * present exactly when it is decided and is one its kind allows, only a person decides, and
 * deciding or cancelling is final.
 */
class TaskTests {

  private static final Instant RAISED = Instant.parse("2026-03-10T10:00:00Z");
  private static final Actor DELEGATE = Actor.person(PersonId.of("DEL-1"));

  private static Task.Builder review() {
    return Task.builder()
        .id(TaskId.of("T-KV1-1"))
        .kind(TaskKind.REVIEW_DUE)
        .cause(TaskCause.of("REVIEW_DUE/E-1/2027-03-10", "review due on 2027-03-10"))
        .referrer(PersonId.of("PHY-1"))
        .employer(EmployerId.of("KV1"))
        .entitlement(EntitlementId.of("E-1"))
        .dueOn(LocalDate.of(2027, 3, 10))
        .createdAt(RAISED);
  }

  @Test
  void aRaisedTaskIsOpenWithNoDecision() {
    Task task = review().build();

    assertThat(task.state()).isEqualTo(TaskState.OPEN);
    assertThat(task.isOpen()).isTrue();
    assertThat(task.decision()).isEmpty();
    assertThat(task.decidedBy()).isEmpty();
    assertThat(task.version()).isZero();
  }

  @Test
  void decidingRecordsTheDecisionWhoAndWhenAndIsFinal() {
    Task decided = review().build().decided(TaskDecision.REVOKE, DELEGATE, RAISED.plusSeconds(5),
        "no longer needed");

    assertThat(decided.state()).isEqualTo(TaskState.DECIDED);
    assertThat(decided.decision()).contains(TaskDecision.REVOKE);
    assertThat(decided.decidedBy()).contains(DELEGATE);
    assertThat(decided.decidedAt()).contains(RAISED.plusSeconds(5));
    assertThat(decided.note()).contains("no longer needed");
    assertThatThrownBy(() -> decided.decided(TaskDecision.KEEP, DELEGATE, RAISED, "again"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("DECIDED, not OPEN");
    assertThatThrownBy(() -> decided.cancelled(DELEGATE, RAISED, "again"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void refusesADecisionItsKindDoesNotAllow() {
    assertThatThrownBy(() -> review().build().decided(TaskDecision.APPROVE, DELEGATE, RAISED, "x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("REVIEW_DUE").hasMessageContaining("APPROVE");
    assertThatThrownBy(() -> review().state(TaskState.DECIDED).decision(TaskDecision.REFUSE)
        .decidedBy(DELEGATE).decidedAt(RAISED).build())
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void onlyAPersonDecidesButTheSystemMayCancel() {
    Actor sweep = Actor.system("compliance-sweep");

    assertThatThrownBy(() -> review().build().decided(TaskDecision.KEEP, sweep, RAISED, "auto"))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("principle 1");
    assertThat(review().build().cancelled(sweep, RAISED, "entitlement REVOKED").state())
        .isEqualTo(TaskState.CANCELLED);
  }

  @Test
  void namesAnEntitlementOrAnApplicationExactlyWhenItsKindConcernsOne() {
    assertThatThrownBy(() -> review().entitlement(java.util.Optional.empty()).build())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("entitlement");
    assertThatThrownBy(() -> review().application(ApplicationId.of("APP-1")).build())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("application");
    assertThatThrownBy(() -> review().kind(TaskKind.SUSPENSION_REVIEW).build())
        .isInstanceOf(IllegalStateException.class);
    assertThat(review().kind(TaskKind.SUSPENSION_REVIEW).entitlement(java.util.Optional.empty())
        .build().kind().concerns()).isEqualTo(TaskKind.Concerns.REFERRER);
  }

  @Test
  void refusesAnEndBeforeTheRaiseAndABlankNote() {
    assertThatThrownBy(() -> review().build().cancelled(DELEGATE, RAISED.minusSeconds(1), "early"))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("before it was raised");
    assertThatThrownBy(() -> review().build().decided(TaskDecision.KEEP, DELEGATE, RAISED, " "))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("blank");
  }

  @Test
  void noKindAllowsReinstatementAndEveryKindAllowsSomeDecision() {
    for (TaskKind kind : TaskKind.values()) {
      assertThat(kind.decisions()).as("%s", kind).isNotEmpty();
      assertThat(EnumSet.copyOf(kind.decisions())).allSatisfy(decision ->
          assertThat(decision.name()).doesNotContain("REINSTATE"));
    }
    assertThat(TaskState.OPEN.successors()).containsExactlyInAnyOrder(TaskState.DECIDED,
        TaskState.CANCELLED);
    assertThat(TaskState.DECIDED.isFinal()).isTrue();
    assertThat(TaskState.CANCELLED.isFinal()).isTrue();
  }

  @Test
  void aCauseNeedsAKeyAndADescription() {
    assertThatThrownBy(() -> TaskCause.of(" key", "x")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> TaskCause.of("key", " ")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("key");
  }
}
