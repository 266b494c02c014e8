package org.irmer.entitlement.testkit.contract;

import static com.google.common.base.Preconditions.checkState;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.irmer.entitlement.testkit.contract.ContractFixtures.AWKWARD_TEXT;
import static org.irmer.entitlement.testkit.contract.ContractFixtures.D0;
import static org.irmer.entitlement.testkit.contract.ContractFixtures.T0;
import static org.irmer.entitlement.testkit.contract.ContractFixtures.task;

import com.google.common.collect.ImmutableList;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.irmer.entitlement.core.domain.Actor;
import org.irmer.entitlement.core.domain.EmployerId;
import org.irmer.entitlement.core.domain.PersonId;
import org.irmer.entitlement.core.domain.Task;
import org.irmer.entitlement.core.domain.TaskCause;
import org.irmer.entitlement.core.domain.TaskDecision;
import org.irmer.entitlement.core.domain.TaskId;
import org.irmer.entitlement.core.domain.TaskKind;
import org.irmer.entitlement.core.domain.TaskQuery;
import org.irmer.entitlement.core.domain.TaskState;
import org.irmer.entitlement.core.port.out.ConcurrentChangeException;
import org.irmer.entitlement.core.port.out.DuplicateRecordException;
import org.irmer.entitlement.core.port.out.TaskStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link TaskStore}: every version of a task kept, with optimistic concurrency;
 * at most one task per cause key, so that a raise is idempotent even when raced; queries by
 * employer, referrer, state, kind and due date, sorted by due date then id (principles 1 and 6).
 */
public abstract class TaskStoreContract {

  private static final Actor DELEGATE = Actor.person(PersonId.of("D1"));

  private TaskStore store;

  /**
   * An empty {@code TaskStore}, sharing nothing with any returned before: a new database schema, a
   * truncated one, or a new object. Called once before each test, on a new test instance.
   */
  protected abstract TaskStore newStore();

  @BeforeEach
  final void createStore() {
    store = newStore();
    checkState(store != null, "newStore() returned null");
  }

  /**
   * Versions, optimistic concurrency and history of tasks. A first version is raised; a raise
   * that finds its cause already stored reports it here as the duplicate it is.
   */
  @Nested
  class Versions extends HistoryKeepingRecordChecks<Task> {

    @Override
    Task record(String id) {
      return task(id, "P1", "RX1", D0);
    }

    @Override
    Task variant(Task task, int n) {
      return Task.builder().from(task).dueOn(task.dueOn().plusDays(n)).build();
    }

    @Override
    Task withVersion(Task task, long version) {
      return Task.builder().from(task).version(version).build();
    }

    @Override
    long version(Task task) {
      return task.version();
    }

    @Override
    Task save(Task task, long expectedVersion) {
      if (expectedVersion == 0) {
        return store.raise(task)
            .orElseThrow(() -> new DuplicateRecordException("task " + task.id()));
      }
      return store.save(task, expectedVersion);
    }

    @Override
    Optional<Task> find(Task task) {
      return store.find(task.id());
    }

    @Override
    ImmutableList<Task> listing(Task task) {
      return store.query(TaskQuery.builder().employer(task.employer()).build()).stream()
          .sorted(Comparator.comparing(Task::id))
          .collect(ImmutableList.toImmutableList());
    }

    @Override
    ImmutableList<Task> history(Task task) {
      return store.history(task.id());
    }
  }

  @Test
  void raisesANewCauseAsVersionOneAndFindsItByIdAndByCause() {
    Task raised = store.raise(task("T1", "P1", "RX1", D0)).orElseThrow();

    assertThat(raised).isEqualTo(Task.builder().from(task("T1", "P1", "RX1", D0)).version(1).build());
    assertThat(store.find(TaskId.of("T1"))).contains(raised);
    assertThat(store.forCause("REVIEW_DUE/T1")).contains(raised);
    assertThat(store.forCause("REVIEW_DUE/unknown")).isEmpty();
  }

