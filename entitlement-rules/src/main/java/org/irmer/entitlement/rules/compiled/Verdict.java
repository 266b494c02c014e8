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
 * full {@link ReferralDecision}, which only the request it answers can have.
 *
 * <p>A plain permit (entitled, with no warning, notice or advisory) is a value prepared when the
 * referrer's slice was compiled, one per scope rule, so answering with it allocates nothing; it
 * answers every request for which the check gives it, and cannot hold any of them. Its
 * {@link #decision} is built when asked for, for a request the permit answers: it runs the check
 * again on the data the permit was prepared from ({@link PermitOrigin}) and refuses any request for
 * which the answer is not this permit. Every other verdict carries its request: a refusal knows its
 * outcome and words its reasons when its decision is first asked for, from the snapshot it was
 * checked against (so a refusal holds that snapshot: keep decisions, not verdicts, for long); the
 * rest carry their decision. Either way a decision is the engine's answer, as of the check, to the
 * request it names.
 */
public final class Verdict {

  private final Outcome outcome;
  private final @Nullable DecisionBasis basis;
  private final @Nullable MatchedRule matchedRule;
  private final int proceduresVersion;
  /** For a prepared permit: what it was prepared from. */
  private final @Nullable PermitOrigin origin;
  /** For a refusal worded on demand: the request and the snapshot that refused it. */
  private final @Nullable ReferralRequest refused;
  private final @Nullable Snapshot snapshot;
  /**
   * The decision, once built (from the start for a verdict that carries it). A refusal writes it
   * at most once per thread that asks; a thread that sees null builds an equal value (the decision
   * is immutable and safely published by its final fields).
   */
  private @Nullable ReferralDecision decision;

  private Verdict(Outcome outcome, @Nullable DecisionBasis basis, @Nullable MatchedRule matchedRule,
      int proceduresVersion, @Nullable PermitOrigin origin, @Nullable ReferralDecision decision,
      @Nullable ReferralRequest refused, @Nullable Snapshot snapshot) {
    this.outcome = outcome;
    this.basis = basis;
    this.matchedRule = matchedRule;
    this.proceduresVersion = proceduresVersion;
    this.origin = origin;
    this.decision = decision;
    this.refused = refused;
    this.snapshot = snapshot;
  }

  /** A prepared permit for one scope rule, which tells the requests it answers by {@code origin}. */
  static Verdict permit(DecisionBasis basis, MatchedRule matchedRule, int proceduresVersion,
      PermitOrigin origin) {
    return new Verdict(Outcome.ENTITLED, checkNotNull(basis), checkNotNull(matchedRule),
        proceduresVersion, checkNotNull(origin), null, null, null);
  }

  /** A verdict that carries its decision. */
  static Verdict of(ReferralDecision decision) {
    return new Verdict(decision.outcome(), decision.basis().orElse(null),
        decision.matchedRule().orElse(null), decision.proceduresVersion().orElse(0), null, decision,
        null, null);
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
   * A refusal whose reasons the {@link CompiledExplainer} words from {@code snapshot} when they
   * are asked for; {@code outcome} must be the one they will give.
   */
  static Verdict refusal(Outcome outcome, ReferralRequest request, Snapshot snapshot) {
    checkArgument(outcome != Outcome.ENTITLED, "a refusal");
    return new Verdict(outcome, null, null, 0, null, null, request, snapshot);
  }

  /** Whether the request may proceed: only an {@code ENTITLED} outcome does (the library fails closed). */
  public boolean permitted() {
    return outcome == Outcome.ENTITLED;
  }

  /**
   * Whether this is a prepared permit: entitled with no warning, notice or advisory, so that its
   * decision says nothing the outcome, basis and matched rule do not.
   */
  public boolean plainPermit() {
    return origin != null;
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
   * The full decision for {@code request}, which must be a request this verdict answers: the one
   * it carries, or for a prepared permit one for which the check gives this permit. A refusal
   * whose wording fails is {@code INDETERMINATE [EVALUATION_FAILED]}: the request still does not
   * proceed.
   *
   * @throws IllegalArgumentException for any other request
   */
  public ReferralDecision decision(ReferralRequest request) {
    checkNotNull(request, "request");
    if (origin != null) {
      checkArgument(origin.answers(request, this), "not a request this permit answers");
      return ReferralDecision.builder()
          .outcome(Outcome.ENTITLED)
          .basis(checkNotNull(basis))
          .matchedRule(checkNotNull(matchedRule))
          .request(request)
          .evaluatedAt(request.requestedAt())
          .proceduresVersion(proceduresVersion)
          .build();
    }
    ReferralDecision built = decision;
    if (built == null) {
      ReferralRequest asked = checkNotNull(refused);
      try {
        built = CompiledExplainer.explain(checkNotNull(snapshot), asked);
      } catch (RuntimeException failure) {
        built = failedDecision(asked, failure);
      }
      decision = built;
    }
    // A refusal words its own request first: asking with another is refused, as for any verdict
    // that carries its request.
    checkArgument(built.request().equals(request), "not the request this verdict answered");
    return built;
  }
}
