package org.irmer.entitlement.testkit;

import static com.google.common.base.Preconditions.checkNotNull;
import static org.quicktheories.generators.SourceDSL.integers;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import com.google.common.collect.ImmutableSortedMap;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.OptionalInt;
import org.irmer.entitlement.core.domain.Actor;
import org.irmer.entitlement.core.domain.AuditEvent;
import org.irmer.entitlement.core.domain.AuditTrailEntry;
import org.irmer.entitlement.core.domain.CommandResult;
import org.irmer.entitlement.core.domain.DecisionBasis;
import org.irmer.entitlement.core.domain.DoseBand;
import org.irmer.entitlement.core.domain.EmployerId;
import org.irmer.entitlement.core.domain.EntitlementChange;
import org.irmer.entitlement.core.domain.EntitlementId;
import org.irmer.entitlement.core.domain.EntitlementStatus;
import org.irmer.entitlement.core.domain.GuidelineAdvisory;
import org.irmer.entitlement.core.domain.GuidelineRecommendation;
import org.irmer.entitlement.core.domain.MatchedRule;
import org.irmer.entitlement.core.domain.Notice;
import org.irmer.entitlement.core.domain.Outcome;
import org.irmer.entitlement.core.domain.Reason;
import org.irmer.entitlement.core.domain.ReasonCode;
import org.irmer.entitlement.core.domain.ReferralDecision;
import org.irmer.entitlement.core.domain.ReferralRequest;
import org.irmer.entitlement.core.domain.Refusal;
import org.irmer.entitlement.core.domain.RefusalCode;
import org.irmer.entitlement.core.domain.SweepReport;
import org.irmer.entitlement.core.domain.Warning;
import org.irmer.entitlement.core.domain.WarningCode;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * Generators of what the library answers and records: referral decisions and their parts (reasons,
 * warnings, notices, guideline advisories, matched rules), change flags, command results, sweep
 * reports, audit events and chained audit trails.
 */
public final class OutcomeGenerators {

  private static final ImmutableList<String> ACTIONS =
      ImmutableList.of(
          "submit-application",
          "approve-application",
          "refuse-application",
          "suspend",
          "reinstate",
          "revoke",
          "expire",
          "change-scope",
          "record-training",
          "record-compliance-event",
          "check-referral");

  private static final ImmutableList<String> STATES =
      ImmutableList.of(
          "SUBMITTED v1",
          "UNDER_REVIEW v2",
          "ACTIVE v3",
          "SUSPENDED v4",
          "REVOKED v5",
          "ENTITLED",
          "NOT_ENTITLED");

  private OutcomeGenerators() {}

  /** Reasons of any code, each with its code's summary or another message. */
  public static Gen<Reason> reasons() {
    return reasons(ImmutableList.copyOf(ReasonCode.values()));
  }

  private static Gen<Reason> reasons(ImmutableList<ReasonCode> codes) {
    return Gens.pick(codes)
        .zip(
            DomainGenerators.phrases().toOptionals(50),
            (code, message) -> Reason.of(code, message.orElse(code.summary())));
  }

  /**
   * Warnings of any code; {@code TRAINING_EXPIRED_IN_GRACE} counts the days left, {@code
   * REVIEW_DUE} does not.
   */
  public static Gen<Warning> warnings() {
    return Generate.enumValues(WarningCode.class)
        .zip(
            integers().between(0, 90),
            (code, days) ->
                code == WarningCode.TRAINING_EXPIRED_IN_GRACE
                    ? new Warning(
                        code,
                        "Training expired; " + days + " days of grace left",
                        OptionalInt.of(days))
                    : new Warning(code, "The entitlement's review is due", OptionalInt.empty()));
  }

  /** Notices of lapsed training under a {@code NOTIFY_ONLY} policy. */
  public static Gen<Notice> notices() {
    return DomainGenerators.trainingTypes().zip(DomainGenerators.phrases(), Notice::new);
  }

  /**
   * Advisories whose dose band is {@code NONE} or {@code I} to {@code IV}, with any recommendation.
   */
  public static Gen<GuidelineAdvisory> guidelineAdvisories() {
    return DomainGenerators.guidelineIds()
        .zip(
            Generate.enumValues(GuidelineRecommendation.class),
            Generate.enumValues(DoseBand.class),
            DomainGenerators.phrases(),
            GuidelineAdvisory::new);
  }

