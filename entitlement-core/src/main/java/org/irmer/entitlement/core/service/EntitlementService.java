package org.irmer.entitlement.core.service;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import org.irmer.entitlement.core.domain.Actor;
import org.irmer.entitlement.core.domain.AuditOutcome;
import org.irmer.entitlement.core.domain.AuditRecord;
import org.irmer.entitlement.core.domain.ChangeNotice;
import org.irmer.entitlement.core.domain.ChangeNoticeId;
import org.irmer.entitlement.core.domain.ChangeNoticeKind;
import org.irmer.entitlement.core.domain.ChangeNoticeStatus;
import org.irmer.entitlement.core.domain.CommandContext;
import org.irmer.entitlement.core.domain.CommandResult;
import org.irmer.entitlement.core.domain.ComplianceEvent;
import org.irmer.entitlement.core.domain.ComplianceEventId;
import org.irmer.entitlement.core.domain.ComplianceEventKind;
import org.irmer.entitlement.core.domain.Delegation;
import org.irmer.entitlement.core.domain.EmployerId;
import org.irmer.entitlement.core.domain.Entitlement;
import org.irmer.entitlement.core.domain.EntitlementId;
import org.irmer.entitlement.core.domain.EntitlementStatus;
import org.irmer.entitlement.core.domain.EntitlementSubject;
import org.irmer.entitlement.core.domain.GroupCriteria;
import org.irmer.entitlement.core.domain.PersonId;
import org.irmer.entitlement.core.domain.Refusal;
import org.irmer.entitlement.core.domain.RefusalCode;
import org.irmer.entitlement.core.domain.Role;
import org.irmer.entitlement.core.domain.RoleId;
import org.irmer.entitlement.core.domain.Scope;
import org.irmer.entitlement.core.domain.TrainingRecord;
import org.irmer.entitlement.core.domain.WrittenProcedures;
import org.irmer.entitlement.core.port.in.ManageEntitlements;
import org.irmer.entitlement.core.port.out.AuditRecordStore;
import org.irmer.entitlement.core.port.out.ChangeNoticeStore;
import org.irmer.entitlement.core.port.out.ComplianceEventStore;
import org.irmer.entitlement.core.port.out.DelegationStore;
import org.irmer.entitlement.core.port.out.EmployerStore;
import org.irmer.entitlement.core.port.out.EntitlementStore;
import org.irmer.entitlement.core.port.out.NotificationKind;
import org.irmer.entitlement.core.port.out.Notifications;
import org.irmer.entitlement.core.port.out.PersonStore;
import org.irmer.entitlement.core.port.out.TaskStore;
import org.irmer.entitlement.core.port.out.TrainingStore;

/**
 * The life of granted entitlements (principles 1, 3, 4, 5, 6, 7 and 10), over the driven ports of a
 * {@link Register}.
 *
 * <p>Changes that follow from a command by a rule of the procedures, rather than by anyone's
 * decision, are made by a named system actor and audited as records of their own (see {@link
 * ManageEntitlements}): {@code role-change} suspends, {@code leaving} ends, {@code
 * scope-reduction} supersedes, {@code training-prerequisites} activates, {@code
 * non-compliance-threshold} suspends. What a notification does, at once or under notice, is said
 * once, in {@link ChangeNotices}.
 */
public final class EntitlementService implements ManageEntitlements {

  static final Actor TRAINING_PREREQUISITES = Actor.system("training-prerequisites");

  private final EntitlementStore entitlements;
  private final PersonStore people;
  private final EmployerStore employers;
  private final TrainingStore training;
  private final ComplianceEventStore complianceEvents;
  private final AuditRecordStore auditRecords;
  private final CommandRunner runner;
  private final Delegates delegates;
  private final Eligibility eligibility;
  private final Notifier notifier;
  private final EntitlementChanges changes;
  private final NonComplianceThreshold threshold;
  private final ChangeNoticeStore noticeStore;
  private final ChangeNotices notices;

