package org.irmer.entitlement.core.domain;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

/**
 * The first place an audit trail fails verification: the sequence of the record (or of the
 * checkpoint, for {@link TrailDefect#BAD_SIGNATURE} and {@link TrailDefect#CHECKPOINT_MISMATCH}),
 * what is wrong there, and a message in plain words that names the hashes or sequences involved.
 */
public record BrokenLink(long sequence, TrailDefect defect, String message) {

  public BrokenLink {
    checkArgument(sequence >= 0, "sequence is not negative: %s", sequence);
    checkNotNull(defect, "defect");
    checkArgument(message != null && !message.isBlank(), "a broken link says what is wrong");
  }

  @Override
  public String toString() {
    return "record " + sequence + ": " + defect + " (" + message + ")";
  }
}
