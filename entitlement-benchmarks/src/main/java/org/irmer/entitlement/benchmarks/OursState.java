package org.irmer.entitlement.benchmarks;

import java.util.ArrayList;
import java.util.List;
import org.irmer.entitlement.core.domain.ReferralRequest;

/**
 * A workload with our engine built over it, and its requests split by our verdict. The JMH states
 * of the benchmarks extend it and name the workload.
 */
abstract class OursState {

  Workload workload;
  OurEngine engine;
  ReferralRequest[] all;
  ReferralRequest[] permitted;
  ReferralRequest[] refused;

  void load(String name, int requests) {
    workload = Workloads.named(name);
    engine = OurEngine.build(workload.register());
    all = java.util.Arrays.copyOf(workload.requests(), Math.min(requests, workload.size()));
    List<ReferralRequest> yes = new ArrayList<>();
    List<ReferralRequest> no = new ArrayList<>();
    for (ReferralRequest request : all) {
      (engine.permits(request) ? yes : no).add(request);
    }
    permitted = yes.toArray(ReferralRequest[]::new);
    refused = no.toArray(ReferralRequest[]::new);
    System.out.printf(
        "%n%s: %d requests, %d permitted by ours (%s), %d refused%n",
        workload, all.length, permitted.length, OurEngine.IMPLEMENTATION, refused.length);
  }
}