  /** Matched rules of any employer's entitlement, rule ids {@code rule-1} to {@code rule-5}. */
  public static Gen<MatchedRule> matchedRules() {
    return matchedRules(DomainGenerators.employerIds());
  }

  private static Gen<MatchedRule> matchedRules(Gen<EmployerId> employers) {
    Gen<EntitlementId> entitlements = DomainGenerators.entitlementIds();
    Gen<Long> versions = Generate.longRange(0, 50);
    Gen<Integer> scopeVersions = integers().between(1, 20);
    Gen<Integer> rules = integers().between(1, 5);
    return in ->
        new MatchedRule(
            entitlements.generate(in),
            versions.generate(in),
            employers.generate(in),
            scopeVersions.generate(in),
            "rule-" + rules.generate(in));
  }

  /** Flags of an entitlement whose version moved on after a decision, perhaps with its status. */
  public static Gen<EntitlementChange> entitlementChanges() {
    Gen<EntitlementId> ids = DomainGenerators.entitlementIds();
    Gen<Long> versions = Generate.longRange(0, 50);
    Gen<Long> steps = Generate.longRange(1, 5);
    Gen<EntitlementStatus> statuses = Generate.enumValues(EntitlementStatus.class);
    return in -> {
      long decided = versions.generate(in);
      EntitlementStatus before = statuses.generate(in);
      EntitlementStatus after = statuses.generate(in);
      return new EntitlementChange(
          ids.generate(in),
          decided,
          before,
          decided + steps.generate(in),
          after,
          "The entitlement changed from " + before + " to " + after);
    };
  }

  /** Refusals of lifecycle commands, of any code. */
  public static Gen<Refusal> refusals() {
    return Generate.enumValues(RefusalCode.class).zip(DomainGenerators.phrases(), Refusal::of);
  }

  /**
   * Decisions on {@code requests}, consistent as {@link ReferralDecision} requires: an entitled
   * decision has a basis and a matched rule at the request's employer, no reasons, and perhaps
   * warnings; any other outcome has one to three reasons, all of codes that lead to that outcome
   * ({@link ReasonCode#outcome()}). Lists are sorted; the decision is evaluated at the request's
   * instant.
   */
  public static Gen<ReferralDecision> decisions(Gen<ReferralRequest> requests) {
    checkNotNull(requests, "requests");
    Gen<Outcome> outcomes = Generate.enumValues(Outcome.class);
    Gen<DecisionBasis> bases = Generate.enumValues(DecisionBasis.class);
    Gen<ImmutableList<Warning>> warnings = sorted(Gens.setOf(warnings(), 2));
    Gen<ImmutableList<Notice>> notices = sorted(Gens.setOf(notices(), 2));
    Gen<ImmutableList<GuidelineAdvisory>> advisories = sorted(Gens.setOf(guidelineAdvisories(), 2));
    Gen<Optional<Integer>> proceduresVersions = integers().between(1, 20).toOptionals(10);
    ImmutableMap<Outcome, Gen<ImmutableList<Reason>>> reasons =
        Arrays.stream(Outcome.values())
            .filter(outcome -> outcome != Outcome.ENTITLED)
            .collect(
                ImmutableMap.toImmutableMap(
                    outcome -> outcome,
                    outcome ->
                        sorted(
                            Gens.listOf(reasons(codesLeadingTo(outcome)), 1, 3)
                                .map(ImmutableSet::copyOf))));
    return in -> {
      ReferralRequest request = requests.generate(in);
      Outcome outcome = outcomes.generate(in);
      ReferralDecision.Builder decision =
          ReferralDecision.builder()
              .outcome(outcome)
              .request(request)
              .evaluatedAt(request.requestedAt())
              .notices(notices.generate(in))
              .advisories(advisories.generate(in))
              .proceduresVersion(proceduresVersions.generate(in));
      if (outcome == Outcome.ENTITLED) {
        decision
            .basis(bases.generate(in))
            .matchedRule(matchedRules(Generate.constant(request.employer())).generate(in))
            .warnings(warnings.generate(in));
      } else {
        decision.reasons(reasons.get(outcome).generate(in));
      }
      return decision.build();
    };
  }

