package org.irmer.entitlement.core.port.out;

/**
 * A write named an expected version that is no longer the latest: someone else changed the record
 * first. Nothing was written; the caller re-reads and decides again. This is how a lost update is
 * made impossible.
 */
public class ConcurrentChangeException extends EntitlementException {

  private final String record;
  private final long expectedVersion;
  private final long actualVersion;

  public ConcurrentChangeException(String record, long expectedVersion, long actualVersion) {
    super(String.format(java.util.Locale.ROOT, "%s was changed concurrently: expected version %d, found %d",
        record, expectedVersion, actualVersion));
    this.record = record;
    this.expectedVersion = expectedVersion;
    this.actualVersion = actualVersion;
  }

  public String record() {
    return record;
  }

  public long expectedVersion() {
    return expectedVersion;
  }

  public long actualVersion() {
    return actualVersion;
  }
}
