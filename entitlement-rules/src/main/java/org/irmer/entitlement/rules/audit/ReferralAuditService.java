package org.irmer.entitlement.rules.audit;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;
import static com.google.common.base.Preconditions.checkState;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableListMultimap;
import com.google.common.collect.ImmutableSortedMap;
import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.TreeMap;
import org.irmer.entitlement.core.domain.AuditEvent;
import org.irmer.entitlement.core.domain.AuditTrailEntry;
import org.irmer.entitlement.core.domain.CommandContext;
import org.irmer.entitlement.core.domain.ComplianceEvent;
import org.irmer.entitlement.core.domain.ComplianceEventKind;
import org.irmer.entitlement.core.domain.EmployerAudit;
import org.irmer.entitlement.core.domain.EmployerId;
import org.irmer.entitlement.core.domain.PersonId;
import org.irmer.entitlement.core.domain.ReferralAuditReport;
import org.irmer.entitlement.core.domain.ReferralRequest;
import org.irmer.entitlement.core.domain.ReferrerAudit;
import org.irmer.entitlement.core.domain.SkippedRow;
import org.irmer.entitlement.core.port.in.AuditPastReferrals;
import org.irmer.entitlement.core.port.out.AuditTrail;
import org.irmer.entitlement.core.port.out.ComplianceEventStore;
import org.irmer.entitlement.core.port.out.DecisionData;
import org.irmer.entitlement.core.port.out.EntitlementStore;
import org.irmer.entitlement.core.port.out.Transactions;
import org.irmer.entitlement.rules.compiled.CompiledEngine;
import org.irmer.entitlement.rules.compiled.Verdict;
import org.jspecify.annotations.Nullable;

/**
 * Retrospective audit of referral logs (principle 10 of the 2025 guidance): each request judged
 * against the register as it stood at its own instant, by the compiled engine of the request-time
 * check, so with the same decision semantics (DOMAIN.md section 5).
 *
 * <p>A run reads the register's entitlement history once ({@link EntitlementHistory}) and the rest
 * of the decision data once ({@link RegisterAsOf}); each request falls in an interval between two
 * entitlement changes, and is checked against a snapshot compiled for that interval, the last few
 * kept ({@link Snapshots}). The requests' checks are not recorded one by one and raise no
 * compliance event: the run writes one audit-trail record, action {@value #ACTION}, summarising it.
 *
 * <p>Practitioner outcomes are the compliance events the register holds against the referrer at
 * the employer that name the order of a request (principle 7; any kind but {@code
 * BLOCKED_ATTEMPT}, which the system records, not the practitioner), read once per referrer and
 * employer.
 *
 * <p>Requests in the names of people the register does not know are counted together, per
 * employer, not per name. Memory: the register's data and a few snapshots, one set of counters per
 * known referrer and employer met, and the first {@value #SKIPPED_KEPT} skipped rows; nothing
 * grows with the number of rows.
 */
public final class ReferralAuditService implements AuditPastReferrals {

  /** The audit-trail action of a run. */
  public static final String ACTION = "audit-referral-log";

  /** How many skipped rows a report lists; it counts them all. */
  public static final int SKIPPED_KEPT = 100;

  private final DecisionData data;
  private final EntitlementStore entitlements;
  private final ComplianceEventStore complianceEvents;
  private final AuditTrail auditTrail;
  private final Transactions transactions;

  public ReferralAuditService(DecisionData data, EntitlementStore entitlements,
      ComplianceEventStore complianceEvents, AuditTrail auditTrail, Transactions transactions) {
    this.data = checkNotNull(data, "data");
    this.entitlements = checkNotNull(entitlements, "entitlements");
    this.complianceEvents = checkNotNull(complianceEvents, "complianceEvents");
    this.auditTrail = checkNotNull(auditTrail, "auditTrail");
    this.transactions = checkNotNull(transactions, "transactions");
  }

