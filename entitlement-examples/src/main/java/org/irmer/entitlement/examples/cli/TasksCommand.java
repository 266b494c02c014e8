package org.irmer.entitlement.examples.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.irmer.entitlement.core.domain.CommandContext;
import org.irmer.entitlement.core.domain.CommandResult;
import org.irmer.entitlement.core.domain.EmployerId;
import org.irmer.entitlement.core.domain.PersonId;
import org.irmer.entitlement.core.domain.Task;
import org.irmer.entitlement.core.domain.TaskDecision;
import org.irmer.entitlement.core.domain.TaskId;
import org.irmer.entitlement.core.domain.TaskKind;
import org.irmer.entitlement.core.domain.TaskQuery;
import org.irmer.entitlement.core.domain.TaskState;
import org.irmer.entitlement.core.port.in.ManageTasks;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * The delegates' work (principles 1 and 6 of the 2025 joint guidance), through {@link
 * ManageTasks}: the tasks the compliance sweep and the lifecycle raise, listed, opened and
 * decided. Deciding one runs the lifecycle command its decision calls for; only a current delegate
 * of the task's employer may, and a refusal prints every reason and exits 1, as for the other
 * lifecycle commands.
 */
@Command(name = "tasks", mixinStandardHelpOptions = true,
    description = {"The delegates' tasks raised by the sweep and the lifecycle: list them, show one,",
        "decide one (which runs the lifecycle command the decision calls for)."},
    subcommands = {TasksCommand.ListTasks.class, TasksCommand.ShowTask.class,
        TasksCommand.DecideTask.class},
    footer = {"", "Examples:",
        "  entitlement tasks list --employer RHV --state OPEN",
        "  entitlement tasks show T-RHV-1",
        "  entitlement tasks decide T-RHV-1 KEEP --as HV-0001 --note 'reviewed with the referrer'"})
final class TasksCommand implements Runnable {

  @Spec
  CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** How a listing or a task is printed. */
  enum Format { TEXT, JSON }

  /** The tasks a query matches, sorted by due date, then by id. */
  @Command(name = "list", mixinStandardHelpOptions = true,
      description = {"Lists tasks, sorted by due date then id; each option given narrows the list."},
      footer = {"", "Examples:",
          "  entitlement tasks list --state OPEN",
          "  entitlement tasks list --employer RHV --kind REVIEW_DUE --format json"})
  static final class ListTasks extends RegisterCommand {

    @Option(names = "--employer", paramLabel = "<employer>",
        description = "Only the tasks for this employer's delegates.")
    EmployerId employer;

    @Option(names = "--referrer", paramLabel = "<person>",
        description = "Only the tasks about this referrer.")
    PersonId referrer;

    @Option(names = "--state", paramLabel = "<state>", description = "OPEN, DECIDED or CANCELLED.")
    TaskState state;

    @Option(names = "--kind", paramLabel = "<kind>",
        description = "SUSPENSION_REVIEW, LOW_ACTIVITY, TRAINING_GRACE, REVIEW_DUE, VALIDITY_ENDING"
            + " or APPLICATION_OVERDUE.")
    TaskKind kind;

    @Option(names = "--format", paramLabel = "<format>", defaultValue = "text",
        description = "text or json (tasks.schema.json); default: ${DEFAULT-VALUE}.")
    Format format;

    @Override
    int run(Session session) {
      if (employer != null) {
        LifecycleCommand.requireEmployer(session.ports(), employer);
      }
      if (referrer != null) {
        LifecycleCommand.requirePerson(session.ports(), referrer, "--referrer");
      }
      TaskQuery.Builder query = TaskQuery.builder();
      if (employer != null) {
        query.employer(employer);
      }
      if (referrer != null) {
        query.referrer(referrer);
      }
      if (state != null) {
        query.state(state);
      }
      if (kind != null) {
        query.kind(kind);
      }
      List<Task> tasks = session.register().tasks().list(query.build());
      if (format == Format.JSON) {
        ObjectNode document = Json.object();
        document.put("what", "tasks");
        ArrayNode items = document.putArray("tasks");
        tasks.forEach(task -> items.add(Json.task(task)));
        Json.print(out(), document);
      } else if (tasks.isEmpty()) {
        out().println("none");
      } else {
        tasks.forEach(task -> out().println(line(task)));
      }
      return ExitCodes.OK;
    }
  }

  /** One task as it stands, with every version. */
  @Command(name = "show", mixinStandardHelpOptions = true,
      description = {"Shows a task: what it is about, why it was raised, when it is due, the",
          "decisions it allows, and every version (its decision or cancellation)."},
      footer = {"", "Examples:", "  entitlement tasks show T-RHV-1",
          "  entitlement tasks show T-RHV-1 --format json"})
  static final class ShowTask extends RegisterCommand {

    @Parameters(paramLabel = "<task>", description = "The task's id (tasks list lists them).")
    String id;

