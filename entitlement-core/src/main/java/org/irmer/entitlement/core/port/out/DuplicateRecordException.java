package org.irmer.entitlement.core.port.out;

/**
 * A record was saved as new (expected version 0, or added to an append-only store) with an id that
 * is already stored. Unlike a {@link ConcurrentChangeException} this is not a race to re-read and
 * retry: the caller chose an id that is taken. Nothing was written.
 */
public class DuplicateRecordException extends EntitlementException {

  private final String record;

  public DuplicateRecordException(String record) {
    super(record + " is already stored: a new record needs an id of its own");
    this.record = record;
  }

  /** The kind and id of the record, for example {@code entitlement E1}. */
  public String record() {
    return record;
  }
}
