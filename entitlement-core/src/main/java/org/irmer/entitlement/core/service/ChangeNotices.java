package org.irmer.entitlement.core.service;

import com.google.common.collect.ImmutableList;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.irmer.entitlement.core.domain.Actor;
import org.irmer.entitlement.core.domain.ChangeNotice;
import org.irmer.entitlement.core.domain.ChangeNoticeId;
import org.irmer.entitlement.core.domain.ChangeNoticeKind;
import org.irmer.entitlement.core.domain.ChangeNoticeStatus;
import org.irmer.entitlement.core.domain.CommandContext;
import org.irmer.entitlement.core.domain.EmployerId;
import org.irmer.entitlement.core.domain.Entitlement;
import org.irmer.entitlement.core.domain.EntitlementId;
import org.irmer.entitlement.core.domain.EntitlementStatus;
import org.irmer.entitlement.core.domain.PersonId;
import org.irmer.entitlement.core.domain.Refusal;
import org.irmer.entitlement.core.domain.RefusalCode;
import org.irmer.entitlement.core.domain.Role;
import org.irmer.entitlement.core.domain.RoleId;
import org.irmer.entitlement.core.domain.Scope;
import org.irmer.entitlement.core.port.out.ChangeNoticeStore;
import org.irmer.entitlement.core.port.out.EntitlementStore;
import org.irmer.entitlement.core.port.out.PersonStore;

/**
 * What the referrer's change notifications do to their entitlements and roles (principle 5), at
 * once or on the first day after the notified last day: the one place that says it, for the
 * commands that notify and withdraw and for the compliance sweep that makes a notified change on
 * its day.
 *
 * <p>A change notified ahead of its day is a pending {@link ChangeNotice}. Giving it limits every
 * entitlement it concerns to its last day (a new version with that {@code validTo}), and a leaving
 * or role change ends the roles concerned on that day, so both engines, which read {@code validTo}
 * in the employer's zone (DOMAIN.md section 5, rule 1), refuse from the first instant after it
 * without anyone running a job. On that day the sweep makes the change itself, each entitlement
 * getting back the last day it had, exactly as a notification made that day would have done:
 * leaving ends, a role change suspends pending review (scenario S7) and saves the new role, a scope
 * reduction supersedes. Until it does, the engines refuse with {@code ENTITLEMENT_EXPIRED}: closed,
 * never open. Withdrawing a notice before its day gives back every last day it took.
 *
 * <p>Changes to entitlements are audited as records of their own, made by the rule of the notice's
 * kind ({@code leaving}, {@code role-change}, {@code scope-reduction}).
 */
final class ChangeNotices {

  static final Actor LEAVING = Actor.system("leaving");
  static final Actor ROLE_CHANGE = Actor.system("role-change");
  static final Actor SCOPE_REDUCTION = Actor.system("scope-reduction");

  private final ChangeNoticeStore notices;
  private final EntitlementStore entitlements;
  private final PersonStore people;
  private final EntitlementChanges changes;

  /** Over stores that publish what decisions read ({@link Publishing}). */
  ChangeNotices(
      ChangeNoticeStore notices,
      EntitlementStore entitlements,
      PersonStore people,
      EntitlementChanges changes) {
    this.notices = notices;
    this.entitlements = entitlements;
    this.people = people;
    this.changes = changes;
  }

  /**
   * {@code INVALID_REQUEST} when a pending notice already concerns one of these entitlements or
   * roles: one notice at a time, so that withdrawing one can never undo another.
   */
  Optional<Refusal> conflict(Collection<EntitlementId> entitlementIds, Collection<RoleId> roleIds) {
    return conflict(
        notice ->
            notice.entitlements().stream()
                    .anyMatch(limit -> entitlementIds.contains(limit.entitlement()))
                || notice.roles().stream().anyMatch(end -> roleIds.contains(end.role())));
  }

