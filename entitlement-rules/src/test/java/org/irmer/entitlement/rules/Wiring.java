package org.irmer.entitlement.rules;

import org.irmer.entitlement.core.port.out.Register;
import org.irmer.entitlement.core.service.ApplicationService;
import org.irmer.entitlement.core.service.ComplianceSweepService;
import org.irmer.entitlement.core.service.EntitlementService;
import org.irmer.entitlement.core.service.RegistrationService;
import org.irmer.entitlement.core.service.TaskService;
import org.irmer.entitlement.core.service.UnitOfWork;

/**
 * The services wired from a whole set of ports one by one, as the entry point wires them, for
 * tests that drive a service alone or over an evaluator of their choice.
 */
public final class Wiring {

  private Wiring() {}

  public static UnitOfWork work(Register ports) {
    return new UnitOfWork(ports.transactions(), ports.auditTrail(), ports.changes());
  }

  public static ApplicationService applications(Register ports) {
    return new ApplicationService(ports.applications(), ports.people(), ports.employers(),
        ports.delegations(), ports.entitlements(), ports.training(), ports.notices(),
        ports.registrationLookup(), ports.notifications(), work(ports));
  }

  public static EntitlementService entitlements(Register ports) {
    return new EntitlementService(ports.entitlements(), ports.people(), ports.employers(),
        ports.delegations(), ports.training(), ports.complianceEvents(), ports.auditRecords(),
        ports.notices(), ports.tasks(), ports.notifications(), work(ports));
  }

  public static TaskService tasks(Register ports) {
    return new TaskService(ports.tasks(), ports.employers(), ports.delegations(),
        ports.entitlements(), entitlements(ports), applications(ports), work(ports));
  }

  public static RegistrationService registrations(Register ports) {
    return new RegistrationService(ports.people(), ports.entitlements(), ports.employers(),
        ports.delegations(), ports.registrationLookup(), ports.notifications(), work(ports));
  }

  public static ComplianceSweepService sweep(Register ports) {
    return new ComplianceSweepService(ports.entitlements(), ports.people(), ports.employers(),
        ports.delegations(), ports.training(), ports.auditRecords(), ports.notices(),
        ports.applications(), ports.tasks(), ports.activity(), ports.registrationLookup(),
        ports.notifications(), work(ports));
  }

  public static ReferralCheckService referralCheck(ReferralEvaluator evaluator, Register ports) {
    return new ReferralCheckService(evaluator, ports.auditTrail(), ports.complianceEvents(),
        ports.notifications(), ports.employers(), ports.entitlements(), ports.transactions());
  }

  public static ClinicalEvaluationCheckService clinicalCheck(ReferralEvaluator evaluator,
      Register ports) {
    return new ClinicalEvaluationCheckService(evaluator, ports.auditTrail(), ports.transactions());
  }
}
