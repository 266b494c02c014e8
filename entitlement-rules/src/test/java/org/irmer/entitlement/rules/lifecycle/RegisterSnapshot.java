package org.irmer.entitlement.rules.lifecycle;

import com.google.common.collect.ImmutableList;
import org.irmer.entitlement.core.domain.Application;
import org.irmer.entitlement.core.domain.AuditRecord;
import org.irmer.entitlement.core.domain.ChangeNotice;
import org.irmer.entitlement.core.domain.ComplianceEvent;
import org.irmer.entitlement.core.domain.Employer;
import org.irmer.entitlement.core.domain.Entitlement;
import org.irmer.entitlement.core.domain.Person;
import org.irmer.entitlement.core.domain.Role;
import org.irmer.entitlement.core.domain.Task;
import org.irmer.entitlement.core.domain.TaskQuery;
import org.irmer.entitlement.core.domain.TrainingRecord;
import org.irmer.entitlement.core.port.out.Notification;
import org.irmer.entitlement.core.port.out.Register;

/**
 * Everything a register holds apart from its audit trail: every version of every entitlement and
 * application, change notice and task, people and roles, training, compliance events, audits, and the
 * notifications sent.
 * Two snapshots are equal when nothing but the audit trail changed in between.
 */
record RegisterSnapshot(
    ImmutableList<ImmutableList<Entitlement>> entitlementHistories,
    ImmutableList<ImmutableList<Application>> applicationHistories,
    ImmutableList<Person> people,
    ImmutableList<Role> roles,
    ImmutableList<TrainingRecord> training,
    ImmutableList<ComplianceEvent> complianceEvents,
    ImmutableList<AuditRecord> audits,
    ImmutableList<ImmutableList<ChangeNotice>> noticeHistories,
    ImmutableList<ImmutableList<Task>> taskHistories,
    ImmutableList<Notification> notifications) {

  static RegisterSnapshot of(SampleTrust trust) {
    Register register = trust.register;
    ImmutableList<Person> people = register.people().all();
    ImmutableList<Employer> employers = register.employers().all();
    return new RegisterSnapshot(
        register.entitlements().all().stream()
            .map(entitlement -> register.entitlements().history(entitlement.id()))
            .collect(ImmutableList.toImmutableList()),
        people.stream()
            .flatMap(person -> register.applications().forApplicant(person.id()).stream())
            .map(application -> register.applications().history(application.id()))
            .collect(ImmutableList.toImmutableList()),
        people,
        people.stream()
            .flatMap(person -> register.people().roles(person.id()).stream())
            .collect(ImmutableList.toImmutableList()),
        register.training().all(),
        people.stream()
            .flatMap(
                person ->
                    employers.stream()
                        .flatMap(
                            employer ->
                                register
                                    .complianceEvents()
                                    .forReferrer(person.id(), employer.id())
                                    .stream()))
            .collect(ImmutableList.toImmutableList()),
        people.stream()
            .flatMap(
                person ->
                    employers.stream()
                        .flatMap(
                            employer ->
                                register
                                    .auditRecords()
                                    .forReferrer(person.id(), employer.id())
                                    .stream()))
            .collect(ImmutableList.toImmutableList()),
        people.stream()
            .flatMap(person -> register.notices().forPerson(person.id()).stream())
            .map(notice -> register.notices().history(notice.id()))
            .collect(ImmutableList.toImmutableList()),
        register.tasks().query(TaskQuery.all()).stream()
            .map(task -> register.tasks().history(task.id()))
            .collect(ImmutableList.toImmutableList()),
        trust.memory.notifications());
  }
}
