package org.irmer.entitlement.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import com.google.common.collect.ImmutableSortedMap;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.irmer.entitlement.core.domain.Actor;
import org.irmer.entitlement.core.domain.AuditCounts;
import org.irmer.entitlement.core.domain.CommandContext;
import org.irmer.entitlement.core.domain.Entitlement;
import org.irmer.entitlement.core.domain.EntitlementStatus;
import org.irmer.entitlement.core.domain.GuidelineAdvisory;
import org.irmer.entitlement.core.domain.GuidelineRecommendation;
import org.irmer.entitlement.core.domain.Outcome;
import org.irmer.entitlement.core.domain.ReasonCode;
import org.irmer.entitlement.core.domain.ReferralDecision;
import org.irmer.entitlement.core.domain.ReferralRequest;
import org.irmer.entitlement.core.domain.WarningCode;
import org.irmer.entitlement.core.port.in.AuditPastReferrals;
import org.irmer.entitlement.core.port.in.AuditPastReferrals.Run;
import org.irmer.entitlement.core.port.out.Register;
import org.irmer.entitlement.core.service.StoreDecisionData;
import org.irmer.entitlement.rules.audit.ReferralAuditService;
import org.junit.jupiter.api.Test;

/**
 * The audit judges every row as the reference evaluator does on the register as of the row's
 * instant, the entitlements read through the store's own {@code asOf} queries: on random registers
 * whose entitlements gain later versions (suspended, reinstated, shortened) at random instants, and
 * random requests in random time order, so that snapshots are compiled, dropped and compiled again.
 */
class ReferralAuditProperties {

  private static final int REGISTERS = 150;
  private static final int REQUESTS = 40;
  private static final CommandContext CONTEXT = new CommandContext(Actor.system("audit-tests"),
      Instant.parse("2029-01-01T00:00:00Z"), "Audit of past referrals");
  private static final Instant HISTORY_FROM = Instant.parse("2026-01-01T00:00:00Z");
  private static final long HISTORY_SPAN_SECONDS = Duration.ofDays(3 * 365).toSeconds();

  @Test
  void eachRowIsJudgedAsTheReferenceEvaluatorJudgesItOnTheRegisterAsOfItsInstant() {
    Map<Outcome, Integer> seen = new EnumMap<>(Outcome.class);
    qt().withExamples(REGISTERS).withShrinkCycles(0).forAll(longs().all()).checkAssert(seed -> {
      RandomRegister random = new RandomRegister(seed);
      Register register = random.load();
      addLaterVersions(register, new Random(seed));
      List<ReferralRequest> requests = random.requests(REQUESTS);
      Expected whole = new Expected();
      for (int i = 0; i < requests.size(); i++) {
        ReferralRequest request = requests.get(i);
        ReferralDecision expected = reference(register, request);
        seen.merge(expected.outcome(), 1, Integer::sum);
        whole.add(expected);
        if (i < 5) {
          Expected one = new Expected();
          one.add(expected);
          assertThat(audit(register, List.of(request)).total()).as("seed %s, %s", seed, request)
              .isEqualTo(one.counts());
        }
      }
      assertThat(audit(register, requests).total()).as("seed %s", seed).isEqualTo(whole.counts());
    });
    assertThat(seen).containsKeys(Outcome.ENTITLED, Outcome.NOT_ENTITLED,
        Outcome.INSUFFICIENT_INFORMATION, Outcome.INDETERMINATE);
  }

