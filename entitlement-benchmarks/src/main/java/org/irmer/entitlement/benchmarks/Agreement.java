package org.irmer.entitlement.benchmarks;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.irmer.entitlement.core.domain.PersonId;
import org.irmer.entitlement.core.domain.ReferralDecision;
import org.irmer.entitlement.core.domain.ReferralRequest;

/**
 * The check that runs before anything is timed: a peer engine must allow exactly the requests our
 * engine entitles (allow if and only if our outcome is {@code ENTITLED}), request by request. A
 * disagreement fails the run, naming the first requests that differ and our reasons for them.
 */
final class Agreement {

  /** The number of requests of each workload the peers are checked on before the run. */
  static final int MINIMUM_REQUESTS = 10_000;

  private static final int EXAMPLES = 5;

  /** Our engine's verdicts on the first {@code count} requests of a workload. */
  record Verdicts(Workload workload, boolean[] permitted) {

    static Verdicts of(OurEngine engine, Workload workload, int count) {
      checkArgument(count <= workload.size(), "only %s requests in %s", workload.size(), workload);
      boolean[] permitted = new boolean[count];
      for (int i = 0; i < count; i++) {
        permitted[i] = engine.permits(workload.request(i));
      }
      return new Verdicts(workload, permitted);
    }

    /** The verdicts on the first {@code count} of these requests. */
    Verdicts first(int count) {
      checkArgument(count <= count(), "only %s verdicts", count());
      return new Verdicts(workload, Arrays.copyOf(permitted, count));
    }

    int count() {
      return permitted.length;
    }

    int permittedCount() {
      int n = 0;
      for (boolean p : permitted) {
        n += p ? 1 : 0;
      }
      return n;
    }
  }

  /** The outcome of one check. */
  record Result(
      String workload, String peer, int checked, int permitted, List<String> disagreements) {

    boolean agrees() {
      return disagreements.isEmpty();
    }

    @Override
    public String toString() {
      return String.format(
          Locale.ROOT,
          "%s %s: %d requests checked (%d permitted, %.1f%%), %s",
          workload,
          peer,
          checked,
          permitted,
          100.0 * permitted / checked,
          agrees() ? "all agree" : disagreements.size() + " DISAGREE");
    }
  }

  private Agreement() {}

  /** Compares the peer with our verdicts on every request they cover. */
  static Result check(Verdicts ours, PeerEngine peer, OurEngine explainer) {
    List<String> disagreements = new ArrayList<>();
    for (int i = 0; i < ours.count(); i++) {
      ReferralRequest request = ours.workload().request(i);
      boolean allowed = peer.allows(request);
      if (allowed != ours.permitted()[i]) {
        disagreements.add(describe(i, request, allowed, explainer.evaluate(request)));
      }
    }
    return new Result(
        ours.workload().name(), peer.name(), ours.count(), ours.permittedCount(), disagreements);
  }

  /**
   * Fails the run when the peer disagrees.
   *
   * @throws IllegalStateException naming the first disagreements
   */
  static Result require(Result result) {
    if (!result.agrees()) {
      throw new IllegalStateException(
          result
              + "; first: "
              + String.join(
                  "\n  ",
                  result
                      .disagreements()
                      .subList(0, Math.min(EXAMPLES, result.disagreements().size()))));
    }
    return result;
  }

  /** The distinct referrers of the first {@code count} requests, in order of first appearance. */
  static Set<PersonId> referrersOf(Workload workload, int count) {
    Set<PersonId> referrers = new LinkedHashSet<>();
    for (int i = 0; i < count; i++) {
      referrers.add(workload.request(i).referrer());
    }
    return referrers;
  }

  private static String describe(
      int index, ReferralRequest request, boolean peerAllowed, ReferralDecision ours) {
    return String.format(
        Locale.ROOT,
        "#%d %s %s: peer %s, ours %s %s",
        index,
        request.referrer(),
        request.examination(),
        peerAllowed ? "allows" : "denies",
        ours.outcome(),
        ours.reasonCodes());
  }
}