  /**
   * The service over these ports; {@code work} makes each command one audited unit of work that
   * publishes what it changed on the change feed.
   */
  public EntitlementService(
      EntitlementStore entitlements,
      PersonStore people,
      EmployerStore employers,
      DelegationStore delegations,
      TrainingStore training,
      ComplianceEventStore complianceEvents,
      AuditRecordStore auditRecords,
      ChangeNoticeStore notices,
      TaskStore tasks,
      Notifications notifications,
      UnitOfWork work) {
    this.entitlements = Publishing.entitlements(checkNotNull(entitlements, "entitlements"), work.changes());
    this.people = Publishing.people(checkNotNull(people, "people"), work.changes());
    this.employers = checkNotNull(employers, "employers");
    this.training = Publishing.training(checkNotNull(training, "training"), work.changes());
    this.complianceEvents = checkNotNull(complianceEvents, "complianceEvents");
    this.auditRecords = checkNotNull(auditRecords, "auditRecords");
    this.runner = new CommandRunner(work);
    this.delegates = new Delegates(checkNotNull(delegations, "delegations"));
    this.eligibility = new Eligibility(this.people);
    this.notifier = new Notifier(checkNotNull(notifications, "notifications"));
    this.changes = new EntitlementChanges(this.entitlements, work.auditTrail(), notifier);
    this.threshold = new NonComplianceThreshold(complianceEvents, this.entitlements, changes, notifier,
        new TaskRaiser(checkNotNull(tasks, "tasks"), notifier));
    this.noticeStore = checkNotNull(notices, "notices");
    this.notices = new ChangeNotices(notices, this.entitlements, this.people, changes);
  }

  @Override
  public CommandResult<Entitlement> grantGroup(
      EmployerId employer, GroupCriteria group, Scope scope, CommandContext context) {
    checkNotNull(employer, "employer");
    checkNotNull(group, "group");
    checkNotNull(scope, "scope");
    checkNotNull(context, "context");
    EntitlementId id =
        EntitlementId.of(
            "G-" + employer + "-" + (entitlements.groupsOf(employer).size() + 1));
    return runner.run(
        Action.GRANT_GROUP_ENTITLEMENT,
        id.value(),
        context,
        state(id),
        () -> {
          LocalDate date = context.dateIn(Employers.zoneOf(employers, employer));
          Optional<Delegation> delegation = delegates.of(context.actor(), employer, date);
          Optional<WrittenProcedures> procedures = employers.currentProcedures(employer);
          List<Refusal> refusals = new ArrayList<>(proceduresRefusals(employer, procedures));
          if (delegation.isEmpty()) {
            refusals.add(Delegates.notADelegate(context.actor(), employer, date));
          }
          if (!refusals.isEmpty()) {
            return CommandOutcome.refused(refusals);
          }
          Entitlement granted =
              Grants.granted(id, scope, procedures.get(), delegation.get(), date, context)
                  .subject(EntitlementSubject.group(group))
                  .status(EntitlementStatus.ACTIVE)
                  .statusReason("granted to the group " + group.name())
                  .build();
          return CommandOutcome.accepted(entitlements.save(granted, 0));
        });
  }

  @Override
  public CommandResult<Entitlement> suspend(EntitlementId id, CommandContext context) {
    return changeStatus(
        Action.SUSPEND_ENTITLEMENT,
        id,
        EntitlementStatus.SUSPENDED,
        Authority.DELEGATE_OR_SYSTEM,
        context,
        (entitlement, date) -> List.of());
  }

  @Override
  public CommandResult<Entitlement> reinstate(EntitlementId id, CommandContext context) {
    return changeStatus(
        Action.REINSTATE_ENTITLEMENT,
        id,
        EntitlementStatus.ACTIVE,
        Authority.DELEGATE,
        context,
        (entitlement, date) -> {
          List<Refusal> refusals = new ArrayList<>();
          ownEntitlement(entitlement, context).ifPresent(refusals::add);
          refusals.addAll(eligibility.refusals(entitlement, date));
          return refusals;
        });
  }

  @Override
  public CommandResult<Entitlement> revoke(EntitlementId id, CommandContext context) {
    return changeStatus(
        Action.REVOKE_ENTITLEMENT,
        id,
        EntitlementStatus.REVOKED,
        Authority.DELEGATE,
        context,
        (entitlement, date) -> List.of());
  }

  @Override
  public CommandResult<Entitlement> expire(EntitlementId id, CommandContext context) {
    return changeStatus(
        Action.EXPIRE_ENTITLEMENT,
        id,
        EntitlementStatus.EXPIRED,
        Authority.DELEGATE_OR_SYSTEM,
        context,
        (entitlement, date) ->
            date.isAfter(entitlement.validTo())
                ? List.of()
                : List.of(
                    Refusal.of(
                        RefusalCode.INVALID_REQUEST,
                        "entitlement "
                            + entitlement.id()
                            + " holds until the end of "
                            + entitlement.validTo()
                            + "; it is "
                            + date)));
  }

  @Override
  public CommandResult<Entitlement> changeScope(
      EntitlementId id, Scope scope, CommandContext context) {
    checkNotNull(scope, "scope");
    return onEntitlement(
        Action.CHANGE_SCOPE, id, context, (old, acting) -> supersede(old, scope, acting, context));
  }

