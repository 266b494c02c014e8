package org.irmer.entitlement.core.service;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableSortedMap;
import java.util.Collection;
import org.irmer.entitlement.core.domain.CommandResult;
import org.irmer.entitlement.core.domain.Refusal;
import org.irmer.entitlement.core.domain.RefusalCode;
import org.irmer.entitlement.core.domain.TaskId;

/**
 * What the body of a command decided: the value it produced, with the facts worth recording in the
 * audit trail, or every reason it was refused. {@link CommandRunner} turns it into the {@link
 * CommandResult} the caller sees and the audit record the trail keeps.
 */
final class CommandOutcome<T> {

  private final CommandResult<T> result;
  private final ImmutableSortedMap<String, String> details;

  private CommandOutcome(CommandResult<T> result, ImmutableSortedMap<String, String> details) {
    this.result = result;
    this.details = details;
  }

  static <T> CommandOutcome<T> accepted(T value) {
    return new CommandOutcome<>(CommandResult.accepted(value), ImmutableSortedMap.of());
  }

  /** A refusal with every reason in {@code refusals}, which must not be empty. */
  static <T> CommandOutcome<T> refused(Collection<Refusal> refusals) {
    return new CommandOutcome<>(CommandResult.refused(refusals), ImmutableSortedMap.of());
  }

  static <T> CommandOutcome<T> refused(RefusalCode code, String message) {
    return new CommandOutcome<>(CommandResult.refused(code, message), ImmutableSortedMap.of());
  }

  /** This outcome with one more detail for the audit record; a later value for a key wins. */
  CommandOutcome<T> with(String key, String value) {
    checkNotNull(key, "key");
    checkNotNull(value, "value");
    ImmutableSortedMap.Builder<String, String> more = ImmutableSortedMap.naturalOrder();
    details.forEach(
        (existing, detail) -> {
          if (!existing.equals(key)) {
            more.put(existing, detail);
          }
        });
    return new CommandOutcome<>(result, more.put(key, value).build());
  }

  /** This accepted outcome, also naming the tasks {@code raised} in the same unit of work. */
  CommandOutcome<T> raising(Iterable<TaskId> raised) {
    return new CommandOutcome<>(result.withTasksRaised(raised), details);
  }

  CommandResult<T> result() {
    return result;
  }

  ImmutableSortedMap<String, String> details() {
    return details;
  }
}