    @Option(names = "--format", paramLabel = "<format>", defaultValue = "text",
        description = "text or json (task.schema.json); default: ${DEFAULT-VALUE}.")
    Format format;

    @Override
    int run(Session session) {
      ManageTasks tasks = session.register().tasks();
      Task task = existing(tasks, id);
      List<Task> history = tasks.history(task.id());
      if (format == Format.JSON) {
        ObjectNode document = Json.object();
        document.set("task", Json.task(task));
        ArrayNode versions = document.putArray("history");
        history.forEach(version -> versions.add(Json.task(version)));
        Json.print(out(), document);
        return ExitCodes.OK;
      }
      describe(task).forEach(out()::println);
      out().println("History:");
      history.forEach(version -> out().println("  v" + version.version() + " "
          + version.state() + " " + version.decidedAt().orElse(version.createdAt())
          + version.decidedBy().map(actor -> " by " + actor).orElse("")
          + version.decision().map(decision -> ": " + decision).orElse("")
          + version.note().map(note -> " (" + note + ")").orElse("")));
      return ExitCodes.OK;
    }
  }

  /** A delegate's decision on a task, running the lifecycle command it calls for. */
  @Command(name = "decide", mixinStandardHelpOptions = true,
      description = {"Decides a task as a delegate of its employer (principle 1) and runs the",
          "lifecycle command the decision calls for, in one unit of work: KEEP changes no status;",
          "SUSPEND, REVOKE, START_REVIEW, REQUEST_INFORMATION, APPROVE and REFUSE run the command",
          "of that name. tasks show lists the decisions a task allows."},
      footer = {"", "Examples:",
          "  entitlement tasks decide T-RHV-1 KEEP --as HV-0001 --note 'review held, scope kept'",
          "  entitlement tasks decide T-RHV-2 SUSPEND --as HV-0001 --json"})
  static final class DecideTask extends LifecycleCommand {

    @Parameters(index = "0", paramLabel = "<task>", description = "The task's id.")
    String id;

    @Parameters(index = "1", paramLabel = "<decision>",
        description = "KEEP, SUSPEND, REVOKE, START_REVIEW, REQUEST_INFORMATION, APPROVE or REFUSE.")
    TaskDecision decision;

    @Option(names = "--note", paramLabel = "<text>",
        description = "The delegate's words on the decision, kept as the task's note and in the"
            + " audit record (the same as --cause).")
    String note;

    @Override
    void validate() {
      if (note != null && cause != null) {
        throw new CliFailure(ExitCodes.USAGE,
            "--note and --cause are the same thing: give one of them");
      }
    }

    @Override
    String defaultCause() {
      return note != null ? note : "decided with the entitlement command-line tool";
    }

    @Override
    int run(Session session) {
      ManageTasks tasks = session.register().tasks();
      Task task = existing(tasks, id);
      CommandContext context = context(session);
      CommandResult<Task> result = tasks.decide(task.id(), decision, context);
      return report("tasks decide", result);
    }
  }

  private static Task existing(ManageTasks tasks, String id) {
    TaskId task;
    try {
      task = TaskId.of(id);
    } catch (IllegalArgumentException malformed) {
      throw new CliFailure(ExitCodes.USAGE, "<task> '" + id + "': " + malformed.getMessage());
    }
    return tasks.find(task).orElseThrow(() -> CliFailure.unknown("the register has no task "
        + id + " (entitlement tasks list lists them)"));
  }

  /** One line of a listing. */
  static String line(Task task) {
    return task.id() + "  " + task.state() + "  due " + task.dueOn() + "  " + task.kind()
        + " for " + task.referrer() + " at " + task.employer() + about(task) + ": "
        + task.cause().description();
  }

  /** The task described for a reader, one fact a line. */
  static List<String> describe(Task task) {
    List<String> lines = new ArrayList<>();
    lines.add("Task " + task.id() + " (v" + task.version() + "): " + task.kind() + ", "
        + task.state());
    lines.add("  referrer " + task.referrer() + " at " + task.employer() + about(task));
    lines.add("  raised " + task.createdAt() + ", due by " + task.dueOn());
    lines.add("  cause " + task.cause().key() + ": " + task.cause().description());
    if (task.isOpen()) {
      lines.add("  decisions allowed: " + String.join(", ",
          task.kind().decisions().stream().map(Enum::name).toList()));
    }
    task.decision().ifPresent(decision -> lines.add("  decided " + decision));
    task.decidedBy().ifPresent(actor -> lines.add("  by " + actor + " at "
        + task.decidedAt().orElseThrow()));
    task.note().ifPresent(note -> lines.add("  note: " + note));
    return lines;
  }

  private static String about(Task task) {
    return task.entitlement().map(id -> ", entitlement " + id)
        .or(() -> task.application().map(id -> ", application " + id)).orElse("");
  }
}
