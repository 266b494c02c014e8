package org.irmer.entitlement.rules.compiled;

import org.irmer.entitlement.core.domain.EmployerId;
import org.irmer.entitlement.core.domain.Entitlement;
import org.irmer.entitlement.core.domain.EntitlementStatus;
import org.irmer.entitlement.core.domain.GroupCriteria;
import org.jspecify.annotations.Nullable;

/** A live referrer entitlement with its rules compiled in canonical (rule id) order. */
final class CompiledEntitlement {

  final Entitlement entitlement;
  final EmployerId employer;
  final boolean active;
  final int validFrom;
  final int validTo;
  /** The epoch day the review falls due, or {@link Integer#MAX_VALUE}. */
  final int reviewDue;
  final @Nullable GroupCriteria group;
  /** Empty when the employer's procedures could not be read: such an entitlement never permits fast. */
  final CompiledRule[] rules;

  CompiledEntitlement(Entitlement entitlement, CompiledRule[] rules) {
    this.entitlement = entitlement;
    this.employer = entitlement.employer();
    this.active = entitlement.status() == EntitlementStatus.ACTIVE;
    this.validFrom = (int) entitlement.validFrom().toEpochDay();
    this.validTo = (int) entitlement.validTo().toEpochDay();
    this.reviewDue = entitlement.reviewDue().map(due -> (int) due.toEpochDay()).orElse(Integer.MAX_VALUE);
    this.group = entitlement.subject().group().orElse(null);
    this.rules = rules;
  }

  boolean isInForce(int day) {
    return active && day >= validFrom && day <= validTo;
  }
}