  @Override
  public CommandResult<ImmutableList<Entitlement>> notifyRoleChange(
      RoleId oldRole, Role newRole, CommandContext context) {
    checkNotNull(oldRole, "oldRole");
    checkNotNull(newRole, "newRole");
    checkNotNull(context, "context");
    return runner.run(
        Action.NOTIFY_ROLE_CHANGE,
        oldRole.value(),
        context,
        () -> people.role(oldRole),
        found -> found.map(States::of),
        found -> changeRole(oldRole, found, newRole, context));
  }

  @Override
  public CommandResult<ImmutableList<Entitlement>> notifyLeaving(
      PersonId person, EmployerId employer, LocalDate lastDay, CommandContext context) {
    checkNotNull(person, "person");
    checkNotNull(employer, "employer");
    checkNotNull(lastDay, "lastDay");
    checkNotNull(context, "context");
    return runner.run(
        Action.NOTIFY_LEAVING,
        person.value(),
        context,
        () -> rolesAt(person, employer),
        roles ->
            roles.isEmpty()
                ? Optional.empty()
                : Optional.of(String.join("; ", roles.stream().map(States::of).toList())),
        roles -> leave(person, employer, roles, lastDay, context));
  }

  @Override
  public CommandResult<Entitlement> notifyScopeReduction(
      EntitlementId id, Scope reduced, LocalDate lastDay, CommandContext context) {
    checkNotNull(reduced, "reduced");
    checkNotNull(lastDay, "lastDay");
    return onEntitlement(
        Action.NOTIFY_SCOPE_REDUCTION,
        id,
        context,
        (entitlement, acting) -> reduceScope(entitlement, reduced, lastDay, acting, context));
  }

  @Override
  public CommandResult<ChangeNotice> withdrawNotice(ChangeNoticeId id, CommandContext context) {
    checkNotNull(id, "id");
    checkNotNull(context, "context");
    return runner.run(
        Action.WITHDRAW_NOTICE,
        id.value(),
        context,
        () -> noticeStore.find(id),
        found -> found.map(States::of),
        found -> withdraw(id, found, context));
  }

  @Override
  public CommandResult<TrainingRecord> recordTraining(
      TrainingRecord record, CommandContext context) {
    checkNotNull(record, "record");
    checkNotNull(context, "context");
    return runner.run(
        Action.RECORD_TRAINING,
        record.id().value(),
        context,
        () ->
            recorded(
                training.forPerson(record.person()).stream()
                    .anyMatch(held -> held.id().equals(record.id()))),
        () -> addTraining(record, context));
  }

  @Override
  public CommandResult<ComplianceEvent> recordComplianceEvent(
      ComplianceEvent event, CommandContext context) {
    checkNotNull(event, "event");
    checkNotNull(context, "context");
    return recordEvent(
        Action.RECORD_COMPLIANCE_EVENT,
        event,
        context,
        () -> {
          Optional<WrittenProcedures> procedures =
              employers.currentProcedures(event.employer());
          List<Refusal> refusals =
              new ArrayList<>(referrerRefusals(event.referrer(), event.employer()));
          if (event.countsTowardsNonCompliance()) {
            refusals.addAll(proceduresRefusals(event.employer(), procedures));
          }
          if (!refusals.isEmpty()) {
            return CommandOutcome.refused(refusals);
          }
          complianceEvents.add(event);
          CommandOutcome<ComplianceEvent> recorded = CommandOutcome.accepted(event);
          if (procedures.isEmpty()) {
            return recorded;
          }
          NonComplianceThreshold.Finding finding =
              threshold.evaluate(
                  event,
                  employers.find(event.employer()).orElseThrow(),
                  procedures.get(),
                  Action.RECORD_COMPLIANCE_EVENT,
                  context);
          return recorded.with("nonCompliance", finding.words()).raising(finding.tasksRaised());
        });
  }

  @Override
  public CommandResult<ComplianceEvent> recordJustificationOutcome(
      ComplianceEvent outcome, CommandContext context) {
    checkNotNull(outcome, "outcome");
    checkNotNull(context, "context");
    return recordEvent(
        Action.RECORD_JUSTIFICATION_OUTCOME,
        outcome,
        context,
        () -> {
          List<Refusal> refusals = referrerRefusals(outcome.referrer(), outcome.employer());
          if (!refusals.isEmpty()) {
            return CommandOutcome.refused(refusals);
          }
          complianceEvents.add(outcome);
          notifier.person(
              outcome.referrer(),
              NotificationKind.JUSTIFICATION_FEEDBACK,
              outcome.id().value(),
              "The IR(ME)R practitioner's outcome on your referral"
                  + outcome.orderId().map(order -> " " + order).orElse("")
                  + " at "
                  + outcome.employer()
                  + ": "
                  + outcome.kind()
                  + ": "
                  + outcome.description(),
              context.at());
          return CommandOutcome.accepted(outcome);
        });
  }

