package org.irmer.entitlement.rules.wiring;

import org.irmer.entitlement.rules.ClinicalEvaluationCheckService;
import org.irmer.entitlement.rules.ReferralCheckService;

import static com.google.common.base.Preconditions.checkNotNull;

import org.irmer.entitlement.core.port.in.CheckClinicalEvaluation;
import org.irmer.entitlement.core.port.in.CheckReferral;
import org.irmer.entitlement.core.port.in.ManageApplications;
import org.irmer.entitlement.core.port.in.ManageEntitlements;
import org.irmer.entitlement.core.port.in.ManageRegistrations;
import org.irmer.entitlement.core.port.in.RunComplianceSweep;
import org.irmer.entitlement.core.port.out.DecisionData;
import org.irmer.entitlement.core.port.out.Register;
import org.irmer.entitlement.core.service.ApplicationService;
import org.irmer.entitlement.core.service.ComplianceSweepService;
import org.irmer.entitlement.core.service.EntitlementService;
import org.irmer.entitlement.core.service.RegistrationService;
import org.irmer.entitlement.core.service.StoreDecisionData;
import org.irmer.entitlement.core.service.UnitOfWork;
import org.irmer.entitlement.rules.compiled.LiveEngine;

/**
 * The library's entry point: the entitlement register wired from a set of driven ports (an
 * adapter module offers them as a {@link Register}). It builds, once, the lifecycle services, the
 * compiled {@linkplain LiveEngine live engine} that follows the register's change feed, the checks
 * that record every decision, and the compliance sweep, each given only the ports it uses.
 *
 * <pre>{@code
 * try (EntitlementRegister register = EntitlementRegister.open(InMemoryRegister.create().register())) {
 *   ReferralDecision decision = register.referrals().check(request);
 *   register.entitlements().suspend(entitlementId, context);
 *   register.referrals().check(request);  // already refused: the engine followed the suspension
 * }
 * }</pre>
 *
 * <p>Every accepted command publishes what it changed on the change feed in its own unit of work,
 * and the live engine applies it before the command returns when the commit was made in this
 * process; commits made by other processes over the same stores reach it through the feed.
 * Thread-safe. Closing stops following the feed.
 */
public final class EntitlementRegister implements AutoCloseable {

  private final DecisionData decisionData;
  private final LiveEngine engine;
  private final CheckReferral referrals;
  private final CheckClinicalEvaluation clinicalEvaluations;
  private final ManageApplications applications;
  private final ManageEntitlements entitlements;
  private final ManageRegistrations registrations;
  private final RunComplianceSweep complianceSweep;

  private EntitlementRegister(Register ports) {
    UnitOfWork work = new UnitOfWork(ports.transactions(), ports.auditTrail(), ports.changes());
    decisionData = StoreDecisionData.from(ports);
    engine = LiveEngine.follow(decisionData, ports.changes(), ports.transactions());
    referrals = new ReferralCheckService(engine, ports.auditTrail(), ports.complianceEvents(),
        ports.notifications(), ports.employers(), ports.entitlements(), ports.transactions());
    clinicalEvaluations = new ClinicalEvaluationCheckService(engine, ports.auditTrail(),
        ports.transactions());
    applications = new ApplicationService(ports.applications(), ports.people(), ports.employers(),
        ports.delegations(), ports.entitlements(), ports.training(), ports.notices(),
        ports.registrationLookup(), ports.notifications(), work);
    entitlements = new EntitlementService(ports.entitlements(), ports.people(), ports.employers(),
        ports.delegations(), ports.training(), ports.complianceEvents(), ports.auditRecords(),
        ports.notices(), ports.notifications(), work);
    registrations = new RegistrationService(ports.people(), ports.entitlements(),
        ports.employers(), ports.delegations(), ports.registrationLookup(), ports.notifications(),
        work);
    complianceSweep = new ComplianceSweepService(ports.entitlements(), ports.people(),
        ports.employers(), ports.delegations(), ports.training(), ports.auditRecords(),
        ports.notices(), ports.registrationLookup(), ports.notifications(), work);
  }

  /**
   * Wires the register over {@code ports} and compiles its engine.
   *
   * @throws org.irmer.entitlement.core.port.out.StoreUnavailableException when the stores cannot be
   *     read to compile the engine
   */
  public static EntitlementRegister open(Register ports) {
    return new EntitlementRegister(checkNotNull(ports, "ports"));
  }

  /** The request-time referral check on the live engine, recording every decision. */
  public CheckReferral referrals() {
    return referrals;
  }

  /** The check of entitlement to clinically evaluate (principle 11), recorded. */
  public CheckClinicalEvaluation clinicalEvaluations() {
    return clinicalEvaluations;
  }

  /** Applications and the delegates' decisions on them (principles 1 and 2). */
  public ManageApplications applications() {
    return applications;
  }

  /** The life of granted entitlements (principles 1 and 3 to 10). */
  public ManageEntitlements entitlements() {
    return entitlements;
  }

  /**
   * The registration status the register holds for each person, recorded from the regulator's
   * register or by hand (DOMAIN.md section 3).
   */
  public ManageRegistrations registrations() {
    return registrations;
  }

  /** The compliance sweep (principle 6). */
  public RunComplianceSweep complianceSweep() {
    return complianceSweep;
  }

  /** The compiled engine following the change feed; its checks record nothing. */
  public LiveEngine engine() {
    return engine;
  }

  /** The decision data read live from the stores, as the engine compiles it. */
  public DecisionData decisionData() {
    return decisionData;
  }

  @Override
  public void close() {
    engine.close();
  }
}
