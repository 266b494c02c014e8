package org.irmer.entitlement.core.port.out;

import static com.google.common.base.Preconditions.checkNotNull;

/**
 * Every driven port of the entitlement register, as an adapter module offers them: the input of the
 * library's entry point, which hands each service and evaluator only the ports it reads. Nothing
 * else takes the whole set.
 *
 * <p>{@code tasks} keeps the delegates' work and {@code activity} counts referrers' requests from the
 * recorded decisions; an adapter gives both real implementations over its own storage.
 *
 * <p>{@code spool} holds the decisions of checks while the audit trail cannot be written; a
 * register made without one has {@link DecisionSpool#none()}, and its checks fail closed then.
 */
public record Register(
    EmployerStore employers,
    PersonStore people,
    DelegationStore delegations,
    ApplicationStore applications,
    EntitlementStore entitlements,
    TrainingStore training,
    ComplianceEventStore complianceEvents,
    AuditRecordStore auditRecords,
    ChangeNoticeStore notices,
    AgreementStore agreements,
    TaskStore tasks,
    ReferralActivity activity,
    ExaminationCatalogue examinations,
    GuidelineCatalogue guidelines,
    AuditTrail auditTrail,
    Notifications notifications,
    RegistrationLookup registrationLookup,
    Transactions transactions,
    ChangeFeed changes,
    DecisionSpool spool) {

  public Register {
    checkNotNull(employers, "employers");
    checkNotNull(people, "people");
    checkNotNull(delegations, "delegations");
    checkNotNull(applications, "applications");
    checkNotNull(entitlements, "entitlements");
    checkNotNull(training, "training");
    checkNotNull(complianceEvents, "complianceEvents");
    checkNotNull(auditRecords, "auditRecords");
    checkNotNull(notices, "notices");
    checkNotNull(agreements, "agreements");
    checkNotNull(tasks, "tasks");
    checkNotNull(activity, "activity");
    checkNotNull(examinations, "examinations");
    checkNotNull(guidelines, "guidelines");
    checkNotNull(auditTrail, "auditTrail");
    checkNotNull(notifications, "notifications");
    checkNotNull(registrationLookup, "registrationLookup");
    checkNotNull(transactions, "transactions");
    checkNotNull(changes, "changes");
    checkNotNull(spool, "spool");
  }

  /** The ports of a register that has no spool ({@link DecisionSpool#none()}). */
  public Register(
      EmployerStore employers,
      PersonStore people,
      DelegationStore delegations,
      ApplicationStore applications,
      EntitlementStore entitlements,
      TrainingStore training,
      ComplianceEventStore complianceEvents,
      AuditRecordStore auditRecords,
      ChangeNoticeStore notices,
      AgreementStore agreements,
      TaskStore tasks,
      ReferralActivity activity,
      ExaminationCatalogue examinations,
      GuidelineCatalogue guidelines,
      AuditTrail auditTrail,
      Notifications notifications,
      RegistrationLookup registrationLookup,
      Transactions transactions,
      ChangeFeed changes) {
    this(employers, people, delegations, applications, entitlements, training, complianceEvents,
        auditRecords, notices, agreements, tasks, activity, examinations, guidelines, auditTrail, notifications,
        registrationLookup, transactions, changes, DecisionSpool.none());
  }
}
