package org.irmer.entitlement.core.service;

import static com.google.common.base.Verify.verify;

import com.google.common.collect.ImmutableSortedMap;
import org.irmer.entitlement.core.domain.Actor;
import org.irmer.entitlement.core.domain.AuditEvent;
import org.irmer.entitlement.core.domain.CommandContext;
import org.irmer.entitlement.core.domain.Entitlement;
import org.irmer.entitlement.core.domain.EntitlementStatus;
import org.irmer.entitlement.core.port.out.AuditTrail;
import org.irmer.entitlement.core.port.out.ConcurrentChangeException;
import org.irmer.entitlement.core.port.out.EntitlementStore;
import org.irmer.entitlement.core.port.out.NotificationKind;

/**
 * Moves an entitlement to a new status as a new stored version, every earlier version kept
 * (principles 3 and 10), and tells the people concerned: the referrer of an individual entitlement
 * always; the employer's delegates whenever the system made the change, since no delegate decided
 * it and one must review it (principles 1 and 6).
 */
final class EntitlementChanges {

  private final EntitlementStore entitlements;
  private final AuditTrail auditTrail;
  private final Notifier notifier;

  EntitlementChanges(EntitlementStore entitlements, AuditTrail auditTrail, Notifier notifier) {
    this.entitlements = entitlements;
    this.auditTrail = auditTrail;
    this.notifier = notifier;
  }

  /**
   * Saves {@code current} in status {@code to} with {@code reason}, stamped with the command's
   * instant. Callers check the state machine first, so a forbidden move here is a bug.
   *
   * @throws ConcurrentChangeException when {@code current} is no longer the latest version
   */
  Entitlement move(
      Entitlement current, EntitlementStatus to, String reason, CommandContext context) {
    verify(
        current.status().canMoveTo(to),
        "entitlement %s cannot move from %s to %s",
        current.id(),
        current.status(),
        to);
    Entitlement saved =
        entitlements.save(
            Entitlement.builder()
                .from(current)
                .status(to)
                .statusReason(reason)
                .recordedAt(context.at())
                .build(),
            current.version());
    String message =
        "Entitlement "
            + saved.id()
            + " at "
            + saved.employer()
            + " is now "
            + saved.status()
            + ": "
            + reason;
    saved
        .subject()
        .person()
        .ifPresent(
            referrer ->
                notifier.person(
                    referrer,
                    NotificationKind.ENTITLEMENT_STATUS,
                    saved.id().value(),
                    message,
                    context.at()));
    if (context.actor().system()) {
      notifier.delegates(
          saved.employer(),
          NotificationKind.ENTITLEMENT_STATUS,
          saved.id().value(),
          message,
          context.at());
    }
    return saved;
  }

  /**
   * A change a rule of the procedures makes because of another command (a role change suspending,
   * leaving ending, training activating, the non-compliance threshold suspending): moved as by
   * {@link #move}, with {@code rule} as the actor, and recorded as an audit record of its own whose
   * causes are the reason and then the command that triggered it, so every entitlement's history
   * can be read from the trail.
   *
   * @throws ConcurrentChangeException when {@code current} is no longer the latest version
   */
  Entitlement consequence(
      Entitlement current,
      EntitlementStatus to,
      String reason,
      Action action,
      Actor rule,
      Action trigger,
      CommandContext context) {
    Entitlement saved = move(current, to, reason, new CommandContext(rule, context.at(), reason));
    auditTrail.append(
        AuditEvent.builder()
            .action(action.auditName())
            .actor(rule)
            .at(context.at())
            .subject(saved.id().value())
            .result(CommandRunner.ACCEPTED)
            .addCauses(
                reason, trigger.auditName() + " by " + context.actor() + ": " + context.cause())
            .stateBefore(States.of(current))
            .stateAfter(States.of(saved))
            .details(ImmutableSortedMap.of("trigger", trigger.auditName()))
            .build());
    return saved;
  }
}