  /**
   * {@code INVALID_REQUEST} when a notice of {@code person} at {@code employer} is pending: leaving
   * concerns everything the person has there, a role they have not started yet included.
   */
  Optional<Refusal> conflictAt(PersonId person, EmployerId employer) {
    return conflict(
        notice -> notice.person().equals(person) && notice.employer().equals(employer));
  }

  private Optional<Refusal> conflict(Predicate<ChangeNotice> concerns) {
    return notices.pending().stream()
        .filter(concerns)
        .findFirst()
        .map(
            notice ->
                Refusal.of(
                    RefusalCode.INVALID_REQUEST,
                    "notice "
                        + notice.id()
                        + " of "
                        + notice.kind()
                        + " on "
                        + notice.takesEffectOn()
                        + " is pending for the same entitlements or roles; withdraw it first"));
  }

  /** The pending notice in {@code notices} that ends {@code role}, if any. */
  static Optional<ChangeNotice> pendingForRole(ChangeNoticeStore notices, RoleId role) {
    return notices.pending().stream()
        .filter(notice -> notice.roles().stream().anyMatch(end -> end.role().equals(role)))
        .findFirst();
  }

  /**
   * Gives a pending notice: {@code notice} says what is notified besides its kind, person and last
   * day (the employer, the roles it ends with the ends they had, the new role or reduced scope).
   * Each of {@code concerned} is limited to the last day, except one that would only start after
   * it, which is changed at once. Returns the notice, saved with the id {@code N-<person>-<n>}
   * ({@code n} one more than the person's notices so far), and the entitlements changed.
   */
  GivenNotice give(
      ChangeNotice.Builder notice,
      ChangeNoticeKind kind,
      PersonId person,
      LocalDate lastDay,
      List<Entitlement> concerned,
      Action trigger,
      CommandContext context) {
    ChangeNoticeId id =
        ChangeNoticeId.of("N-" + person + "-" + (notices.forPerson(person).size() + 1));
    ChangeNotice pending =
        notices.save(
            notice
                .id(id)
                .kind(kind)
                .person(person)
                .lastDay(lastDay)
                .status(ChangeNoticeStatus.PENDING)
                .notifiedBy(context.actor())
                .entitlements(
                    concerned.stream()
                        .filter(entitlement -> !entitlement.validFrom().isAfter(lastDay))
                        .map(
                            entitlement ->
                                new ChangeNotice.Limit(entitlement.id(), entitlement.validTo()))
                        .toList())
                .recordedAt(context.at())
                .build(),
            0);
    String limited =
        "holds until the end of " + lastDay + " under notice " + id + ": " + reason(pending);
    ImmutableList.Builder<Entitlement> changed = ImmutableList.builder();
    for (Entitlement entitlement : concerned) {
      if (entitlement.validFrom().isAfter(lastDay)) {
        effect(pending, entitlement, entitlement.validTo(), trigger, context)
            .ifPresent(changed::add);
      } else if (entitlement.validTo().isAfter(lastDay)) {
        changed.add(
            changes.consequence(
                entitlement,
                entitlement.status(),
                lastDay,
                limited,
                Action.LIMIT_ENTITLEMENT,
                ruleOf(kind),
                trigger,
                context));
      }
    }
    return new GivenNotice(pending, changed.build());
  }

  /** A notice just given, and the entitlements it changed at once. */
  record GivenNotice(ChangeNotice notice, ImmutableList<Entitlement> changed) {}

  /**
   * Makes the change {@code notice} announced, as a notification on its first day would have: each
   * entitlement it limited that is still live gets back the last day it had and changes as the
   * notice's kind says; a role change saves the new role. The notice is saved {@code IN_EFFECT}.
   * Returns the entitlements changed.
   */
  ImmutableList<Entitlement> apply(ChangeNotice notice, Action trigger, CommandContext context) {
    ImmutableList.Builder<Entitlement> changed = ImmutableList.builder();
    for (ChangeNotice.Limit limit : notice.entitlements()) {
      entitlements
          .find(limit.entitlement())
          .filter(entitlement -> !entitlement.status().isFinal())
          .flatMap(
              entitlement -> effect(notice, entitlement, limit.validToBefore(), trigger, context))
          .ifPresent(changed::add);
    }
    notice
        .newRole()
        .ifPresent(
            role ->
                people.saveRole(role, people.role(role.id()).map(Role::version).orElse(0L)));
    notices.save(
        ChangeNotice.builder()
            .from(notice)
            .status(ChangeNoticeStatus.IN_EFFECT)
            .recordedAt(context.at())
            .build(),
        notice.version());
    return changed.build();
  }

