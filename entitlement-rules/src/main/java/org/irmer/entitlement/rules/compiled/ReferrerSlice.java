package org.irmer.entitlement.rules.compiled;

import com.google.common.collect.ImmutableList;
import org.irmer.entitlement.core.domain.EmployerId;
import org.irmer.entitlement.core.domain.Entitlement;
import org.irmer.entitlement.core.domain.Person;
import org.irmer.entitlement.core.domain.Regulator;
import org.irmer.entitlement.core.domain.Role;
import org.irmer.entitlement.core.domain.TrainingRecord;
import org.irmer.entitlement.core.domain.TrainingType;

/**
 * Everything the snapshot holds about one person: the records as the stores gave them (for the
 * explanation path) and their compiled form (for the permit path). Replaced whole when the person
 * is refreshed.
 */
final class ReferrerSlice {

  final Person person;
  final ImmutableList<Role> roles;
  final ImmutableList<Entitlement> entitlements;
  final ImmutableList<TrainingRecord> training;

  final boolean registrationCurrent;
  /** The regulator the person is registered with, or null; read by group criteria. */
  final @org.jspecify.annotations.Nullable Regulator regulator;
  /** The person's live individual referrer entitlements, sorted by id. */
  final CompiledEntitlement[] individual;
  final EmployerId[] roleEmployers;
  final int[] roleFrom;
  final int[] roleTo;
  /** Training by type: completion and last valid day (MAX_VALUE when it never expires). */
  final TrainingType[] trainingTypes;
  final int[] trainingCompleted;
  final int[] trainingExpires;

  ReferrerSlice(Person person, ImmutableList<Role> roles, ImmutableList<Entitlement> entitlements,
      ImmutableList<TrainingRecord> training, CompiledEntitlement[] individual) {
    this.person = person;
    this.roles = roles;
    this.entitlements = entitlements;
    this.training = training;
    this.registrationCurrent = person.registration().map(r -> r.isCurrent()).orElse(false);
    this.regulator = person.registration().map(r -> r.regulator()).orElse(null);
    this.individual = individual;
    roleEmployers = new EmployerId[roles.size()];
    roleFrom = new int[roles.size()];
    roleTo = new int[roles.size()];
    for (int i = 0; i < roles.size(); i++) {
      Role role = roles.get(i);
      roleEmployers[i] = role.employer();
      roleFrom[i] = (int) role.validFrom().toEpochDay();
      roleTo[i] = role.validTo().map(end -> (int) end.toEpochDay()).orElse(Integer.MAX_VALUE);
    }
    trainingTypes = new TrainingType[training.size()];
    trainingCompleted = new int[training.size()];
    trainingExpires = new int[training.size()];
    for (int i = 0; i < training.size(); i++) {
      TrainingRecord record = training.get(i);
      trainingTypes[i] = record.type();
      trainingCompleted[i] = (int) record.completed().toEpochDay();
      trainingExpires[i] = record.expires().map(end -> (int) end.toEpochDay()).orElse(Integer.MAX_VALUE);
    }
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
