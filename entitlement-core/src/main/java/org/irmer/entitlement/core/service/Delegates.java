package org.irmer.entitlement.core.service;

import java.time.LocalDate;
import java.util.Optional;
import org.irmer.entitlement.core.domain.Actor;
import org.irmer.entitlement.core.domain.Delegation;
import org.irmer.entitlement.core.domain.EmployerId;
import org.irmer.entitlement.core.domain.Refusal;
import org.irmer.entitlement.core.domain.RefusalCode;
import org.irmer.entitlement.core.port.out.DelegationStore;

/**
 * Who may act for an employer (principle 1): a person named by a {@link Delegation} of that
 * employer that is in force on the command's local date in the employer's zone. A delegation to a
 * named service authorises nobody by itself: its members act under their own delegations. The
 * system is never a delegate.
 */
final class Delegates {

  private final DelegationStore delegations;

  Delegates(DelegationStore delegations) {
    this.delegations = delegations;
  }

  /**
   * The delegation under which {@code actor} may act for {@code employer} on {@code date}, the
   * first by id when there are several; empty when the actor is not a current delegate.
   */
  Optional<Delegation> of(Actor actor, EmployerId employer, LocalDate date) {
    return actor
        .personId()
        .flatMap(
            person ->
                delegations.forEmployer(employer).stream()
                    .filter(delegation -> delegation.authorises(person, date))
                    .findFirst());
  }

  static Refusal notADelegate(Actor actor, EmployerId employer, LocalDate date) {
    return Refusal.of(
        RefusalCode.NOT_A_CURRENT_DELEGATE,
        actor + " is not a current delegate of employer " + employer + " on " + date);
  }
}
