/**
 * Driven ports: what the core drives. Stores keep every version and write with optimistic
 * concurrency; catalogues and directories are read-only; the audit trail is append-only.
 *
 * <p>Contracts common to every port here: "not found" is an empty {@code Optional} or an empty
 * list, never null and never an exception; infrastructure failures raise
 * {@link org.irmer.entitlement.core.port.out.StoreUnavailableException}; a write whose expected
 * version is not the latest raises {@link org.irmer.entitlement.core.port.out.ConcurrentChangeException}
 * and changes nothing. Every implementation is thread-safe.
 */
@NullMarked
package org.irmer.entitlement.core.port.out;

import org.jspecify.annotations.NullMarked;
