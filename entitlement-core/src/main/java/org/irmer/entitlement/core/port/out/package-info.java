/**
 * Driven ports: what the core drives. Stores keep every version and write with optimistic
 * concurrency; catalogues and directories are read-only; the audit trail is append-only.
 *
 * <p>Contracts common to every port here: "not found" is an empty {@code Optional} or an empty
 * list, never null and never an exception; infrastructure failures raise
 * {@link org.irmer.entitlement.core.port.out.StoreUnavailableException}. Every implementation is
 * thread-safe.
 *
 * <p>Records written with optimistic concurrency are saved with the version the caller read: 0
 * for a record not stored yet. The store ignores the version the value itself carries and saves
 * it with the next one, {@code expectedVersion + 1}; a first save is version 1. A write whose
 * expected version is not the latest (an existing record saved with 0, a record never stored
 * saved with 1, a stale or a future version) raises
 * {@link org.irmer.entitlement.core.port.out.ConcurrentChangeException}, naming the version
 * expected and the latest (0 when there is none), and changes nothing. A negative expected version
 * is a caller's mistake: {@code IllegalArgumentException}. Append-only records (training,
 * compliance events, audit records) are added once: a second record with an id already stored,
 * whoever it is about, raises {@code ConcurrentChangeException} and leaves the first as it was.
 *
 * <p>Writes join the caller's unit of work, as {@link org.irmer.entitlement.core.port.out.Transactions}
 * says.
 */
@NullMarked
package org.irmer.entitlement.core.port.out;

import org.jspecify.annotations.NullMarked;
