package org.irmer.entitlement.rules.wiring;

import org.irmer.entitlement.rules.ClinicalEvaluationCheckService;
import org.irmer.entitlement.rules.DecisionSpooler;
import org.irmer.entitlement.rules.ReferralCheckService;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.time.Clock;
import java.time.Duration;

import org.irmer.entitlement.core.port.in.AuditPastReferrals;
import org.irmer.entitlement.core.port.in.CheckClinicalEvaluation;
import org.irmer.entitlement.core.port.in.CheckReferral;
import org.irmer.entitlement.core.port.in.ManageApplications;
import org.irmer.entitlement.core.port.in.ManageEntitlements;
import org.irmer.entitlement.core.port.in.ManageRegistrations;
import org.irmer.entitlement.core.port.in.RecordChannelEvents;
import org.irmer.entitlement.core.port.in.ManageTasks;
import org.irmer.entitlement.core.port.in.RunComplianceSweep;
import org.irmer.entitlement.core.port.out.DecisionData;
import org.irmer.entitlement.core.port.out.Register;
import org.irmer.entitlement.core.service.ApplicationService;
import org.irmer.entitlement.core.service.ChannelEventService;
import org.irmer.entitlement.core.service.ComplianceSweepService;
import org.irmer.entitlement.core.service.EntitlementService;
import org.irmer.entitlement.core.service.RegistrationService;
import org.irmer.entitlement.core.service.StoreDecisionData;
import org.irmer.entitlement.core.service.TaskService;
import org.irmer.entitlement.core.service.UnitOfWork;
import org.irmer.entitlement.rules.audit.ReferralAuditService;
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
 *
 * <p><b>When the database fails</b> (ARCHITECTURE.md, persistence and scale), nothing is lost and
 * nothing needs a restart:
 *
 * <ul>
 *   <li>checks go on being answered from the engine's last snapshot, each warned with its age
 *       ({@code SNAPSHOT_STALE}); beyond the staleness limit they fail closed, {@code
 *       INDETERMINATE [DATA_UNAVAILABLE]} (see {@link LiveEngine});
 *   <li>their audit records, blocked attempts and notifications are held in the register's
 *       {@linkplain Register#spool() spool} and written, in order, when the trail can be written
 *       again: after each catch-up of the engine that reaches the register, or when {@link
 *       #replaySpool} is called (see {@link DecisionSpooler});
 *   <li>lifecycle commands fail with {@link org.irmer.entitlement.core.port.out.StoreUnavailableException}
 *       and change nothing, since their writes and audit record are one unit of work.
 * </ul>
 *
 * <p>The staleness limit (15 minutes unless said otherwise) and the clock are options:
 *
 * <pre>{@code
 * EntitlementRegister register = EntitlementRegister.over(ports)
 *     .failClosedAfter(Duration.ofMinutes(5))
 *     .open();
 * }</pre>
 */
public final class EntitlementRegister implements AutoCloseable {

  private final DecisionData decisionData;
  private final LiveEngine engine;
  private final DecisionSpooler spooler;
  private final CheckReferral referrals;
  private final CheckClinicalEvaluation clinicalEvaluations;
  private final ManageApplications applications;
  private final ManageEntitlements entitlements;
  private final ManageRegistrations registrations;
  private final RunComplianceSweep complianceSweep;
  private final ManageTasks tasks;
  private final RecordChannelEvents channelEvents;
  private final AuditPastReferrals pastReferrals;

  private EntitlementRegister(Register ports, Clock clock, Duration stalenessLimit) {
    UnitOfWork work = new UnitOfWork(ports.transactions(), ports.auditTrail(), ports.changes());
    decisionData = StoreDecisionData.from(ports);
    engine = LiveEngine.follow(decisionData, ports.changes(), ports.transactions(), clock,
        stalenessLimit);
    spooler = new DecisionSpooler(ports.spool(), ports.auditTrail(), ports.transactions(), engine);
    referrals = new ReferralCheckService(engine, ports.auditTrail(), ports.complianceEvents(),
        ports.notifications(), ports.employers(), ports.entitlements(), ports.transactions(),
        spooler);
    clinicalEvaluations = new ClinicalEvaluationCheckService(engine, ports.auditTrail(),
        ports.transactions(), spooler);
    applications = new ApplicationService(ports.applications(), ports.people(), ports.employers(),
        ports.delegations(), ports.entitlements(), ports.training(), ports.notices(),
        ports.registrationLookup(), ports.notifications(), work);
    entitlements = new EntitlementService(ports.entitlements(), ports.people(), ports.employers(),
        ports.delegations(), ports.training(), ports.complianceEvents(), ports.auditRecords(),
        ports.notices(), ports.tasks(), ports.notifications(), work);
    registrations = new RegistrationService(ports.people(), ports.entitlements(),
        ports.employers(), ports.delegations(), ports.registrationLookup(), ports.notifications(),
        work);
    complianceSweep = new ComplianceSweepService(ports.entitlements(), ports.people(),
        ports.employers(), ports.delegations(), ports.training(), ports.auditRecords(),
        ports.notices(), ports.applications(), ports.tasks(), ports.activity(),
        ports.registrationLookup(), ports.notifications(), work);
    tasks = new TaskService(ports.tasks(), ports.employers(), ports.delegations(),
        ports.entitlements(), entitlements, applications, work);
    channelEvents = new ChannelEventService(ports.transactions(), ports.auditTrail());
    pastReferrals = new ReferralAuditService(decisionData, ports.entitlements(),
        ports.complianceEvents(), ports.auditTrail(), ports.transactions());
    engine.onConfirmed(spooler::replay);
    try {
      spooler.known(ports.auditTrail().size());
      // What a previous process left in a spool on storage is appended now, when it can be.
      spooler.replay();
    } catch (RuntimeException unavailable) {
      // It stays held; the next catch-up of the engine tries again.
    }
  }

  /**
   * Wires the register over {@code ports}, with the default options, and compiles its engine.
   *
   * @throws org.irmer.entitlement.core.port.out.StoreUnavailableException when the stores cannot be
   *     read to compile the engine
   */
  public static EntitlementRegister open(Register ports) {
    return over(ports).open();
  }

  /** The options of a register over {@code ports}, to be {@linkplain Options#open() opened}. */
  public static Options over(Register ports) {
    return new Options(checkNotNull(ports, "ports"));
  }

  /**
   * Appends the decisions held in the spool to the audit trail, in order, and returns how many.
   * The register does this by itself after each catch-up of its engine; call it to do it now.
   *
   * @throws org.irmer.entitlement.core.port.out.StoreUnavailableException when the trail still
   *     cannot be written; the decisions not appended stay held
   */
  public int replaySpool() {
    return spooler.replay();
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

  /**
   * The delegates' tasks, raised by the sweep and the lifecycle, listed and decided (principles 1
   * and 6).
   */
  public ManageTasks tasks() {
    return tasks;
  }

  /** The compliance sweep (principle 6). */
  public RunComplianceSweep complianceSweep() {
    return complianceSweep;
  }

  /** What the ordering channels record besides decisions: feedback, refused callers, bad messages. */
  public RecordChannelEvents channelEvents() {
    return channelEvents;
  }

  /**
   * Retrospective audit of referral logs (principle 10): each request judged against the register
   * as it stood at its own instant, one audit record a run.
   */
  public AuditPastReferrals pastReferrals() {
    return pastReferrals;
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

  /** How a register is opened: the staleness its checks tolerate and the clock they read. */
  public static final class Options {

    private final Register ports;
    private Duration stalenessLimit = LiveEngine.DEFAULT_STALENESS_LIMIT;
    private Clock clock = Clock.systemUTC();

    private Options(Register ports) {
      this.ports = ports;
    }

    /**
     * How long checks may be answered from a snapshot that cannot be confirmed current, with a
     * warning; past it they fail closed (default 15 minutes).
     *
     * @throws IllegalArgumentException when {@code limit} is not positive
     */
    public Options failClosedAfter(Duration limit) {
      checkArgument(limit.compareTo(Duration.ZERO) > 0,
          "the staleness limit must be positive: %s", limit);
      this.stalenessLimit = limit;
      return this;
    }

    /** The clock the engine reads the snapshot's age on (default: the system clock, in UTC). */
    public Options clock(Clock clock) {
      this.clock = checkNotNull(clock, "clock");
      return this;
    }

    /**
     * Wires the register and compiles its engine.
     *
     * @throws org.irmer.entitlement.core.port.out.StoreUnavailableException when the stores cannot
     *     be read to compile the engine
     */
    public EntitlementRegister open() {
      return new EntitlementRegister(ports, clock, stalenessLimit);
    }
  }
}
