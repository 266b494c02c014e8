package org.irmer.entitlement.core.domain;

import static com.google.common.base.Preconditions.checkState;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import java.time.Instant;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The answer to a referral check (DOMAIN.md section 5): the outcome, every reason that applies
 * (not just the first), the basis and matched rule when entitled, warnings, notices, guideline
 * advisories, and the request and instant it was evaluated at, so it can be replayed.
 *
 * <p>Invariants: {@link Outcome#ENTITLED} has no reasons and has a basis and a matched rule; any
 * other outcome has at least one reason and neither basis nor matched rule. Reasons, warnings,
 * notices and advisories are sorted, so equal decisions are equal values.
 */
@Value.Immutable
public abstract class ReferralDecision {

  public abstract Outcome outcome();

  public abstract ImmutableList<Reason> reasons();

  public abstract Optional<DecisionBasis> basis();

  public abstract Optional<MatchedRule> matchedRule();

  public abstract ImmutableList<Warning> warnings();

  public abstract ImmutableList<Notice> notices();

  public abstract ImmutableList<GuidelineAdvisory> advisories();

  public abstract ReferralRequest request();

  /** The instant the decision speaks for: the request's instant. */
  public abstract Instant evaluatedAt();

  /** The version of the imaging employer's procedures applied, when they could be read. */
  public abstract Optional<Integer> proceduresVersion();

  public boolean allowsRequest() {
    return outcome().allowsRequest();
  }

  public ImmutableSet<ReasonCode> reasonCodes() {
    return reasons().stream().map(Reason::code).collect(ImmutableSet.toImmutableSet());
  }

  public ImmutableSet<WarningCode> warningCodes() {
    return warnings().stream().map(Warning::code).collect(ImmutableSet.toImmutableSet());
  }

  @Value.Check
  protected void check() {
    if (outcome() == Outcome.ENTITLED) {
      checkState(reasons().isEmpty(), "an entitled decision has no reasons: %s", reasons());
      checkState(basis().isPresent() && matchedRule().isPresent(),
          "an entitled decision names its basis and matched rule");
    } else {
      checkState(!reasons().isEmpty(), "a %s decision has at least one reason", outcome());
      checkState(basis().isEmpty() && matchedRule().isEmpty(),
          "only an entitled decision has a basis and matched rule");
    }
    checkState(isSorted(reasons()) && isSorted(warnings()) && isSorted(notices())
        && isSorted(advisories()), "reasons, warnings, notices and advisories must be sorted");
  }

  private static <T extends Comparable<? super T>> boolean isSorted(ImmutableList<T> list) {
    for (int i = 1; i < list.size(); i++) {
      if (list.get(i - 1).compareTo(list.get(i)) > 0) {
        return false;
      }
    }
    return true;
  }

  public static Builder builder() {
    return new Builder();
  }

  public static class Builder extends ImmutableReferralDecision.Builder {}
}
