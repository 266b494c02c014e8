package org.irmer.entitlement.core.service;

import static com.google.common.base.Verify.verify;

import com.google.common.collect.ImmutableSortedMap;
import java.time.LocalDate;
import java.util.Optional;
import org.irmer.entitlement.core.domain.Actor;
import org.irmer.entitlement.core.domain.AuditEvent;
import org.irmer.entitlement.core.domain.CommandContext;
import org.irmer.entitlement.core.domain.Entitlement;
import org.irmer.entitlement.core.domain.EntitlementId;
import org.irmer.entitlement.core.domain.EntitlementStatus;
import org.irmer.entitlement.core.port.out.AuditTrail;
import org.irmer.entitlement.core.port.out.ConcurrentChangeException;
import org.irmer.entitlement.core.port.out.EntitlementStore;
import org.irmer.entitlement.core.port.out.NotificationKind;

/**
 * Moves an entitlement to a new status as a new stored version, every earlier version kept
 * (principles 3 and 10), and tells the people concerned: the referrer of an individual entitlement
 * always; the employer's delegates whenever the system made the change, since no delegate decided
 * it and one must review it (principles 1 and 6). A change notice may also change an
 * entitlement's last day without changing its status (principle 5).
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
    return save(current, to, current.validTo(), reason, context);
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
    return consequence(current, to, current.validTo(), reason, action, rule, trigger, context);
  }

  /**
   * A consequence, as {@link #consequence(Entitlement, EntitlementStatus, String, Action, Actor,
   * Action, CommandContext)}, that also gives the entitlement {@code validTo} as its last day: a
   * change notice limits an entitlement to the notice's last day, and gives back the last day it
   * had when the notice is withdrawn or takes effect (principle 5). A live entitlement may keep its
   * status; a change of validity alone keeps its status reason and tells the referrer, and the
   * delegates, what it now holds until.
   *
   * @throws ConcurrentChangeException when {@code current} is no longer the latest version
   */
  Entitlement consequence(
      Entitlement current,
      EntitlementStatus to,
      LocalDate validTo,
      String reason,
      Action action,
      Actor rule,
      Action trigger,
      CommandContext context) {
    verify(
        to == current.status() ? !to.isFinal() : current.status().canMoveTo(to),
        "entitlement %s cannot move from %s to %s",
        current.id(),
        current.status(),
        to);
    Entitlement saved =
        save(current, to, validTo, reason, new CommandContext(rule, context.at(), reason));
    record(Optional.of(current), saved, reason, action, rule, trigger, context);
    return saved;
  }

  /**
   * Appends the audit record of a change a rule made to an entitlement, or of one it created
   * ({@code before} empty): subject the entitlement, actor the rule, causes the reason and then the
   * triggering command.
   */
  void record(
      Optional<Entitlement> before,
      Entitlement after,
      String reason,
      Action action,
      Actor rule,
      Action trigger,
      CommandContext context) {
    auditTrail.append(
        AuditEvent.builder()
            .action(action.auditName())
            .actor(rule)
            .at(context.at())
            .subject(after.id().value())
            .result(CommandRunner.ACCEPTED)
            .addCauses(
                reason, trigger.auditName() + " by " + context.actor() + ": " + context.cause())
            .stateBefore(before.map(States::of))
            .stateAfter(States.of(after))
            .details(ImmutableSortedMap.of("trigger", trigger.auditName()))
            .build());
  }

  /**
   * The id of the entitlement that supersedes {@code old} with scope {@code version}: the chain's
   * first id, without any earlier {@code -v<n>} suffix, followed by {@code -v<version>}.
   */
  static EntitlementId successorId(Entitlement old, int version) {
    String suffix = "-v" + old.scope().version();
    String base =
        old.supersedes().isPresent() && old.id().value().endsWith(suffix)
            ? old.id().value().substring(0, old.id().value().length() - suffix.length())
            : old.id().value();
    return EntitlementId.of(base + "-v" + version);
  }

  private Entitlement save(
      Entitlement current,
      EntitlementStatus to,
      LocalDate validTo,
      String reason,
      CommandContext context) {
    boolean statusChanges = to != current.status();
    Entitlement.Builder next =
        Entitlement.builder().from(current).status(to).validTo(validTo).recordedAt(context.at());
    if (statusChanges) {
      next.statusReason(reason);
    }
    Entitlement saved = entitlements.save(next.build(), current.version());
    String message =
        "Entitlement "
            + saved.id()
            + " at "
            + saved.employer()
            + (statusChanges
                ? " is now " + saved.status()
                : " now holds until the end of " + saved.validTo())
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
}
