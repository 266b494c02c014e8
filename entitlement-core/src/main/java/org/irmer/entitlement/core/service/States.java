package org.irmer.entitlement.core.service;

import org.irmer.entitlement.core.domain.Application;
import org.irmer.entitlement.core.domain.ChangeNotice;
import org.irmer.entitlement.core.domain.Entitlement;
import org.irmer.entitlement.core.domain.Person;
import org.irmer.entitlement.core.domain.Role;
import org.irmer.entitlement.core.domain.Task;

/**
 * How the audit trail words the state of a subject before and after a command: a status and the
 * stored version for applications, entitlements and change notices ({@code ACTIVE v3}), the period
 * for roles, the registration for people ({@code HCPC PH104729 LAPSED v2}).
 */
final class States {

  /** The state of a record that is only ever added (training, compliance events, audits). */
  static final String RECORDED = "RECORDED";

  private States() {}

  static String of(Entitlement entitlement) {
    return entitlement.status() + " v" + entitlement.version();
  }

  static String of(Application application) {
    return application.status() + " v" + application.version();
  }

  static String of(Task task) {
    return task.state() + " v" + task.version();
  }

  static String of(ChangeNotice notice) {
    return notice.status() + " v" + notice.version();
  }

  static String of(Person person) {
    return person
            .registration()
            .map(held -> held.regulator() + " " + held.number() + " " + held.status())
            .orElse("no registration")
        + " v"
        + person.version();
  }

  static String of(Role role) {
    return role.id()
        + " held from "
        + role.validFrom()
        + role.validTo().map(end -> " to " + end).orElse("")
        + " v"
        + role.version();
  }
}
