/**
 * Driving ports: the use cases callers drive. Domain outcomes are values (a
 * {@link org.irmer.entitlement.core.domain.ReferralDecision}, a
 * {@link org.irmer.entitlement.core.domain.CommandResult}); infrastructure failures raise
 * {@link org.irmer.entitlement.core.port.out.EntitlementException} subclasses.
 */
@NullMarked
package org.irmer.entitlement.core.port.in;

import org.jspecify.annotations.NullMarked;