  @Override
  public CommandResult<AuditRecord> recordAudit(AuditRecord record, CommandContext context) {
    checkNotNull(record, "record");
    checkNotNull(context, "context");
    return runner.run(
        Action.RECORD_AUDIT,
        record.id().value(),
        context,
        () ->
            recorded(
                auditRecords.forReferrer(record.referrer(), record.employer()).stream()
                    .anyMatch(held -> held.id().equals(record.id()))),
        () -> addAudit(record, context));
  }

  /** Who may change an entitlement's status, besides a current delegate of its employer. */
  private enum Authority {
    DELEGATE,
    /** The system, too: the compliance sweep or another automated control (principle 6). */
    DELEGATE_OR_SYSTEM
  }

  /** The acting person's delegation, if any, and the command's local date at the employer. */
  private record Acting(Optional<Delegation> delegation, LocalDate date) {}

  private CommandResult<Entitlement> changeStatus(
      Action action,
      EntitlementId id,
      EntitlementStatus target,
      Authority authority,
      CommandContext context,
      BiFunction<Entitlement, LocalDate, List<Refusal>> otherRefusals) {
    return onEntitlement(
        action,
        id,
        context,
        (entitlement, acting) -> {
          List<Refusal> refusals =
              new ArrayList<>(authorityRefusals(authority, entitlement, acting, context));
          transitionRefusal(entitlement, target).ifPresent(refusals::add);
          refusals.addAll(otherRefusals.apply(entitlement, acting.date()));
          if (!refusals.isEmpty()) {
            return CommandOutcome.refused(refusals);
          }
          return CommandOutcome.accepted(
              changes.move(entitlement, target, context.cause(), context));
        });
  }

  private <T> CommandResult<T> onEntitlement(
      Action action,
      EntitlementId id,
      CommandContext context,
      BiFunction<Entitlement, Acting, CommandOutcome<T>> body) {
    checkNotNull(id, "id");
    checkNotNull(context, "context");
    return runner.run(
        action,
        id.value(),
        context,
        () -> entitlements.find(id),
        found -> found.map(States::of),
        found -> {
          if (found.isEmpty()) {
            return CommandOutcome.refused(
                RefusalCode.NOT_FOUND, "entitlement " + id + " is not known");
          }
          Entitlement entitlement = found.get();
          LocalDate date =
              context.dateIn(Employers.zoneOf(employers, entitlement.employer()));
          return body.apply(
              entitlement,
              new Acting(delegates.of(context.actor(), entitlement.employer(), date), date));
        });
  }

  private <T> CommandResult<T> recordEvent(
      Action action,
      ComplianceEvent event,
      CommandContext context,
      Supplier<CommandOutcome<T>> body) {
    return runner.run(
        action,
        event.id().value(),
        context,
        () ->
            recorded(
                complianceEvents.forReferrer(event.referrer(), event.employer()).stream()
                    .anyMatch(held -> held.id().equals(event.id()))),
        body);
  }

  private CommandOutcome<Entitlement> supersede(
      Entitlement old, Scope scope, Acting acting, CommandContext context) {
    Optional<WrittenProcedures> procedures = employers.currentProcedures(old.employer());
    List<Refusal> refusals = new ArrayList<>(proceduresRefusals(old.employer(), procedures));
    refusals.addAll(authorityRefusals(Authority.DELEGATE, old, acting, context));
    ownEntitlement(old, context).ifPresent(refusals::add);
    transitionRefusal(old, EntitlementStatus.SUPERSEDED).ifPresent(refusals::add);
    notices.conflict(List.of(old.id()), List.of()).ifPresent(refusals::add);
    if (!refusals.isEmpty()) {
      return CommandOutcome.refused(refusals);
    }
    int version = old.scope().version() + 1;
    EntitlementId successorId = EntitlementChanges.successorId(old, version);
    changes.move(
        old,
        EntitlementStatus.SUPERSEDED,
        "superseded by " + successorId + " with scope version " + version + ": " + context.cause(),
        context);
    Delegation delegation = acting.delegation().orElseThrow();
    Entitlement successor =
        entitlements
            .save(
                Entitlement.builder()
                    .from(old)
                    .id(successorId)
                    .version(0)
                    .scope(Scope.builder().from(scope).version(version).build())
                    .supersedes(old.id())
                    .grantedUnder(delegation.id())
                    .grantedBy(delegation.delegate().person().orElseThrow())
                    .proceduresVersion(procedures.orElseThrow().version())
                    .recordedAt(context.at())
                    .build(),
                0);
    return CommandOutcome.accepted(successor)
        .with("successor", successorId.value())
        .with("successorState", States.of(successor));
  }

