package org.irmer.entitlement.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.ref.Reference;
import java.util.Locale;

/**
 * Measures the heap our engine's snapshot of W2 retains: used heap after full collections, with the
 * register alone and then with the register and the built engine held, and prints the difference as
 * {@code snapshot_heap_bytes=<n>}. What the snapshot shares with the register (the stores' domain
 * values) is not counted; what it adds is.
 */
public final class SnapshotHeap {

  private SnapshotHeap() {}

  public static void main(String[] args) throws InterruptedException {
    Workload workload = Workloads.w2();
    long before = usedAfterCollections();
    OurEngine engine = OurEngine.build(workload.register());
    long after = usedAfterCollections();
    Reference.reachabilityFence(engine);
    Reference.reachabilityFence(workload);
    System.out.printf(
        Locale.ROOT,
        "register of %d referrers: %.1f MB used before the snapshot%n",
        workload.referrers(),
        before / 1e6);
    System.out.printf(Locale.ROOT, "snapshot_heap_bytes=%d%n", after - before);
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