  @Override
  public Run begin(String log, CommandContext context) {
    checkNotNull(log, "log");
    checkArgument(!log.isBlank(), "the log must be named");
    checkNotNull(context, "context");
    return transactions.reading(() -> new AuditRun(log, context,
        EntitlementHistory.read(entitlements), new RegisterAsOf.Register(data)));
  }

  /**
   * The counters of one referrer at one employer, the practitioner's outcomes by order, and the
   * same referrer's counters at the next employer they referred to, if any.
   */
  private static final class ReferrerTally {

    final Tally tally = new Tally();
    final EmployerId employer;
    final ImmutableListMultimap<String, ComplianceEventKind> outcomes;
    final @Nullable ReferrerTally next;

    ReferrerTally(EmployerId employer, ImmutableListMultimap<String, ComplianceEventKind> outcomes,
        @Nullable ReferrerTally next) {
      this.employer = employer;
      this.outcomes = outcomes;
      this.next = next;
    }
  }

  private final class AuditRun implements Run {

    private final String log;
    private final CommandContext context;
    private final EntitlementHistory history;
    private final Snapshots snapshots;
    private final RegisterAsOf.Register register;
    private final Map<EmployerId, Map<PersonId, ReferrerTally>> tallies = new HashMap<>();
    private final Map<PersonId, ReferrerTally> byPerson = new HashMap<>();
    private final Map<EmployerId, ReferrerTally> unknown = new HashMap<>();
    private final List<SkippedRow> firstSkipped = new ArrayList<>();
    private final BitSet intervalsUsed = new BitSet();
    private long skipped;
    private int interval = -1;
    private @Nullable CompiledEngine engine;
    private @Nullable Instant earliest;
    private @Nullable Instant latest;
    private boolean finished;

    AuditRun(String log, CommandContext context, EntitlementHistory history,
        RegisterAsOf.Register register) {
      this.log = log;
      this.context = context;
      this.history = history;
      this.register = register;
      this.snapshots = new Snapshots(history, register);
    }

    @Override
    public void request(long line, ReferralRequest request) {
      checkState(!finished, "the audit has finished");
      checkArgument(line >= 1, "line must be at least 1: %s", line);
      checkNotNull(request, "request");
      Instant at = request.requestedAt();
      if (interval < 0 || !history.contains(interval, at)) {
        interval = history.interval(at);
        engine = snapshots.engine(interval);
        intervalsUsed.set(interval);
      }
      ReferrerTally referrer = tally(request.employer(), request.referrer());
      Verdict verdict = checkNotNull(engine).check(request);
      if (verdict.plainPermit()) {
        referrer.tally.permitted();
      } else {
        referrer.tally.decided(verdict.decision(request));
      }
      if (!referrer.outcomes.isEmpty() && request.orderId().isPresent()) {
        referrer.outcomes.get(request.orderId().get()).forEach(referrer.tally::practitioner);
      }
      if (earliest == null || at.isBefore(earliest)) {
        earliest = at;
      }
      if (latest == null || at.isAfter(latest)) {
        latest = at;
      }
    }

    /**
     * The counters of {@code person} at {@code employer}: one hash lookup of the person for a
     * known referrer (most refer to one employer), the register asked only for a person not met
     * before.
     */
    private ReferrerTally tally(EmployerId employer, PersonId person) {
      @Nullable ReferrerTally found = byPerson.get(person);
      for (@Nullable ReferrerTally candidate = found; candidate != null; candidate = candidate.next) {
        if (candidate.employer.equals(employer)) {
          return candidate;
        }
      }
      if (found == null && !register.knows(person)) {
        return unknown.computeIfAbsent(employer,
            ignored -> new ReferrerTally(employer, ImmutableListMultimap.of(), null));
      }
      ReferrerTally added = new ReferrerTally(employer, practitionerOutcomes(person, employer),
          found);
      byPerson.put(person, added);
      tallies.computeIfAbsent(employer, ignored -> new HashMap<>()).put(person, added);
      return added;
    }

