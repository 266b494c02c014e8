/**
 * Retrospective audit of referral logs (principle 10 of the 2025 guidance; ARCHITECTURE.md flow
 * 4): {@link org.irmer.entitlement.rules.audit.ReferralAuditService} judges each logged request
 * against the register as it stood at the request's own instant, with the compiled engine of the
 * request-time check, one snapshot per interval between entitlement changes.
 */
@NullMarked
package org.irmer.entitlement.rules.audit;

import org.jspecify.annotations.NullMarked;
