/**
 * The library's entry point: {@link org.irmer.entitlement.rules.wiring.EntitlementRegister} wires
 * the lifecycle services, the live compiled engine, the recorded checks and the compliance sweep
 * from the driven ports an adapter offers.
 */
@NullMarked
package org.irmer.entitlement.rules.wiring;

import org.jspecify.annotations.NullMarked;
