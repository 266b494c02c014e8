package org.irmer.entitlement.core.domain;

import static com.google.common.base.Preconditions.checkArgument;

/**
 * What raised a {@link Task}: a stable {@code key} and a description in plain words (no patient
 * identifiers). The key names the fact, not the run that found it (for example {@code
 * REVIEW_DUE/E-1/2027-03-10}), so that finding the same fact again, in the next sweep or on another
 * node, raises no second task: a task store keeps at most one task per key.
 */
public record TaskCause(String key, String description) {

  public TaskCause {
    Codes.check(key, "task cause key");
    checkArgument(
        description != null && !description.isBlank(), "task cause %s has no description", key);
  }

  public static TaskCause of(String key, String description) {
    return new TaskCause(key, description);
  }
}
