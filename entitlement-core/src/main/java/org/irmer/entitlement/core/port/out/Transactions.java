package org.irmer.entitlement.core.port.out;

import java.util.function.Supplier;

/**
 * Runs a unit of work atomically: the writes of a lifecycle command and its audit record commit
 * together or not at all (ARCHITECTURE.md, flow 2).
 */
public interface Transactions {

  /**
   * Runs {@code work} in one transaction and returns its result. An exception from {@code work}
   * rolls everything back and is rethrown.
   */
  <T> T inTransaction(Supplier<T> work);
}
