package org.irmer.entitlement.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.ref.Reference;
import java.util.List;
import java.util.Locale;

/**
 * What {@code bench/run} does before any benchmark, in one JVM so that W2 is generated once:
 *
 * <ol>
 *   <li>the retained heap of our engine's W2 snapshot: used heap after full collections with the
 *       register alone, then with the register and the built engine held; the difference is printed
 *       as {@code snapshot_heap_bytes=<n>}. What the snapshot shares with the register (the stores'
 *       domain values) is not counted, what it adds is;
 *   <li>the agreement check: on every request of W1 and of W2 (65,536 each), the plain-Java
 *       floor's allow/deny must equal ours (allow if and only if our outcome is {@code ENTITLED}),
 *       and on the first 10,000 jCasbin's and cedar-java's (loading a peer costs milliseconds a
 *       referrer; see {@link PeerState}). One line per workload and engine; a disagreement ends
 *       the run with an exception naming the first requests that differ, and a non-zero exit
 *       status.
 * </ol>
 *
 * <p>Arguments name the workloads to check (W1 and W2 when there are none); the heap is measured
 * when W2 is among them.
 */
public final class Preflight {

  static final String HEAP_KEY = "snapshot_heap_bytes=";

  private Preflight() {}

  public static void main(String[] args) throws InterruptedException {
    for (String name : args.length == 0 ? List.of("W1", "W2") : List.of(args)) {
      Workload workload = Workloads.named(name);
      OurEngine ours;
      if (name.equals("W2")) {
        long before = usedAfterCollections();
        ours = OurEngine.build(workload.register());
        long after = usedAfterCollections();
        Reference.reachabilityFence(ours);
        System.out.printf(
            Locale.ROOT,
            "%s: register of %d referrers %.1f MB; with our snapshot %.1f MB%n",
            workload.name(),
            workload.referrers(),
            before / 1e6,
            after / 1e6);
        System.out.println(HEAP_KEY + (after - before));
      } else {
        ours = OurEngine.build(workload.register());
      }
      checkAgreement(workload, ours);
    }
  }

  private static void checkAgreement(Workload workload, OurEngine ours) {
    Agreement.Verdicts all = Agreement.Verdicts.of(ours, workload, workload.size());
    System.out.println(
        Agreement.require(Agreement.check(all, FloorEngine.build(workload.register()), ours)));
    int count = Agreement.MINIMUM_REQUESTS;
    Agreement.Verdicts verdicts = all.first(count);
    var referrers = Agreement.referrersOf(workload, count);
    System.out.println(
        Agreement.require(
            Agreement.check(verdicts, JcasbinEngine.build(workload.register(), referrers), ours)));
    System.out.println(
        Agreement.require(
            Agreement.check(verdicts, CedarEngine.build(workload.register(), referrers), ours)));
  }

  private static long usedAfterCollections() throws InterruptedException {
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    long used = Long.MAX_VALUE;
    for (int i = 0; i < 4; i++) {
      System.gc();
      Thread.sleep(100);
      used = Math.min(used, memory.getHeapMemoryUsage().getUsed());
    }
    return used;
  }
}
