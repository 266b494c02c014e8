package org.irmer.entitlement.core.port.out;

/**
 * A store holds something that is not a valid record (for example, a database row edited by hand).
 * Reads fail rather than return a value the store does not prove; callers treat it like any other
 * unreadable store and fail closed (principle 9).
 */
public class CorruptRecordException extends StoreUnavailableException {

  public CorruptRecordException(String message) {
    super(message);
  }

  public CorruptRecordException(String message, Throwable cause) {
    super(message, cause);
  }
}
