package org.irmer.entitlement.rules.audit;

import com.google.common.collect.ImmutableSortedMap;
import org.irmer.entitlement.core.domain.AuditCounts;
import org.irmer.entitlement.core.domain.ComplianceEventKind;
import org.irmer.entitlement.core.domain.GuidelineAdvisory;
import org.irmer.entitlement.core.domain.GuidelineRecommendation;
import org.irmer.entitlement.core.domain.Outcome;
import org.irmer.entitlement.core.domain.Reason;
import org.irmer.entitlement.core.domain.ReasonCode;
import org.irmer.entitlement.core.domain.ReferralDecision;
import org.irmer.entitlement.core.domain.Warning;
import org.irmer.entitlement.core.domain.WarningCode;

/**
 * The running counts of one group of audited requests, one counter per code, as the {@link
 * AuditCounts} it becomes. Mutable, used by one thread; a fixed size whatever the number of rows.
 */
final class Tally {

  private static final Outcome[] OUTCOMES = Outcome.values();
  private static final ReasonCode[] REASONS = ReasonCode.values();
  private static final WarningCode[] WARNINGS = WarningCode.values();
  private static final GuidelineRecommendation[] ADVICE = GuidelineRecommendation.values();
  private static final ComplianceEventKind[] KINDS = ComplianceEventKind.values();

  private long requests;
  private final long[] outcomes = new long[OUTCOMES.length];
  private final long[] reasons = new long[REASONS.length];
  private final long[] warnings = new long[WARNINGS.length];
  private final long[] advisories = new long[ADVICE.length];
  private final long[] practitioner = new long[KINDS.length];

  /** Counts a plain permit: entitled, with no warning, notice or advisory. */
  void permitted() {
    requests++;
    outcomes[Outcome.ENTITLED.ordinal()]++;
  }

  /** Counts {@code decision}: its outcome, each of its reason and warning codes, its advisories. */
  void decided(ReferralDecision decision) {
    requests++;
    outcomes[decision.outcome().ordinal()]++;
    ReasonCode last = null;
    for (Reason reason : decision.reasons()) {
      // Reasons are sorted by code: a code given twice (two rules failing alike) counts once.
      if (reason.code() != last) {
        reasons[reason.code().ordinal()]++;
        last = reason.code();
      }
    }
    WarningCode lastWarning = null;
    for (Warning warning : decision.warnings()) {
      if (warning.code() != lastWarning) {
        warnings[warning.code().ordinal()]++;
        lastWarning = warning.code();
      }
    }
    for (GuidelineAdvisory advisory : decision.advisories()) {
      advisories[advisory.recommendation().ordinal()]++;
    }
  }

  /** Counts an outcome the practitioner recorded for a request's order. */
  void practitioner(ComplianceEventKind kind) {
    practitioner[kind.ordinal()]++;
  }

  /** Adds everything {@code other} has counted. */
  void add(Tally other) {
    requests += other.requests;
    addInto(outcomes, other.outcomes);
    addInto(reasons, other.reasons);
    addInto(warnings, other.warnings);
    addInto(advisories, other.advisories);
    addInto(practitioner, other.practitioner);
  }

  private static void addInto(long[] into, long[] from) {
    for (int i = 0; i < into.length; i++) {
      into[i] += from[i];
    }
  }

  AuditCounts counts() {
    return new AuditCounts(requests, map(OUTCOMES, outcomes), map(REASONS, reasons),
        map(WARNINGS, warnings), map(ADVICE, advisories), map(KINDS, practitioner));
  }

  private static <E extends Enum<E>> ImmutableSortedMap<E, Long> map(E[] codes, long[] counts) {
    ImmutableSortedMap.Builder<E, Long> map = ImmutableSortedMap.naturalOrder();
    for (int i = 0; i < codes.length; i++) {
      if (counts[i] > 0) {
        map.put(codes[i], counts[i]);
      }
    }
    return map.build();
  }
}
