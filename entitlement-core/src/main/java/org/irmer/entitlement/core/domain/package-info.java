/**
 * The domain of IR(ME)R referrer entitlement: immutable values, enums and the state machines of
 * applications and entitlements (DOMAIN.md section 4). No I/O.
 */
@DomainStyle
@NullMarked
package org.irmer.entitlement.core.domain;

import org.jspecify.annotations.NullMarked;
