package org.irmer.entitlement.benchmarks;

import java.util.List;

/**
 * The check {@code bench/run} runs before any benchmark: on the first 10,000 requests of W1 and of
 * W2, jCasbin's and cedar-java's allow/deny must equal ours (allow if and only if our outcome is
 * {@code ENTITLED}). Prints one line per workload and peer; any disagreement ends the run with an
 * exception naming the first requests that differ, and a non-zero exit status.
 */
public final class AgreementCheck {

  private AgreementCheck() {}

  /** Checks the workloads named as arguments, W1 and W2 when there are none. */
  public static void main(String[] args) {
    for (String name : args.length == 0 ? List.of("W1", "W2") : List.of(args)) {
      Workload workload = Workloads.named(name);
      int count = Agreement.MINIMUM_REQUESTS;
      OurEngine ours = OurEngine.build(workload.register());
      Agreement.Verdicts verdicts = Agreement.Verdicts.of(ours, workload, count);
      var referrers = Agreement.referrersOf(workload, count);
      System.out.println(
          Agreement.require(
              Agreement.check(
                  verdicts, JcasbinEngine.build(workload.register(), referrers), ours)));
      System.out.println(
          Agreement.require(
              Agreement.check(verdicts, CedarEngine.build(workload.register(), referrers), ours)));
    }
  }
}
