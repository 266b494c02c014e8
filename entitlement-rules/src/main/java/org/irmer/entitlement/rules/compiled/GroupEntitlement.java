package org.irmer.entitlement.rules.compiled;

import org.irmer.entitlement.core.domain.EmployerId;
import org.irmer.entitlement.core.domain.Entitlement;
import org.irmer.entitlement.core.domain.GroupCriteria;

/**
 * A live group referrer entitlement of an employer, compiled: its criteria and a {@link Program} of
 * one block, with the permits of its rules prepared.
 */
final class GroupEntitlement {

  final Entitlement entitlement;
  final GroupCriteria criteria;
  final int[] program;
  final Verdict[] permits;
  /** Whether one of its dates has no packed day, so that its program must not be read. */
  final boolean beyondPackedDays;

  GroupEntitlement(Entitlement entitlement, int[] program, Verdict[] permits, boolean beyondPackedDays) {
    this.entitlement = entitlement;
    this.criteria = entitlement.subject().group().orElseThrow();
    this.program = program;
    this.permits = permits;
    this.beyondPackedDays = beyondPackedDays;
  }

  /**
   * Whether the criteria cover the person on {@code day}: registered with one of the regulators,
   * of one of the professions when any are named, holding a role at the employer when required.
   */
  boolean covers(ReferrerSlice slice, EmployerId employer, int day) {
    if (slice.regulator == null || !criteria.regulators().contains(slice.regulator)) {
      return false;
    }
    if (!criteria.professions().isEmpty() && !criteria.professions().contains(slice.person.profession())) {
      return false;
    }
    return !criteria.requiresRoleAtEmployer() || slice.holdsRoleAt(employer, day);
  }
}
