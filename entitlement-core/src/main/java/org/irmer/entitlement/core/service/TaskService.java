package org.irmer.entitlement.core.service;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.irmer.entitlement.core.domain.Application;
import org.irmer.entitlement.core.domain.CommandContext;
import org.irmer.entitlement.core.domain.CommandResult;
import org.irmer.entitlement.core.domain.Entitlement;
import org.irmer.entitlement.core.domain.EntitlementId;
import org.irmer.entitlement.core.domain.EntitlementStatus;
import org.irmer.entitlement.core.domain.Refusal;
import org.irmer.entitlement.core.domain.RefusalCode;
import org.irmer.entitlement.core.domain.Task;
import org.irmer.entitlement.core.domain.TaskDecision;
import org.irmer.entitlement.core.domain.TaskId;
import org.irmer.entitlement.core.domain.TaskQuery;
import org.irmer.entitlement.core.port.in.ManageApplications;
import org.irmer.entitlement.core.port.in.ManageEntitlements;
import org.irmer.entitlement.core.port.in.ManageTasks;
import org.irmer.entitlement.core.port.out.DelegationStore;
import org.irmer.entitlement.core.port.out.EmployerStore;
import org.irmer.entitlement.core.port.out.EntitlementStore;
import org.irmer.entitlement.core.port.out.TaskStore;

/**
 * The delegates' work (principles 1 and 6), over the task store and the lifecycle services whose
 * commands decisions run; the contract is stated on {@link ManageTasks}.
 *
 * <p>A decision and the command it runs are one unit of work: the command joins the decision's
 * unit, so a refused command, or a task someone else decided first, rolls back both, and only the
 * {@code decide-task} refusal, naming every reason, is recorded.
 */
public final class TaskService implements ManageTasks {

  private final TaskStore tasks;
  private final EmployerStore employers;
  private final EntitlementStore entitlements;
  private final ManageEntitlements lifecycle;
  private final ManageApplications applications;
  private final Delegates delegates;
  private final CommandRunner runner;

  /**
   * The service over these ports, running decisions through {@code lifecycle} and {@code
   * applications}; {@code work} makes each decision one audited unit of work.
   */
  public TaskService(
      TaskStore tasks,
      EmployerStore employers,
      DelegationStore delegations,
      EntitlementStore entitlements,
      ManageEntitlements lifecycle,
      ManageApplications applications,
      UnitOfWork work) {
    this.tasks = checkNotNull(tasks, "tasks");
    this.employers = checkNotNull(employers, "employers");
    this.entitlements = checkNotNull(entitlements, "entitlements");
    this.lifecycle = checkNotNull(lifecycle, "lifecycle");
    this.applications = checkNotNull(applications, "applications");
    this.delegates = new Delegates(checkNotNull(delegations, "delegations"));
    this.runner = new CommandRunner(work);
  }

  @Override
  public ImmutableList<Task> list(TaskQuery query) {
    return tasks.query(checkNotNull(query, "query"));
  }

  @Override
  public Optional<Task> find(TaskId id) {
    return tasks.find(checkNotNull(id, "id"));
  }

  @Override
  public ImmutableList<Task> history(TaskId id) {
    return tasks.history(checkNotNull(id, "id"));
  }

  @Override
  public CommandResult<Task> decide(TaskId id, TaskDecision decision, CommandContext context) {
    checkNotNull(id, "id");
    checkNotNull(decision, "decision");
    checkNotNull(context, "context");
    return runner.run(
        Action.DECIDE_TASK,
        id.value(),
        context,
        () -> tasks.find(id),
        found -> found.map(States::of),
        found -> {
          if (found.isEmpty()) {
            return CommandOutcome.refused(RefusalCode.NOT_FOUND, "task " + id + " is not known");
          }
          Task task = found.get();
          List<Refusal> refusals = refusals(task, decision, context);
          if (!refusals.isEmpty()) {
            return CommandOutcome.refused(refusals);
          }
          CommandContext command =
              new CommandContext(
                  context.actor(),
                  context.at(),
                  "task " + task.id() + " (" + task.kind() + ") decided " + decision + ": "
                      + context.cause());
          List<CommandResult<?>> ran = run(task, decision, command);
          List<Refusal> commandRefusals =
              ran.stream().flatMap(result -> result.refusals().stream()).toList();
          if (!commandRefusals.isEmpty()) {
            return CommandOutcome.refused(commandRefusals);
          }
          Task decided =
              tasks.save(
                  task.decided(decision, context.actor(), context.at(), context.cause()),
                  task.version());
          return CommandOutcome.accepted(decided)
              .with("decision", decision.name())
              .with("ran", ran.stream().map(result -> describe(result.value())).toList().toString())
              .raising(ran.stream().flatMap(result -> result.tasksRaised().stream()).toList());
        });
  }

  private List<Refusal> refusals(Task task, TaskDecision decision, CommandContext context) {
    List<Refusal> refusals = new ArrayList<>();
    LocalDate date =
        context.at().atZone(Employers.zoneOf(employers, task.employer())).toLocalDate();
    if (delegates.of(context.actor(), task.employer(), date).isEmpty()) {
      refusals.add(Delegates.notADelegate(context.actor(), task.employer(), date));
    }
    if (!task.isOpen()) {
      refusals.add(
          Refusal.of(
              RefusalCode.ILLEGAL_TRANSITION, "task " + task.id() + " is " + task.state()));
    }
    if (!task.kind().allows(decision)) {
      refusals.add(
          Refusal.of(
              RefusalCode.INVALID_REQUEST,
              "a " + task.kind() + " task allows " + task.kind().decisions() + ", not "
                  + decision));
    }
    return refusals;
  }

  /** Runs the lifecycle command {@code decision} calls for; nothing for {@code KEEP}. */
  private List<CommandResult<?>> run(Task task, TaskDecision decision, CommandContext context) {
    return switch (decision) {
      case KEEP -> List.of();
      case SUSPEND -> suspensionTargets(task).stream()
          .<CommandResult<?>>map(entitlement -> lifecycle.suspend(entitlement, context))
          .toList();
      case REVOKE -> List.of(lifecycle.revoke(task.entitlement().orElseThrow(), context));
      case START_REVIEW -> List.of(applications.startReview(task.application().orElseThrow(), context));
      case REQUEST_INFORMATION ->
          List.of(applications.requestInformation(task.application().orElseThrow(), context));
      case APPROVE -> List.of(applications.approve(task.application().orElseThrow(), context));
      case REFUSE -> List.of(applications.refuse(task.application().orElseThrow(), context));
    };
  }

  private static String describe(Object changed) {
    if (changed instanceof Entitlement entitlement) {
      return entitlement.id() + " " + States.of(entitlement);
    }
    if (changed instanceof Application application) {
      return application.id() + " " + States.of(application);
    }
    return changed.getClass().getSimpleName();
  }

  /**
   * The entitlement the task names, or, for a task about the referrer at the employer (a
   * suspension review), each of their {@code ACTIVE} entitlements there.
   */
  private List<EntitlementId> suspensionTargets(Task task) {
    if (task.entitlement().isPresent()) {
      return List.of(task.entitlement().get());
    }
    return entitlements.forPerson(task.referrer()).stream()
        .filter(entitlement -> entitlement.employer().equals(task.employer())
            && entitlement.status() == EntitlementStatus.ACTIVE)
        .map(Entitlement::id)
        .toList();
  }
}
