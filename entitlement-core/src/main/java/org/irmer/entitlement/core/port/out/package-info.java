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
 * is a caller's mistake: {@code IllegalArgumentException}. Saving with 0 a record whose id is
 * already stored raises {@link org.irmer.entitlement.core.port.out.DuplicateRecordException}
 * instead, not a version conflict. Append-only records (training, compliance events, audit
 * records, written procedures) are added once: a second record with an id already stored, whoever
 * it is about, raises {@code DuplicateRecordException} and leaves the first as it was.
 *
 * <p>Stores keep instants to the microsecond, which every SQL timestamp holds: an instant of a
 * record saved or added (when an entitlement, application or change notice was recorded, when a
 * compliance event occurred, when a registration was checked and its status took effect) is
 * stored with its digits below the microsecond dropped, toward the past, and the value returned by
 * the save or add carries it so. A version recorded at {@code t} is in force from {@code t}
 * truncated to the microsecond, not a moment before it; as-of queries may ask about any
 * nanosecond.
 *
 * <p>Writes join the caller's unit of work, as {@link org.irmer.entitlement.core.port.out.Transactions}
 * says; other threads see none of them before the unit commits.
 */
@NullMarked
package org.irmer.entitlement.core.port.out;

import org.jspecify.annotations.NullMarked;
