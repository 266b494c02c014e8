/**
 * In-memory implementations of every driven port, for tests, demos and embedding without a
 * database. Thread-safe, with full history. {@link org.irmer.entitlement.adapter.memory.InMemoryRegister}
 * is the one public entry point; the implementations are package-private.
 */
@NullMarked
package org.irmer.entitlement.adapter.memory;

import org.jspecify.annotations.NullMarked;
