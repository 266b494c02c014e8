package org.irmer.entitlement.core.port.out;

/**
 * The root of the library's unchecked infrastructure failures (ARCHITECTURE.md, error model).
 * Domain outcomes are values, never exceptions; each adapter has its own subclass, and no
 * {@code SQLException} or parser exception crosses a port.
 */
public abstract class EntitlementException extends RuntimeException {

  protected EntitlementException(String message) {
    super(message);
  }

  protected EntitlementException(String message, Throwable cause) {
    super(message, cause);
  }
}