  @Test
  void aLogOfRequestsTheRegisterEntitledAtTheirInstantsIsAllEntitled() {
    long[] audited = new long[1];
    qt().withExamples(REGISTERS).withShrinkCycles(0).forAll(longs().all()).checkAssert(seed -> {
      RandomRegister random = new RandomRegister(seed);
      Register register = random.load();
      addLaterVersions(register, new Random(seed));
      List<ReferralRequest> entitled = new ArrayList<>();
      for (ReferralRequest request : random.requests(REQUESTS * 2)) {
        if (reference(register, request).outcome() == Outcome.ENTITLED) {
          entitled.add(request);
        }
      }
      AuditCounts counts = audit(register, entitled).total();
      assertThat(counts.requests()).isEqualTo(entitled.size());
      assertThat(counts.entitled()).as("seed %s", seed).isEqualTo(entitled.size());
      assertThat(counts.notEntitled()).isZero();
      assertThat(counts.reasons()).isEmpty();
      if (!entitled.isEmpty()) {
        assertThat(counts.shareEntitled()).isEqualTo(1.0);
      }
      audited[0] += entitled.size();
    });
    assertThat(audited[0]).as("requests entitled and audited").isGreaterThan(REGISTERS);
  }

  private static ReferralDecision reference(Register register, ReferralRequest request) {
    return new ReferenceEvaluator(new AsOfStores(register, request.requestedAt())).evaluate(request);
  }

  private static org.irmer.entitlement.core.domain.ReferralAuditReport audit(Register register,
      List<ReferralRequest> requests) {
    AuditPastReferrals audits = new ReferralAuditService(StoreDecisionData.from(register),
        register.entitlements(), register.complianceEvents(), register.auditTrail(),
        register.transactions());
    Run run = audits.begin("random.csv", CONTEXT);
    for (int i = 0; i < requests.size(); i++) {
      run.request(i + 2, requests.get(i));
    }
    return run.finish();
  }

  /**
   * Gives some entitlements up to three later versions, each recorded at a random instant after
   * the last: suspended, active again, or valid to an earlier day.
   */
  private static void addLaterVersions(Register register, Random random) {
    for (Entitlement entitlement : register.entitlements().all()) {
      Entitlement current = entitlement;
      Instant at = current.recordedAt().isAfter(HISTORY_FROM) ? current.recordedAt() : HISTORY_FROM;
      int versions = random.nextInt(4);
      for (int i = 0; i < versions; i++) {
        at = at.plusSeconds(1 + (long) (random.nextDouble() * HISTORY_SPAN_SECONDS / 3));
        Entitlement.Builder next = Entitlement.builder().from(current).recordedAt(at);
        switch (random.nextInt(3)) {
          case 0 -> next.status(EntitlementStatus.SUSPENDED).statusReason("Under review");
          case 1 -> next.status(EntitlementStatus.ACTIVE);
          default -> next.validTo(current.validFrom().plusDays(random.nextInt(900)));
        }
        try {
          current = register.entitlements().save(next.build(), current.version());
        } catch (IllegalArgumentException | IllegalStateException notAllowed) {
          // A version the value's own invariants refuse (for example an end before its start).
          break;
        }
      }
    }
  }

  /** The counts the audit should give for the decisions added, worked out from each decision. */
  private static final class Expected {

    private long requests;
    private final Map<Outcome, Long> outcomes = new EnumMap<>(Outcome.class);
    private final Map<ReasonCode, Long> reasons = new EnumMap<>(ReasonCode.class);
    private final Map<WarningCode, Long> warnings = new EnumMap<>(WarningCode.class);
    private final Map<GuidelineRecommendation, Long> advisories =
        new EnumMap<>(GuidelineRecommendation.class);

    void add(ReferralDecision decision) {
      requests++;
      outcomes.merge(decision.outcome(), 1L, Long::sum);
      decision.reasonCodes().forEach(code -> reasons.merge(code, 1L, Long::sum));
      decision.warningCodes().forEach(code -> warnings.merge(code, 1L, Long::sum));
      for (GuidelineAdvisory advisory : decision.advisories()) {
        advisories.merge(advisory.recommendation(), 1L, Long::sum);
      }
    }

    AuditCounts counts() {
      return new AuditCounts(requests, ImmutableSortedMap.copyOf(outcomes),
          ImmutableSortedMap.copyOf(reasons), ImmutableSortedMap.copyOf(warnings),
          ImmutableSortedMap.copyOf(advisories), ImmutableSortedMap.of());
    }
  }
}