  @Test
  void raisesNothingForACauseAlreadyRaisedWhateverTheIdAndStateOfTheTaskStored() {
    Task first = store.raise(task("T1", "P1", "RX1", D0)).orElseThrow();
    Task decided = store.save(first.decided(TaskDecision.KEEP, DELEGATE, T0.plusSeconds(60),
        "kept after review"), 1);
    Task sameCause = Task.builder().from(task("T2", "P1", "RX1", D0.plusDays(3)))
        .cause(first.cause()).build();

    assertThat(store.raise(sameCause)).isEmpty();
    assertThat(store.raise(first)).isEmpty();

    assertThat(store.find(TaskId.of("T2"))).isEmpty();
    assertThat(store.forCause(first.cause().key())).contains(decided);
    assertThat(store.query(TaskQuery.all())).containsExactly(decided);
  }

  @Test
  void refusesANewCauseUnderAnIdAlreadyTakenAndWritesNothing() {
    Task first = store.raise(task("T1", "P1", "RX1", D0)).orElseThrow();
    Task otherCause = Task.builder().from(first).version(0)
        .cause(TaskCause.of("REVIEW_DUE/other", "another review")).build();

    assertThatThrownBy(() -> store.raise(otherCause)).isInstanceOf(DuplicateRecordException.class);

    assertThat(store.forCause("REVIEW_DUE/other")).isEmpty();
    assertThat(store.history(first.id())).containsExactly(first);
  }

  @Test
  void storesOneTaskWhenRacersRaiseTheSameCauseUnderDifferentIds() {
    for (int round = 0; round < 5; round++) {
      String cause = "LOW_ACTIVITY/round-" + round;
      String prefix = "R" + round + "-";
      List<Concurrently.Outcome<Optional<Task>>> outcomes = Concurrently.run(8,
          racer -> store.raise(Task.builder().from(task(prefix + racer, "P1", "RX1", D0))
              .cause(TaskCause.of(cause, "raced")).build()));

      assertThat(outcomes).allSatisfy(outcome -> assertThat(outcome.failure()).isNull());
      long stored = outcomes.stream().filter(outcome -> outcome.value().isPresent()).count();
      assertThat(stored).as("round %s", round).isEqualTo(1);
      assertThat(store.query(TaskQuery.all()).stream()
          .filter(task -> task.cause().key().equals(cause))).hasSize(1);
    }
  }

  @Test
  void refusesToRaiseATaskThatIsNotOpen() {
    Task decided = task("T1", "P1", "RX1", D0)
        .decided(TaskDecision.KEEP, DELEGATE, T0.plusSeconds(1), "kept");

    assertThatThrownBy(() -> store.raise(decided)).isInstanceOf(IllegalArgumentException.class);
    assertThat(store.find(decided.id())).isEmpty();
  }

  @Test
  void keepsADecisionWithEveryFieldAndTheDecidedInstantToTheMicrosecond() {
    Task raised = store.raise(task("T1", "P1", "RX1", D0)).orElseThrow();
    Task decided = raised.decided(TaskDecision.SUSPEND, DELEGATE,
        T0.plus(Duration.ofNanos(1_000_999)), AWKWARD_TEXT);

    Task saved = store.save(decided, 1);

    Task expected = Task.builder().from(decided).version(2)
        .decidedAt(T0.plus(Duration.ofNanos(1_000_000))).build();
    assertThat(saved).isEqualTo(expected);
    assertThat(store.find(raised.id())).contains(expected);
    assertThat(store.history(raised.id())).containsExactly(raised, expected);
  }

  @Test
  void keepsTheRaisedInstantToTheMicrosecondDroppingFinerDigits() {
    Task finer = Task.builder().from(task("T1", "P1", "RX1", D0))
        .createdAt(T0.plus(Duration.ofNanos(999))).build();

    Task raised = store.raise(finer).orElseThrow();

    assertThat(raised.createdAt()).isEqualTo(T0);
    assertThat(store.find(finer.id()).orElseThrow().createdAt()).isEqualTo(T0);
  }