    private ImmutableListMultimap<String, ComplianceEventKind> practitionerOutcomes(
        PersonId person, EmployerId employer) {
      ImmutableListMultimap.Builder<String, ComplianceEventKind> byOrder =
          ImmutableListMultimap.builder();
      for (ComplianceEvent event : complianceEvents.forReferrer(person, employer)) {
        if (event.kind() != ComplianceEventKind.BLOCKED_ATTEMPT && event.orderId().isPresent()) {
          byOrder.put(event.orderId().get(), event.kind());
        }
      }
      return byOrder.build();
    }

    @Override
    public void skipped(long line, String why) {
      checkState(!finished, "the audit has finished");
      SkippedRow row = new SkippedRow(line, why);
      skipped++;
      if (firstSkipped.size() < SKIPPED_KEPT) {
        firstSkipped.add(row);
      }
    }

    @Override
    public ReferralAuditReport finish() {
      checkState(!finished, "the audit has finished");
      finished = true;
      Tally total = new Tally();
      ImmutableList.Builder<EmployerAudit> employers = ImmutableList.builder();
      ImmutableList.Builder<ReferrerAudit> referrers = ImmutableList.builder();
      Set<EmployerId> met = new TreeSet<>(tallies.keySet());
      met.addAll(unknown.keySet());
      for (EmployerId employer : met) {
        Tally atEmployer = new Tally();
        Map<PersonId, ReferrerTally> known = tallies.getOrDefault(employer, Map.of());
        for (Map.Entry<PersonId, ReferrerTally> referrer : new TreeMap<>(known).entrySet()) {
          Tally counts = referrer.getValue().tally;
          atEmployer.add(counts);
          referrers.add(new ReferrerAudit(referrer.getKey(), employer, counts.counts()));
        }
        Tally strangers = unknown.containsKey(employer) ? unknown.get(employer).tally : new Tally();
        atEmployer.add(strangers);
        total.add(atEmployer);
        employers.add(new EmployerAudit(employer, known.size(), strangers.counts(),
            atEmployer.counts()));
      }
      ImmutableList<EmployerAudit> byEmployer = employers.build();
      ImmutableList<ReferrerAudit> byReferrer = referrers.build();
      long requests = total.counts().requests();
      AuditEvent event = auditEvent(total, byEmployer.size(), byReferrer.size(), requests);
      AuditTrailEntry entry = transactions.inTransaction(() -> auditTrail.append(event));
      return new ReferralAuditReport(log, context.at(), requests + skipped, skipped,
          ImmutableList.copyOf(firstSkipped), total.counts(), byEmployer, byReferrer,
          Optional.ofNullable(earliest), Optional.ofNullable(latest),
          intervalsUsed.cardinality(), entry.sequence());
    }

    private AuditEvent auditEvent(Tally total, int employers, int referrers, long requests) {
      ImmutableSortedMap.Builder<String, String> details = ImmutableSortedMap.naturalOrder();
      details.put("rows", Long.toString(requests + skipped))
          .put("skipped", Long.toString(skipped))
          .put("requests", Long.toString(requests))
          .put("entitled", Long.toString(total.counts().entitled()))
          .put("notEntitled", Long.toString(total.counts().notEntitled()))
          .put("employers", Integer.toString(employers))
          .put("referrers", Integer.toString(referrers))
          .put("snapshots", Integer.toString(intervalsUsed.cardinality()));
      if (earliest != null) {
        details.put("earliest", earliest.toString()).put("latest", String.valueOf(latest));
      }
      AuditEvent event = AuditEvent.builder()
          .action(ACTION)
          .actor(context.actor())
          .at(context.at())
          .subject(log)
          .result("ACCEPTED")
          .addCauses(context.cause())
          .details(details.build())
          .build();
      return event;
    }
  }
}