  private CommandOutcome<ImmutableList<Entitlement>> changeRole(
      RoleId oldRole, Optional<Role> found, Role newRole, CommandContext context) {
    if (found.isEmpty()) {
      return CommandOutcome.refused(RefusalCode.NOT_FOUND, "role " + oldRole + " is not known");
    }
    Role old = found.get();
    List<Refusal> refusals = new ArrayList<>();
    if (!context.actor().personId().map(old.person()::equals).orElse(false)) {
      refusals.add(
          Refusal.of(
              RefusalCode.NOT_THE_REFERRER,
              "only " + old.person() + " may notify a change of their role " + oldRole));
    }
    refusals.addAll(roleChangeRefusals(old, newRole));
    List<Entitlement> bound =
        entitlements.forPerson(old.person()).stream()
            .filter(
                entitlement ->
                    entitlement.role().equals(Optional.of(oldRole))
                        && !entitlement.status().isFinal())
            .toList();
    notices.conflict(idsOf(bound), List.of(oldRole)).ifPresent(refusals::add);
    if (!refusals.isEmpty()) {
      return CommandOutcome.refused(refusals);
    }
    LocalDate lastDay = newRole.validFrom().minusDays(1);
    String reason = ChangeNotices.roleChangeReason(old.person(), oldRole, newRole);
    Optional<LocalDate> oldEnd = old.validTo();
    endRole(old, lastDay);
    if (lastDay.isBefore(context.dateIn(Employers.zoneOf(employers, old.employer())))) {
      people.saveRole(newRole, people.role(newRole.id()).map(Role::version).orElse(0L));
      ImmutableList<Entitlement> changed =
          bound.stream()
              .flatMap(
                  entitlement ->
                      notices
                          .onRoleChange(
                              entitlement,
                              entitlement.validTo(),
                              reason,
                              Action.NOTIFY_ROLE_CHANGE,
                              context)
                          .stream())
              .collect(ImmutableList.toImmutableList());
      return CommandOutcome.accepted(changed)
          .with("newRole", newRole.id().value())
          .with("changed", ids(changed));
    }
    ChangeNotices.GivenNotice given =
        notices.give(
            ChangeNotice.builder()
                .employer(old.employer())
                .addRoles(new ChangeNotice.RoleEnd(oldRole, oldEnd))
                .newRole(newRole),
            ChangeNoticeKind.ROLE_CHANGE,
            old.person(),
            lastDay,
            bound,
            Action.NOTIFY_ROLE_CHANGE,
            context);
    return underNotice(given).with("newRole", newRole.id().value());
  }

  private CommandOutcome<ImmutableList<Entitlement>> leave(
      PersonId person,
      EmployerId employer,
      List<Role> roles,
      LocalDate lastDay,
      CommandContext context) {
    List<Refusal> refusals = new ArrayList<>(referrerRefusals(person, employer));
    LocalDate date = context.dateIn(Employers.zoneOf(employers, employer));
    boolean delegate = delegates.of(context.actor(), employer, date).isPresent();
    if (!context.actor().personId().map(person::equals).orElse(false) && !delegate) {
      refusals.add(
          Refusal.of(
              RefusalCode.NOT_THE_REFERRER,
              "only "
                  + person
                  + " or a current delegate of employer "
                  + employer
                  + " may notify their leaving"));
    }
    List<Role> open =
        roles.stream()
            .filter(role -> role.validTo().map(lastDay::isBefore).orElse(true))
            .toList();
    open.stream()
        .filter(role -> role.validFrom().isAfter(lastDay))
        .forEach(
            role ->
                refusals.add(
                    Refusal.of(
                        RefusalCode.INVALID_REQUEST,
                        "role "
                            + role.id()
                            + " starts on "
                            + role.validFrom()
                            + ", after the last day "
                            + lastDay)));
    List<Entitlement> live =
        entitlements.forPerson(person).stream()
            .filter(
                entitlement ->
                    entitlement.employer().equals(employer) && !entitlement.status().isFinal())
            .toList();
    notices.conflictAt(person, employer).ifPresent(refusals::add);
    if (!refusals.isEmpty()) {
      return CommandOutcome.refused(refusals);
    }
    open.forEach(role -> endRole(role, lastDay));
    if (lastDay.isBefore(date)) {
      String reason = ChangeNotices.leavingReason(person, employer, lastDay);
      ImmutableList<Entitlement> ended =
          live.stream()
              .map(
                  entitlement ->
                      notices.end(
                          entitlement,
                          entitlement.validTo(),
                          reason,
                          Action.NOTIFY_LEAVING,
                          context))
              .collect(ImmutableList.toImmutableList());
      return CommandOutcome.accepted(ended).with("ended", ids(ended));
    }
    return underNotice(
        notices.give(
            ChangeNotice.builder()
                .employer(employer)
                .roles(
                    open.stream()
                        .map(role -> new ChangeNotice.RoleEnd(role.id(), role.validTo()))
                        .toList()),
            ChangeNoticeKind.LEAVING,
            person,
            lastDay,
            live,
            Action.NOTIFY_LEAVING,
            context));
  }

