package org.irmer.entitlement.core.port.out;

import static com.google.common.base.Preconditions.checkNotNull;

/**
 * Every driven port of the entitlement register, as an adapter module offers them: the input of the
 * library's entry point, which hands each service and evaluator only the ports it reads. Nothing
 * else takes the whole set.
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
    ExaminationCatalogue examinations,
    GuidelineCatalogue guidelines,
    AuditTrail auditTrail,
    Notifications notifications,
    RegistrationLookup registrationLookup,
    Transactions transactions,
    ChangeFeed changes) {

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
    checkNotNull(examinations, "examinations");
    checkNotNull(guidelines, "guidelines");
    checkNotNull(auditTrail, "auditTrail");
    checkNotNull(notifications, "notifications");
    checkNotNull(registrationLookup, "registrationLookup");
    checkNotNull(transactions, "transactions");
    checkNotNull(changes, "changes");
  }
}
