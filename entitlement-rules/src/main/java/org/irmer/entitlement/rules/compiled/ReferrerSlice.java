package org.irmer.entitlement.rules.compiled;

import com.google.common.collect.ImmutableList;
import org.irmer.entitlement.core.domain.Entitlement;
import org.irmer.entitlement.core.domain.Person;
import org.irmer.entitlement.core.domain.PersonId;
import org.irmer.entitlement.core.domain.Role;
import org.irmer.entitlement.core.domain.TrainingRecord;

/**
 * Everything the snapshot holds about one person: the records as the stores gave them (for wording
 * explanations and for the snapshot's read-only ports), their {@link Program} and their prepared
 * permits. Replaced whole when the person is refreshed.
 */
final class ReferrerSlice {

  final PersonId id;
  final Person person;
  final ImmutableList<Role> roles;
  final ImmutableList<Entitlement> entitlements;
  final ImmutableList<TrainingRecord> training;
  /** The person's program: their live referrer entitlements, training and coverage. */
  final int[] program;
  /** The live referrer entitlements, by their blocks' {@link Program#B_ENTITLEMENT}. */
  final Entitlement[] compiled;
  /**
   * The prepared permits: those of the person's own rules by {@link Program#permit}, then those of
   * each group entitlement that may cover them, from {@link Program#groupPermits}.
   */
  final Verdict[] permits;

  ReferrerSlice(Person person, ImmutableList<Role> roles, ImmutableList<Entitlement> entitlements,
      ImmutableList<TrainingRecord> training, int[] program, Entitlement[] compiled, Verdict[] permits) {
    this.id = person.id();
    this.person = person;
    this.roles = roles;
    this.entitlements = entitlements;
    this.training = training;
    this.program = program;
    this.compiled = compiled;
    this.permits = permits;
  }
}
