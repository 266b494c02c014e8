package org.irmer.entitlement.core.domain;

import static com.google.common.base.Preconditions.checkNotNull;

/**
 * Something a decision asks to be notified without changing it or warning the requester: training
 * lapsed under a {@code NOTIFY_ONLY} policy (principle 4). The check service passes notices to the
 * notification port.
 */
public record Notice(TrainingType training, String message) implements Comparable<Notice> {

  public Notice {
    checkNotNull(training, "training");
    Codes.check(message, "notice message");
  }

  @Override
  public int compareTo(Notice other) {
    int byTraining = training.compareTo(other.training);
    return byTraining != 0 ? byTraining : message.compareTo(other.message);
  }
}