  private CommandOutcome<Entitlement> reduceScope(
      Entitlement entitlement,
      Scope reduced,
      LocalDate lastDay,
      Acting acting,
      CommandContext context) {
    List<Refusal> refusals = new ArrayList<>();
    Optional<PersonId> referrer = entitlement.subject().person();
    if (referrer.isEmpty()) {
      refusals.add(
          Refusal.of(
              RefusalCode.INVALID_REQUEST,
              "the scope of group entitlement "
                  + entitlement.id()
                  + " is changed by a delegate, not notified"));
    } else if (!context.actor().personId().equals(referrer) && acting.delegation().isEmpty()) {
      refusals.add(
          Refusal.of(
              RefusalCode.NOT_THE_REFERRER,
              "only "
                  + referrer.get()
                  + " or a current delegate of employer "
                  + entitlement.employer()
                  + " may notify a reduced scope of "
                  + entitlement.id()));
    }
    transitionRefusal(entitlement, EntitlementStatus.SUPERSEDED).ifPresent(refusals::add);
    if (!entitlement.scope().rules().containsAll(reduced.rules())
        || reduced.rules().size() >= entitlement.scope().rules().size()) {
      refusals.add(
          Refusal.of(
              RefusalCode.INVALID_REQUEST,
              "a reduced scope keeps some, not all, of the rules of scope version "
                  + entitlement.scope().version()
                  + " of "
                  + entitlement.id()
                  + ", unchanged"));
    }
    notices.conflict(List.of(entitlement.id()), List.of()).ifPresent(refusals::add);
    if (!refusals.isEmpty()) {
      return CommandOutcome.refused(refusals);
    }
    if (lastDay.isBefore(acting.date()) || entitlement.validFrom().isAfter(lastDay)) {
      Entitlement successor =
          notices.reduce(
              entitlement,
              reduced,
              entitlement.validTo(),
              ChangeNotices.scopeReductionReason(entitlement.id(), reduced, lastDay),
              Action.NOTIFY_SCOPE_REDUCTION,
              context);
      return CommandOutcome.accepted(successor)
          .with("successor", successor.id().value())
          .with("successorState", States.of(successor));
    }
    ChangeNotices.GivenNotice given =
        notices.give(
            ChangeNotice.builder().employer(entitlement.employer()).reducedScope(reduced),
            ChangeNoticeKind.SCOPE_REDUCTION,
            referrer.get(),
            lastDay,
            List.of(entitlement),
            Action.NOTIFY_SCOPE_REDUCTION,
            context);
    return CommandOutcome.accepted(entitlements.find(entitlement.id()).orElseThrow())
        .with("notice", given.notice().id().value())
        .with("lastDay", lastDay.toString());
  }

  private CommandOutcome<ChangeNotice> withdraw(
      ChangeNoticeId id, Optional<ChangeNotice> found, CommandContext context) {
    if (found.isEmpty()) {
      return CommandOutcome.refused(RefusalCode.NOT_FOUND, "notice " + id + " is not known");
    }
    ChangeNotice notice = found.get();
    LocalDate date = context.dateIn(Employers.zoneOf(employers, notice.employer()));
    List<Refusal> refusals = new ArrayList<>();
    if (!context.actor().personId().map(notice.person()::equals).orElse(false)
        && delegates.of(context.actor(), notice.employer(), date).isEmpty()) {
      refusals.add(
          Refusal.of(
              RefusalCode.NOT_THE_REFERRER,
              "only "
                  + notice.person()
                  + " or a current delegate of employer "
                  + notice.employer()
                  + " may withdraw notice "
                  + id));
    }
    if (notice.status() == ChangeNoticeStatus.IN_EFFECT
        || (notice.status() == ChangeNoticeStatus.PENDING && notice.hasTakenEffectOn(date))) {
      refusals.add(
          Refusal.of(
              RefusalCode.NOTICE_IN_EFFECT,
              "notice "
                  + id
                  + " took effect at the start of "
                  + notice.takesEffectOn()
                  + " in the employer's zone; it is "
                  + date));
    } else if (!notice.status().canMoveTo(ChangeNoticeStatus.WITHDRAWN)) {
      refusals.add(
          Refusal.of(
              RefusalCode.ILLEGAL_TRANSITION,
              "notice " + id + " is " + notice.status() + " and cannot be withdrawn"));
    }
    if (!refusals.isEmpty()) {
      return CommandOutcome.refused(refusals);
    }
    ChangeNotice withdrawn = notices.withdraw(notice, context);
    return CommandOutcome.accepted(withdrawn)
        .with(
            "entitlements",
            notice.entitlements().stream()
                .map(limit -> limit.entitlement().value())
                .toList()
                .toString());
  }

