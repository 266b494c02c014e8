package org.irmer.entitlement.rules.compiled;

import org.irmer.entitlement.core.domain.Entitlement;
import org.irmer.entitlement.core.domain.GroupCriteria;
import org.irmer.entitlement.core.domain.MatchedRule;
import org.irmer.entitlement.core.domain.Person;

/**
 * A live group referrer entitlement of an employer, compiled: its criteria as bit masks and a
 * {@link Program} of one block. Its permits are prepared in the slice of each person its
 * regulators and professions admit (so that every permit belongs to one referrer's program, see
 * {@link PermitOrigin}); {@link #matched} says what they name.
 */
final class GroupEntitlement {

  final Entitlement entitlement;
  /** Its position among all the snapshot's group entitlements, which the referrers' programs name. */
  final int number;
  final int[] program;
  /** The rule each of its permits names, by {@link Program#permit}. */
  final MatchedRule[] matched;
  /** The version of its employer's procedures its rules were compiled under. */
  final int proceduresVersion;
  /** Whether one of its dates has no packed day, so that its program must not be read. */
  final boolean beyondPackedDays;
  private final int regulators;
  /** The professions admitted, by ordinal; 0 when the criteria name none (any profession). */
  private final int professions;
  private final boolean requiresRole;

  GroupEntitlement(Entitlement entitlement, int number, int[] program, MatchedRule[] matched,
      int proceduresVersion, boolean beyondPackedDays) {
    GroupCriteria criteria = entitlement.subject().group().orElseThrow();
    this.entitlement = entitlement;
    this.number = number;
    this.program = program;
    this.matched = matched;
    this.proceduresVersion = proceduresVersion;
    this.beyondPackedDays = beyondPackedDays;
    this.regulators = Masks.of(criteria.regulators());
    this.professions = Masks.of(criteria.professions());
    this.requiresRole = criteria.requiresRoleAtEmployer();
  }

  /** Whether the criteria's regulators and professions admit the person, whatever the day. */
  boolean admits(Person person) {
    return person.registration()
        .map(registration -> Masks.has(regulators, registration.regulator().ordinal()))
        .orElse(false)
        && (professions == 0 || Masks.has(professions, person.profession().ordinal()));
  }

  /**
   * Whether the criteria cover the referrer on {@code day}: registered with one of the
   * regulators, of one of the professions when any are named, holding a role at the employer
   * numbered {@code employer} when required.
   */
  boolean covers(int[] referrer, int employer, int day) {
    int regulator = Program.regulator(referrer);
    return regulator >= 0 && Masks.has(regulators, regulator)
        && (professions == 0 || Masks.has(professions, Program.profession(referrer)))
        && (!requiresRole || Program.holdsRole(referrer, employer, day));
  }
}
