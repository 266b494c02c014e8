package org.irmer.entitlement.core.domain;

/** A piece of work for an employer's delegates ({@link Task}). */
public record TaskId(String value) implements Comparable<TaskId> {

  /** Rejects blank codes and surrounding white space, which would make two ids of one thing. */
  public TaskId {
    Codes.check(value, "TaskId");
  }

  public static TaskId of(String value) {
    return new TaskId(value);
  }

  @Override
  public int compareTo(TaskId other) {
    return value.compareTo(other.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