  private static ImmutableList<ReasonCode> codesLeadingTo(Outcome outcome) {
    return Arrays.stream(ReasonCode.values())
        .filter(code -> code.outcome() == outcome)
        .collect(ImmutableList.toImmutableList());
  }

  /** Accepted results carrying a value of {@code values}, or refusals with one to three reasons. */
  public static <T> Gen<CommandResult<T>> commandResults(Gen<T> values) {
    Gen<CommandResult<T>> accepted = values.map(CommandResult::accepted);
    Gen<CommandResult<T>> refused =
        Gens.listOf(refusals(), 1, 3).map(list -> CommandResult.<T>refused(list));
    return Generate.oneOf(accepted, refused);
  }

  /** Reports of sweeps that expired, suspended and flagged up to five of each. */
  public static Gen<SweepReport> sweepReports() {
    Gen<ImmutableList<EntitlementId>> ids = Gens.listOf(DomainGenerators.entitlementIds(), 0, 5);
    Gen<ImmutableList<String>> flagged =
        Gens.listOf(
            DomainGenerators.personIds()
                .map(person -> person.value() + ": fewer requests than the procedures' minimum"),
            0,
            5);
    return DomainGenerators.instants()
        .zip(
            ids,
            ids,
            flagged,
            (at, expired, suspended, flags) ->
                SweepReport.builder()
                    .at(at)
                    .expired(expired)
                    .suspended(suspended)
                    .flagged(flags)
                    .build());
  }

  /** Audit events of lifecycle commands and referral checks, without patient identifiers. */
  public static Gen<AuditEvent> auditEvents() {
    Gen<String> actions = Gens.pick(ACTIONS);
    Gen<Actor> actors = DomainGenerators.actors();
    Gen<Instant> instants = DomainGenerators.instants();
    Gen<String> subjects = DomainGenerators.codes("ENT");
    Gen<String> results =
        Gens.pick(
            ImmutableList.of(
                "ACCEPTED",
                "REFUSED",
                "ENTITLED",
                "NOT_ENTITLED",
                "INSUFFICIENT_INFORMATION",
                "INDETERMINATE"));
    Gen<ImmutableList<String>> causes = Gens.listOf(DomainGenerators.phrases(), 0, 3);
    Gen<Optional<String>> states = Gens.pick(STATES).toOptionals(30);
    Gen<ImmutableSet<String>> detailKeys =
        Gens.subsetOf(
            ImmutableList.of("order", "rule", "scopeVersion", "proceduresVersion", "site"), 3);
    Gen<String> detailValues = DomainGenerators.codes("V");
    return in -> {
      ImmutableSortedMap.Builder<String, String> details = ImmutableSortedMap.naturalOrder();
      for (String key : detailKeys.generate(in)) {
        details.put(key, detailValues.generate(in));
      }
      return AuditEvent.builder()
          .action(actions.generate(in))
          .actor(actors.generate(in))
          .at(instants.generate(in))
          .subject(subjects.generate(in))
          .result(results.generate(in))
          .causes(causes.generate(in))
          .stateBefore(states.generate(in))
          .stateAfter(states.generate(in))
          .details(details.buildOrThrow())
          .build();
    };
  }

  /**
   * Intact audit trails of zero to ten entries: each entry chained to the one before it with {@link
   * AuditTrailEntry#chain}, so sequences run from 1 and every hash verifies.
   */
  public static Gen<ImmutableList<AuditTrailEntry>> auditTrails() {
    return Gens.listOf(auditEvents(), 0, 10)
        .map(
            events -> {
              ImmutableList.Builder<AuditTrailEntry> trail = ImmutableList.builder();
              AuditTrailEntry previous = null;
              for (AuditEvent event : events) {
                previous = AuditTrailEntry.chain(previous, event);
                trail.add(previous);
              }
              return trail.build();
            });
  }

  private static <T extends Comparable<? super T>> Gen<ImmutableList<T>> sorted(
      Gen<ImmutableSet<T>> sets) {
    return sets.map(set -> ImmutableList.sortedCopyOf(set));
  }
}
