package org.irmer.entitlement.core.port.out;

import static com.google.common.base.Preconditions.checkNotNull;

/**
 * Every driven port of the entitlement register, gathered so that services and engines are wired
 * from one value. An adapter module offers one way to build it.
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
    AgreementStore agreements,
    ExaminationCatalogue examinations,
    GuidelineCatalogue guidelines,
    AuditTrail auditTrail,
    Notifications notifications,
    RegistrationLookup registrationLookup,
    Transactions transactions) {

  public Register {
    checkNotNull(employers, "employers");
    checkNotNull(people, "people");
    checkNotNull(delegations, "delegations");
    checkNotNull(applications, "applications");
    checkNotNull(entitlements, "entitlements");
    checkNotNull(training, "training");
    checkNotNull(complianceEvents, "complianceEvents");
    checkNotNull(auditRecords, "auditRecords");
    checkNotNull(agreements, "agreements");
    checkNotNull(examinations, "examinations");
    checkNotNull(guidelines, "guidelines");
    checkNotNull(auditTrail, "auditTrail");
    checkNotNull(notifications, "notifications");
    checkNotNull(registrationLookup, "registrationLookup");
    checkNotNull(transactions, "transactions");
  }
}
