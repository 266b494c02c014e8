package org.irmer.entitlement.core.domain;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

/**
 * A row of a referral log that could not be read as a request, and so was not audited: the line
 * of the file it starts on (from 1) and why, in plain words without patient identifiers beyond
 * what the row's own value shows.
 */
public record SkippedRow(long line, String why) {

  public SkippedRow {
    checkArgument(line >= 1, "line must be at least 1: %s", line);
    checkNotNull(why, "why");
    checkArgument(!why.isBlank(), "why must not be blank");
  }

  @Override
  public String toString() {
    return "line " + line + ": " + why;
  }
}
