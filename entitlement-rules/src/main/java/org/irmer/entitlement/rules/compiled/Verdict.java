package org.irmer.entitlement.rules.compiled;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.util.Optional;
import org.irmer.entitlement.core.domain.DecisionBasis;
import org.irmer.entitlement.core.domain.MatchedRule;
import org.irmer.entitlement.core.domain.Outcome;
import org.irmer.entitlement.core.domain.ReferralDecision;
import org.irmer.entitlement.core.domain.ReferralRequest;
import org.irmer.entitlement.rules.Explanations;
import org.jspecify.annotations.Nullable;

/**
 * The answer of {@link CompiledEngine#check}: whether the request may proceed and, on demand, the
 * full {@link ReferralDecision}.
 *
 * <p>A plain permit (entitled, with no warning, notice or advisory) is a value prepared when the
 * snapshot was compiled, one per scope rule, so answering it allocates nothing; its decision is
 * built only when asked for. A refusal knows its outcome and builds its explanation, every reason
 * worded, when {@link #decision} is first asked for it, from the snapshot it was checked against
 * (so a refusal holds that snapshot: keep decisions, not verdicts, for long). Every other verdict
 * carries its decision.
 */
public final class Verdict {

  private final Outcome outcome;
  private final @Nullable DecisionBasis basis;
  private final @Nullable MatchedRule matchedRule;
  private final int proceduresVersion;
  /** The refused request and the snapshot that refused it, until its decision is built. */
  private final @Nullable ReferralRequest refused;
  private final @Nullable Snapshot snapshot;
  /**
   * The decision, once built. Written at most once per thread that asks; a thread that sees null
   * builds an equal value (the decision is immutable and safely published by its final fields).
   */
  private @Nullable ReferralDecision decision;

  private Verdict(Outcome outcome, @Nullable DecisionBasis basis, @Nullable MatchedRule matchedRule,
      int proceduresVersion, @Nullable ReferralDecision decision, @Nullable ReferralRequest refused,
      @Nullable Snapshot snapshot) {
    this.outcome = outcome;
    this.basis = basis;
    this.matchedRule = matchedRule;
    this.proceduresVersion = proceduresVersion;
    this.decision = decision;
    this.refused = refused;
    this.snapshot = snapshot;
  }

  static Verdict permit(DecisionBasis basis, MatchedRule matchedRule, int proceduresVersion) {
    return new Verdict(Outcome.ENTITLED, checkNotNull(basis), checkNotNull(matchedRule),
        proceduresVersion, null, null, null);
  }

  static Verdict of(ReferralDecision decision) {
    return new Verdict(decision.outcome(), decision.basis().orElse(null),
        decision.matchedRule().orElse(null), decision.proceduresVersion().orElse(0), decision, null,
        null);
  }

  /**
   * The verdict on a request whose evaluation failed: {@code INDETERMINATE [EVALUATION_FAILED]},
   * exactly as the reference evaluator words it.
   */
  static Verdict failed(ReferralRequest request, RuntimeException failure) {
    return of(failedDecision(request, failure));
  }

  private static ReferralDecision failedDecision(ReferralRequest request, RuntimeException failure) {
    return ReferralDecision.builder()
        .outcome(Outcome.INDETERMINATE)
        .addReason(Explanations.evaluationFailed(failure))
        .request(request)
        .evaluatedAt(request.requestedAt())
        .build();
  }

  /**
   * A refusal whose explanation the {@link CompiledExplainer} builds from {@code snapshot} when it is
   * asked for; {@code outcome} must be the one it will give.
   */
  static Verdict refusal(Outcome outcome, ReferralRequest request, Snapshot snapshot) {
    checkArgument(outcome != Outcome.ENTITLED, "a refusal");
    return new Verdict(outcome, null, null, 0, null, request, snapshot);
  }

  /** Whether the request may proceed: only an {@code ENTITLED} outcome does (the library fails closed). */
  public boolean permitted() {
    return outcome == Outcome.ENTITLED;
  }

  public Outcome outcome() {
    return outcome;
  }

  public Optional<DecisionBasis> basis() {
    return Optional.ofNullable(basis);
  }

  public Optional<MatchedRule> matchedRule() {
    return Optional.ofNullable(matchedRule);
  }

  /**
   * The full decision for {@code request}, which must be the request this verdict answered.
   * Builds it for a plain permit; returns the decision already made otherwise. A refusal whose
   * explanation fails is {@code INDETERMINATE [EVALUATION_FAILED]}: the request still does not
   * proceed.
   */
  public ReferralDecision decision(ReferralRequest request) {
    if (refused != null && decision == null) {
      checkArgument(refused.equals(request), "not the request this verdict answered");
      ReferralDecision explained;
      try {
        explained = checkNotNull(CompiledExplainer.explain(snapshot, refused), "explained");
      } catch (RuntimeException failure) {
        explained = failedDecision(refused, failure);
      }
      decision = explained;
    }
    if (decision != null) {
      checkArgument(decision.request().equals(request), "not the request this verdict answered");
      return decision;
    }
    return ReferralDecision.builder()
        .outcome(Outcome.ENTITLED)
        .basis(basis)
        .matchedRule(matchedRule)
        .request(request)
        .evaluatedAt(request.requestedAt())
        .proceduresVersion(proceduresVersion)
        .build();
  }
}