  @Test
  void refusesToChangeTheCauseOfAStoredTask() {
    Task raised = store.raise(task("T1", "P1", "RX1", D0)).orElseThrow();
    Task recaused = Task.builder().from(raised).cause(TaskCause.of("other", "other")).build();

    assertThatThrownBy(() -> store.save(recaused, 1)).isInstanceOf(IllegalArgumentException.class);
    assertThat(store.history(raised.id())).containsExactly(raised);
  }

  @Test
  void refusesASaveAtVersionZeroAsACallersMistake() {
    assertThatThrownBy(() -> store.save(task("T1", "P1", "RX1", D0), 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(store.find(TaskId.of("T1"))).isEmpty();
  }

  @Test
  void refusesADecisionOnAStaleVersion() {
    Task raised = store.raise(task("T1", "P1", "RX1", D0)).orElseThrow();
    Task first = store.save(raised.cancelled(Actor.system("compliance-sweep"), T0, "ended"), 1);

    assertThatThrownBy(() -> store.save(
        raised.decided(TaskDecision.KEEP, DELEGATE, T0, "late"), 1))
        .isInstanceOf(ConcurrentChangeException.class);
    assertThat(store.find(raised.id())).contains(first);
  }

  @Test
  void answersEachCriterionOfAQueryAndSortsByDueDateThenId() {
    Task late = store.raise(task("T1", "P1", "RX1", D0.plusDays(10))).orElseThrow();
    Task early = store.raise(task("T3", "P2", "RX1", D0)).orElseThrow();
    Task sameDay = store.raise(task("T2", "P1", "RX1", D0)).orElseThrow();
    Task elsewhere = store.raise(Task.builder().from(task("T4", "P1", "RX2", D0.plusDays(1)))
        .kind(TaskKind.LOW_ACTIVITY).build()).orElseThrow();
    Task decided = store.save(sameDay.decided(TaskDecision.KEEP, DELEGATE, T0, "kept"), 1);

    assertThat(store.query(TaskQuery.all())).containsExactly(decided, early, elsewhere, late);
    assertThat(store.query(TaskQuery.builder().employer(EmployerId.of("RX1")).build()))
        .containsExactly(decided, early, late);
    assertThat(store.query(TaskQuery.builder().referrer(PersonId.of("P1")).build()))
        .containsExactly(decided, elsewhere, late);
    assertThat(store.query(TaskQuery.builder().state(TaskState.OPEN).build()))
        .containsExactly(early, elsewhere, late);
    assertThat(store.query(TaskQuery.builder().state(TaskState.DECIDED).build()))
        .containsExactly(decided);
    assertThat(store.query(TaskQuery.builder().kind(TaskKind.LOW_ACTIVITY).build()))
        .containsExactly(elsewhere);
    assertThat(store.query(TaskQuery.builder().dueBefore(D0.plusDays(1)).build()))
        .containsExactly(decided, early);
    assertThat(store.query(TaskQuery.openAt(EmployerId.of("RX1")))).containsExactly(early, late);
    assertThat(store.query(TaskQuery.builder().employer(EmployerId.of("unknown")).build())).isEmpty();
  }

  @Test
  void countsTheTasksRaisedAtAnEmployerInEveryState() {
    assertThat(store.countAt(EmployerId.of("RX1"))).isZero();
    Task raised = store.raise(task("T1", "P1", "RX1", D0)).orElseThrow();
    store.raise(task("T2", "P1", "RX1", D0));
    store.raise(task("T3", "P1", "RX2", D0));
    store.save(raised.decided(TaskDecision.KEEP, DELEGATE, T0, "kept"), 1);

    assertThat(store.countAt(EmployerId.of("RX1"))).isEqualTo(2);
    assertThat(store.countAt(EmployerId.of("RX2"))).isEqualTo(1);
  }
}