  /** The outcome of a notification given ahead of its last day. */
  private static CommandOutcome<ImmutableList<Entitlement>> underNotice(
      ChangeNotices.GivenNotice given) {
    return CommandOutcome.accepted(given.changed())
        .with("notice", given.notice().id().value())
        .with("lastDay", given.notice().lastDay().toString())
        .with("changed", ids(given.changed()));
  }

  private CommandOutcome<TrainingRecord> addTraining(
      TrainingRecord record, CommandContext context) {
    if (people.find(record.person()).isEmpty()) {
      return CommandOutcome.refused(
          RefusalCode.NOT_FOUND, "person " + record.person() + " is not known");
    }
    training.add(record);
    ImmutableList<Entitlement> activated =
        entitlements.forPerson(record.person()).stream()
            .filter(
                entitlement ->
                    entitlement.status() == EntitlementStatus.PENDING_PREREQUISITES
                        && prerequisitesMet(entitlement, context))
            .map(
                entitlement ->
                    changes.consequence(
                        entitlement,
                        EntitlementStatus.ACTIVE,
                        "required training evidenced",
                        Action.ACTIVATE_ENTITLEMENT,
                        TRAINING_PREREQUISITES,
                        Action.RECORD_TRAINING,
                        context))
            .collect(ImmutableList.toImmutableList());
    return CommandOutcome.accepted(record).with("activated", ids(activated));
  }

  private CommandOutcome<AuditRecord> addAudit(AuditRecord record, CommandContext context) {
    boolean failed = record.outcome() == AuditOutcome.FAIL;
    Optional<WrittenProcedures> procedures =
        employers.currentProcedures(record.employer());
    List<Refusal> refusals =
        new ArrayList<>(referrerRefusals(record.referrer(), record.employer()));
    if (failed) {
      refusals.addAll(proceduresRefusals(record.employer(), procedures));
    }
    procedures
        .map(written -> written.nextAuditDue(record.reviewedOn()))
        .filter(latest -> record.nextDue().isAfter(latest))
        .ifPresent(
            latest ->
                refusals.add(
                    Refusal.of(
                        RefusalCode.INVALID_REQUEST,
                        "audit "
                            + record.id()
                            + ": next due on "
                            + record.nextDue()
                            + ", after "
                            + latest
                            + ", which the procedures' audit interval of "
                            + procedures.get().auditInterval()
                            + " from its review on "
                            + record.reviewedOn()
                            + " allows")));
    if (!refusals.isEmpty()) {
      return CommandOutcome.refused(refusals);
    }
    auditRecords.add(record);
    CommandOutcome<AuditRecord> recorded =
        CommandOutcome.accepted(record).with("nextDue", record.nextDue().toString());
    if (!failed) {
      return recorded;
    }
    ComplianceEvent failure = complianceEvents.add(auditFailure(record, context));
    NonComplianceThreshold.Finding finding =
        threshold.evaluate(
            failure,
            employers.find(record.employer()).orElseThrow(),
            procedures.get(),
            Action.RECORD_AUDIT,
            context);
    return recorded
        .with("complianceEvent", failure.id().value())
        .with("nonCompliance", finding.words())
        .raising(finding.tasksRaised());
  }

  private ImmutableList<Role> rolesAt(PersonId person, EmployerId employer) {
    return people.roles(person).stream()
        .filter(role -> role.employer().equals(employer))
        .collect(ImmutableList.toImmutableList());
  }

  private static List<Refusal> roleChangeRefusals(Role old, Role newRole) {
    List<Refusal> refusals = new ArrayList<>();
    if (newRole.id().equals(old.id())) {
      refusals.add(Refusal.of(RefusalCode.INVALID_REQUEST, "the new role needs an id of its own"));
    }
    if (!newRole.person().equals(old.person()) || !newRole.employer().equals(old.employer())) {
      refusals.add(
          Refusal.of(
              RefusalCode.INVALID_REQUEST,
              "the new role must be held by "
                  + old.person()
                  + " at "
                  + old.employer()
                  + ", like role "
                  + old.id()));
    }
    if (!newRole.validFrom().isAfter(old.validFrom())) {
      refusals.add(
          Refusal.of(
              RefusalCode.INVALID_REQUEST,
              "the new role must start after "
                  + old.validFrom()
                  + ", when role "
                  + old.id()
                  + " started"));
    }
    return refusals;
  }

