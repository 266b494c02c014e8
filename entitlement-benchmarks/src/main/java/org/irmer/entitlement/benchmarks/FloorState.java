package org.irmer.entitlement.benchmarks;

import java.util.Arrays;
import org.irmer.entitlement.core.domain.ReferralRequest;

/**
 * A workload with the plain-Java floor ({@link FloorEngine}) loaded for all of its referrers, and
 * the requests the floor benchmarks cycle through: all of the workload's, or its first few, the
 * same arrays our engine is timed on ({@link OursBenchmarks.Mixed}).
 *
 * <p>Before anything is timed, the floor's allow/deny must equal our engine's on every request of
 * the workload, not only those timed ({@link Agreement}); a disagreement fails the trial, naming
 * the first requests that differ. Our engine is built for that check only and then dropped.
 */
abstract class FloorState {

  Workload workload;
  FloorEngine floor;
  ReferralRequest[] timed;

  void load(String name, int count) {
    workload = Workloads.named(name);
    OurEngine ours = OurEngine.build(workload.register());
    floor = FloorEngine.build(workload.register());
    Agreement.Result result =
        Agreement.require(
            Agreement.check(Agreement.Verdicts.of(ours, workload, workload.size()), floor, ours));
    System.out.printf("%nagreement before timing: %s%n", result);
    timed = Arrays.copyOf(workload.requests(), Math.min(count, workload.size()));
  }
}
