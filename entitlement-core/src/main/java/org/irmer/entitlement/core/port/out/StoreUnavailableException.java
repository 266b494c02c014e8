package org.irmer.entitlement.core.port.out;

/** A store, catalogue or directory could not be read or written. */
public class StoreUnavailableException extends EntitlementException {

  public StoreUnavailableException(String message) {
    super(message);
  }

  public StoreUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