  /**
   * Withdraws a pending notice before its day: each entitlement it limited that is live and still
   * ends on the notice's last day gets back the last day it had, and each role it ended that still
   * ends then gets back the end it had. The notice is saved {@code WITHDRAWN} and returned.
   */
  ChangeNotice withdraw(ChangeNotice notice, CommandContext context) {
    String reason = "notice " + notice.id() + " withdrawn: " + context.cause();
    for (ChangeNotice.Limit limit : notice.entitlements()) {
      entitlements
          .find(limit.entitlement())
          .filter(
              entitlement ->
                  !entitlement.status().isFinal()
                      && entitlement.validTo().equals(notice.lastDay())
                      && !limit.validToBefore().equals(notice.lastDay()))
          .ifPresent(
              entitlement ->
                  changes.consequence(
                      entitlement,
                      entitlement.status(),
                      limit.validToBefore(),
                      reason,
                      Action.RESTORE_ENTITLEMENT,
                      ruleOf(notice.kind()),
                      Action.WITHDRAW_NOTICE,
                      context));
    }
    for (ChangeNotice.RoleEnd end : notice.roles()) {
      people
          .role(end.role())
          .filter(
              role ->
                  role.validTo().equals(Optional.of(notice.lastDay()))
                      && !end.validToBefore().equals(role.validTo()))
          .ifPresent(
              role ->
                  people.saveRole(
                      Role.builder().from(role).validTo(end.validToBefore()).build(),
                      role.version()));
    }
    return notices.save(
        ChangeNotice.builder()
            .from(notice)
            .status(ChangeNoticeStatus.WITHDRAWN)
            .recordedAt(context.at())
            .build(),
        notice.version());
  }

  /**
   * What leaving does to one live entitlement at the employer: it ends, with {@code validTo} as its
   * last day.
   */
  Entitlement end(
      Entitlement entitlement,
      LocalDate validTo,
      String reason,
      Action trigger,
      CommandContext context) {
    return changes.consequence(
        entitlement,
        EntitlementStatus.ENDED,
        validTo,
        reason,
        Action.END_ENTITLEMENT,
        LEAVING,
        trigger,
        context);
  }

  /**
   * What a role change does to one entitlement bound to the old role, with {@code validTo} as its
   * last day: an active one is suspended pending review (scenario S7); one pending prerequisites
   * ends, since it was never used and the role it is bound to is ending; a suspended one stays
   * suspended, and reinstating it needs the role to be held. Empty when nothing changes.
   */
  Optional<Entitlement> onRoleChange(
      Entitlement entitlement,
      LocalDate validTo,
      String reason,
      Action trigger,
      CommandContext context) {
    return switch (entitlement.status()) {
      case ACTIVE ->
          Optional.of(
              changes.consequence(
                  entitlement,
                  EntitlementStatus.SUSPENDED,
                  validTo,
                  reason,
                  Action.SUSPEND_ENTITLEMENT,
                  ROLE_CHANGE,
                  trigger,
                  context));
      case PENDING_PREREQUISITES ->
          Optional.of(
              changes.consequence(
                  entitlement,
                  EntitlementStatus.ENDED,
                  validTo,
                  reason,
                  Action.END_ENTITLEMENT,
                  ROLE_CHANGE,
                  trigger,
                  context));
      case SUSPENDED ->
          validTo.equals(entitlement.validTo())
              ? Optional.empty()
              : Optional.of(
                  changes.consequence(
                      entitlement,
                      EntitlementStatus.SUSPENDED,
                      validTo,
                      reason,
                      Action.RESTORE_ENTITLEMENT,
                      ROLE_CHANGE,
                      trigger,
                      context));
      default -> Optional.empty();
    };
  }