  /** Saves {@code role} ending on {@code lastDay}, unless it already ends earlier. */
  private void endRole(Role role, LocalDate lastDay) {
    if (role.validTo().map(end -> end.isAfter(lastDay)).orElse(true)) {
      people
          .saveRole(Role.builder().from(role).validTo(lastDay).build(), role.version());
    }
  }

  /**
   * Whether a pending entitlement may become active on the command's date: within its validity, its
   * referrer eligible (registration current, role held) and every training its scope needs under
   * the employer's current procedures current (principle 4).
   */
  private boolean prerequisitesMet(Entitlement entitlement, CommandContext context) {
    LocalDate date = context.dateIn(Employers.zoneOf(employers, entitlement.employer()));
    return entitlement.isWithinValidity(date)
        && eligibility.refusals(entitlement, date).isEmpty()
        && employers
            .currentProcedures(entitlement.employer())
            .map(
                procedures ->
                    RequiredTraining.notCurrent(
                            entitlement.scope(),
                            procedures,
                            training
                                .forPerson(entitlement.subject().person().orElseThrow()),
                            date)
                        .isEmpty())
            .orElse(false);
  }

  private static ComplianceEvent auditFailure(AuditRecord record, CommandContext context) {
    return ComplianceEvent.builder()
        .id(ComplianceEventId.of("AUDIT-FAIL-" + record.id()))
        .referrer(record.referrer())
        .employer(record.employer())
        .kind(ComplianceEventKind.AUDIT_FAIL)
        .upheld(true)
        .occurredAt(context.at())
        .description(
            "audit "
                + record.id()
                + " of referrals from "
                + record.periodFrom()
                + " to "
                + record.periodTo()
                + " failed")
        .recordedBy(context.actor().personId())
        .build();
  }

  private static List<Refusal> authorityRefusals(
      Authority authority, Entitlement entitlement, Acting acting, CommandContext context) {
    boolean allowed =
        acting.delegation().isPresent()
            || (authority == Authority.DELEGATE_OR_SYSTEM && context.actor().system());
    return allowed
        ? List.of()
        : List.of(Delegates.notADelegate(context.actor(), entitlement.employer(), acting.date()));
  }

  private static Optional<Refusal> ownEntitlement(Entitlement entitlement, CommandContext context) {
    return context
        .actor()
        .personId()
        .filter(entitlement::isFor)
        .map(
            person ->
                Refusal.of(
                    RefusalCode.OWN_APPLICATION,
                    person
                        + " may not reinstate or change the scope of their own entitlement "
                        + entitlement.id()));
  }

  private static Optional<Refusal> transitionRefusal(
      Entitlement entitlement, EntitlementStatus target) {
    return entitlement.status().canMoveTo(target)
        ? Optional.empty()
        : Optional.of(
            Refusal.of(
                RefusalCode.ILLEGAL_TRANSITION,
                "entitlement "
                    + entitlement.id()
                    + " is "
                    + entitlement.status()
                    + " and cannot move to "
                    + target));
  }

  private List<Refusal> proceduresRefusals(
      EmployerId employer, Optional<WrittenProcedures> procedures) {
    if (employers.find(employer).isEmpty()) {
      return List.of(Refusal.of(RefusalCode.NOT_FOUND, "employer " + employer + " is not known"));
    }
    return procedures.isPresent()
        ? List.of()
        : List.of(
            Refusal.of(
                RefusalCode.NO_PROCEDURES,
                "employer " + employer + " has no written procedures in force"));
  }

  private List<Refusal> referrerRefusals(PersonId referrer, EmployerId employer) {
    List<Refusal> refusals = new ArrayList<>();
    if (people.find(referrer).isEmpty()) {
      refusals.add(Refusal.of(RefusalCode.NOT_FOUND, "person " + referrer + " is not known"));
    }
    if (employers.find(employer).isEmpty()) {
      refusals.add(Refusal.of(RefusalCode.NOT_FOUND, "employer " + employer + " is not known"));
    }
    return refusals;
  }

  private Supplier<Optional<String>> state(EntitlementId id) {
    return () -> entitlements.find(id).map(States::of);
  }

  private static Optional<String> recorded(boolean present) {
    return present ? Optional.of(States.RECORDED) : Optional.empty();
  }

  private static String ids(List<Entitlement> entitlements) {
    return idsOf(entitlements).toString();
  }

  private static List<EntitlementId> idsOf(List<Entitlement> entitlements) {
    return entitlements.stream().map(Entitlement::id).toList();
  }
}
