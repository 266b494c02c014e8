package org.irmer.entitlement.core.port.out;

import java.util.function.Supplier;

/**
 * Runs a unit of work atomically: the writes of a lifecycle command and its audit record commit
 * together or not at all (ARCHITECTURE.md, flow 2).
 *
 * <p>Contract:
 *
 * <ul>
 *   <li>The ports of the same adapter that are written to (its stores, audit trail, notification
 *       outbox and change feed) join the unit of work of the calling thread: what the work writes
 *       through them commits when the work returns and is undone when it throws. The work reads its
 *       own writes. Writes made outside any unit of work commit at once.
 *   <li>{@code inTransaction} returns what the work returned. Whatever the work throws, an
 *       unchecked exception, a checked one thrown past the compiler or an {@link Error}, rolls the
 *       unit back and is rethrown unchanged (the same object).
 *   <li>Other threads (and other nodes over the same database) never see an uncommitted write:
 *       what they read is the state before the unit of work or, once it has committed, the state
 *       after it, never a write of a unit still open or rolled back. An adapter gives this by
 *       isolation (a database's READ COMMITTED) or by making readers on other threads wait until
 *       the open unit ends.
 *   <li>A call made on a thread that is already inside a unit of work joins it. The nested work
 *       runs in the same unit and sees its writes; nothing commits when the nested call returns,
 *       and everything commits or rolls back with the outermost unit only. An exception from the
 *       nested work passes through the nested call unchanged and rolls back nothing by itself:
 *       there are no savepoints, so outer work that catches it and returns normally commits every
 *       write made before it, the nested work's included.
 *   <li>A unit of work belongs to its thread: a unit begun on another thread is another unit.
 *       Rolling one back never undoes what another thread wrote meanwhile, inside a unit of its own
 *       or outside any.
 *   <li>Inside a unit of work the stores keep their own contracts (the package's): a new record is
 *       saved with expected version 0 and stored as version 1; an id already stored raises {@link
 *       DuplicateRecordException}, a stale version {@link ConcurrentChangeException}; either,
 *       left to propagate, rolls the unit back like any other exception.
 * </ul>
 *
 * @throws StoreUnavailableException when the unit of work cannot be begun or committed; nothing is
 *     then committed
 */
public interface Transactions {

  /**
   * Runs {@code work} in one transaction and returns its result. An exception from {@code work}
   * rolls everything back and is rethrown.
   */
  <T> T inTransaction(Supplier<T> work);

  /**
   * Runs {@code work}, which only reads, on one consistent view of what was committed when it
   * began: no unit of work still open, and nothing committed while it runs, is seen. A database
   * adapter may run it on a connection of its own, apart from the writers, so that a long read
   * (compiling a snapshot of the whole register) never holds up their commits. Called inside a
   * unit of work, it joins that unit. The default runs it as a unit of work.
   */
  default <T> T reading(Supplier<T> work) {
    return inTransaction(work);
  }

  /**
   * Runs {@code work} as a unit of work that the adapter may commit together with the units other
   * threads submit at the same time (group commit), for small, frequent units such as a recorded
   * check: each caller still returns only once its own unit is durable, or throws. Because a failed
   * unit can take the others of its group back with it, an adapter may run {@code work} more than
   * once; it must therefore act only through the adapter's ports, never on anything else. Called
   * inside a unit of work, it joins that unit. The default runs it as a unit of work of its own.
   */
  default <T> T inGroupCommit(Supplier<T> work) {
    return inTransaction(work);
  }
}
