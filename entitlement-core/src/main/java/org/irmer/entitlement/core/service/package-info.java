/**
 * The lifecycle services: the driving ports of {@code core.port.in} implemented over the driven
 * ports of a {@link org.irmer.entitlement.core.port.out.Register} (ARCHITECTURE.md, flows 2 and 3).
 *
 * <p>Every command runs as one unit of work: it checks who may act (principle 1), applies the state
 * machine, writes with optimistic versioning and appends its audit record in the same transaction.
 * A refused command writes nothing but its audit record. No service reads the wall clock: the
 * instant of every command is the one its {@link org.irmer.entitlement.core.domain.CommandContext}
 * carries, converted to the employer's zone wherever a date is needed.
 */
@NullMarked
package org.irmer.entitlement.core.service;

import org.jspecify.annotations.NullMarked;
