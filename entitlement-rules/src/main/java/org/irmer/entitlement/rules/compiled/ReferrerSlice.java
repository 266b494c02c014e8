package org.irmer.entitlement.rules.compiled;

import com.google.common.collect.ImmutableList;
import org.irmer.entitlement.core.domain.EmployerId;
import org.irmer.entitlement.core.domain.Entitlement;
import org.irmer.entitlement.core.domain.Person;
import org.irmer.entitlement.core.domain.PersonId;
import org.irmer.entitlement.core.domain.Regulator;
import org.irmer.entitlement.core.domain.Role;
import org.irmer.entitlement.core.domain.TrainingRecord;
import org.jspecify.annotations.Nullable;

/**
 * Everything the snapshot holds about one person: the records as the stores gave them (for the
 * explanation path and the snapshot's read-only ports) and their {@link Program}. Replaced whole
 * when the person is refreshed.
 */
final class ReferrerSlice {

  final PersonId id;
  final Person person;
  final ImmutableList<Role> roles;
  final ImmutableList<Entitlement> entitlements;
  final ImmutableList<TrainingRecord> training;

  /** The regulator the person is registered with, or null; read by group criteria. */
  final @Nullable Regulator regulator;
  /** The person's program: their live referrer entitlements, then their training. */
  final int[] program;
  /** The live referrer entitlements, by their blocks' {@link Program#B_ENTITLEMENT}. */
  final Entitlement[] compiled;
  /** The prepared permits, by {@link Program#permit}. */
  final Verdict[] permits;
  private final EmployerId[] roleEmployers;
  private final int[] roleFrom;
  private final int[] roleTo;

  ReferrerSlice(Person person, ImmutableList<Role> roles, ImmutableList<Entitlement> entitlements,
      ImmutableList<TrainingRecord> training, int[] program, Entitlement[] compiled, Verdict[] permits) {
    this.id = person.id();
    this.person = person;
    this.roles = roles;
    this.entitlements = entitlements;
    this.training = training;
    this.regulator = person.registration().map(r -> r.regulator()).orElse(null);
    this.program = program;
    this.compiled = compiled;
    this.permits = permits;
    roleEmployers = new EmployerId[roles.size()];
    roleFrom = new int[roles.size()];
    roleTo = new int[roles.size()];
    for (int i = 0; i < roles.size(); i++) {
      Role role = roles.get(i);
      roleEmployers[i] = role.employer();
      roleFrom[i] = packedDay(role.validFrom());
      roleTo[i] = role.validTo().map(ReferrerSlice::packedDay).orElse(Program.NEVER);
    }
  }

  /**
   * The date's packed day; 0 for one that has none, which is never read: the program then has
   * {@link Program#BEYOND_PACKED_DAYS}.
   */
  private static int packedDay(java.time.LocalDate date) {
    return Program.packs(date) ? (int) date.toEpochDay() : 0;
  }

  boolean holdsRoleAt(EmployerId employer, int day) {
    for (int i = 0; i < roleEmployers.length; i++) {
      if (roleEmployers[i].equals(employer) && day >= roleFrom[i] && day <= roleTo[i]) {
        return true;
      }
    }
    return false;
  }
}
