package org.irmer.entitlement.core.domain;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableSortedMap;
import java.util.Map;

/**
 * What a retrospective audit found for one group of requests (a referrer at an employer, an
 * employer, a whole log), each request judged against the register as it stood at the request's
 * own instant (principle 10 of the 2025 guidance; DOMAIN.md section 5).
 *
 * <p>{@code requests} counts every request audited; {@code outcomes} splits them by outcome, so
 * its values add up to {@code requests}. {@code reasons} counts, for each reason code, the
 * requests whose decision gave it (a request refused on two dimensions counts once under each);
 * {@code warnings} does the same for warnings on entitled requests, {@code advisories} counts the
 * guideline advisories by recommendation (principle 7: advice, never a change of outcome), and
 * {@code practitionerOutcomes} the outcomes the IR(ME)R practitioner recorded against the
 * referrer for an order of the log, by kind (principle 7). Maps hold only non-zero counts and are
 * sorted by code.
 */
public record AuditCounts(
    long requests,
    ImmutableSortedMap<Outcome, Long> outcomes,
    ImmutableSortedMap<ReasonCode, Long> reasons,
    ImmutableSortedMap<WarningCode, Long> warnings,
    ImmutableSortedMap<GuidelineRecommendation, Long> advisories,
    ImmutableSortedMap<ComplianceEventKind, Long> practitionerOutcomes) {

  public AuditCounts {
    checkArgument(requests >= 0, "requests must not be negative: %s", requests);
    checkNotNull(outcomes, "outcomes");
    checkNotNull(reasons, "reasons");
    checkNotNull(warnings, "warnings");
    checkNotNull(advisories, "advisories");
    checkNotNull(practitionerOutcomes, "practitionerOutcomes");
    checkPositive(outcomes, "outcomes");
    checkPositive(reasons, "reasons");
    checkPositive(warnings, "warnings");
    checkPositive(advisories, "advisories");
    checkPositive(practitionerOutcomes, "practitionerOutcomes");
    long total = outcomes.values().stream().mapToLong(Long::longValue).sum();
    checkArgument(total == requests, "the outcomes (%s) must add up to the requests (%s)", total,
        requests);
  }

  private static void checkPositive(Map<?, Long> counts, String name) {
    counts.forEach((code, count) -> checkArgument(count > 0,
        "%s must hold only positive counts: %s has %s", name, code, count));
  }

  /** No request at all. */
  public static AuditCounts none() {
    return new AuditCounts(0, ImmutableSortedMap.of(), ImmutableSortedMap.of(),
        ImmutableSortedMap.of(), ImmutableSortedMap.of(), ImmutableSortedMap.of());
  }

  /** The requests that were entitled at their instant: the only ones that could proceed. */
  public long entitled() {
    return outcomes.getOrDefault(Outcome.ENTITLED, 0L);
  }

  /** The requests made while the referrer was not entitled to make them (any other outcome). */
  public long notEntitled() {
    return requests - entitled();
  }

  /** The share of requests entitled, from 0 to 1; 0 when there is no request. */
  public double shareEntitled() {
    return requests == 0 ? 0 : (double) entitled() / requests;
  }
}