  /**
   * What a scope reduction does to a live entitlement: it is superseded by one with {@code
   * reduced} as its scope, the next scope version, {@code validTo} as its last day, and otherwise
   * as it was (status, grant, procedures version: a reduction is not a new grant). Returns the
   * successor.
   */
  Entitlement reduce(
      Entitlement entitlement,
      Scope reduced,
      LocalDate validTo,
      String reason,
      Action trigger,
      CommandContext context) {
    int version = entitlement.scope().version() + 1;
    EntitlementId successorId = EntitlementChanges.successorId(entitlement, version);
    changes.consequence(
        entitlement,
        EntitlementStatus.SUPERSEDED,
        validTo,
        "superseded by " + successorId + " with scope version " + version + ": " + reason,
        Action.CHANGE_SCOPE,
        SCOPE_REDUCTION,
        trigger,
        context);
    Entitlement successor =
        entitlements.save(
            Entitlement.builder()
                .from(entitlement)
                .id(successorId)
                .version(0)
                .scope(Scope.builder().from(reduced).version(version).build())
                .validTo(validTo)
                .supersedes(entitlement.id())
                .recordedAt(context.at())
                .build(),
            0);
    changes.record(
        Optional.empty(),
        successor,
        reason,
        Action.CHANGE_SCOPE,
        SCOPE_REDUCTION,
        trigger,
        context);
    return successor;
  }

  static String leavingReason(PersonId person, EmployerId employer, LocalDate lastDay) {
    return person + " left employer " + employer + "; last day " + lastDay;
  }

  static String roleChangeReason(PersonId person, RoleId oldRole, Role newRole) {
    return "role change pending review: "
        + person
        + " moves from role "
        + oldRole
        + " to role "
        + newRole.id()
        + " on "
        + newRole.validFrom();
  }

  static String scopeReductionReason(EntitlementId entitlement, Scope reduced, LocalDate lastDay) {
    return "scope of "
        + entitlement
        + " reduced to rules "
        + reduced.rules().stream().map(rule -> rule.id()).toList()
        + " from "
        + lastDay.plusDays(1);
  }

  /** The change {@code notice} makes to one live entitlement, with {@code validTo} restored. */
  private Optional<Entitlement> effect(
      ChangeNotice notice,
      Entitlement entitlement,
      LocalDate validTo,
      Action trigger,
      CommandContext context) {
    String reason = reason(notice);
    return switch (notice.kind()) {
      case LEAVING -> Optional.of(end(entitlement, validTo, reason, trigger, context));
      case ROLE_CHANGE -> onRoleChange(entitlement, validTo, reason, trigger, context);
      case SCOPE_REDUCTION ->
          Optional.of(
              reduce(
                  entitlement,
                  notice.reducedScope().orElseThrow(),
                  validTo,
                  reason,
                  trigger,
                  context));
    };
  }

  private static String reason(ChangeNotice notice) {
    return switch (notice.kind()) {
      case LEAVING -> leavingReason(notice.person(), notice.employer(), notice.lastDay());
      case ROLE_CHANGE ->
          roleChangeReason(
              notice.person(), notice.roles().get(0).role(), notice.newRole().orElseThrow());
      case SCOPE_REDUCTION ->
          scopeReductionReason(
              notice.entitlements().get(0).entitlement(),
              notice.reducedScope().orElseThrow(),
              notice.lastDay());
    };
  }

  private static Actor ruleOf(ChangeNoticeKind kind) {
    return switch (kind) {
      case LEAVING -> LEAVING;
      case ROLE_CHANGE -> ROLE_CHANGE;
      case SCOPE_REDUCTION -> SCOPE_REDUCTION;
    };
  }
}
