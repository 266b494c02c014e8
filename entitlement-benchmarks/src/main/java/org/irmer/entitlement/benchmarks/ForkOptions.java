package org.irmer.entitlement.benchmarks;

/**
 * How every benchmark runs: three forks, each with one warm-up iteration and two measured ones of a
 * second, and the JVM options of every fork, a fixed 2 GB heap with a small, fixed young generation
 * and transparent huge pages.
 *
 * <p>Why three forks: a fork's figures depend on where its JIT and its heap happened to put things,
 * and on this shared virtual machine on what else ran meanwhile; the report gives each median with
 * the lowest and highest of the forks' own medians, so a figure that moved between forks shows.
 * Why so few iterations: the whole {@code bench/run} has to stay within about ten minutes on two
 * cores, and most of a fork's time is its setup (generating W2 and building the engine, 5-10 s).
 * One warm-up second suffices because each trial's setup has already called the engine it times on
 * every request it will time (ours to split them into permitted and refused, the peers and the floor
 * to check their agreement with ours), so the check has run thousands of times before the warm-up
 * starts; the warm-up's second, thousands more calls even for the slowest peer, warms the rest (a
 * refusal's explanation). The setup and the warm-up also write through the young generation once (below).
 *
 * <p>Why the young generation is fixed: on this kind of machine the first write to each page of
 * memory is slow (the kernel's page faults show as system time), and a default young generation of
 * more than a gigabyte takes tens of seconds of measurement to be written through once, which shows
 * as latencies several times the steady state. A 256 MB young generation is written through during
 * the first warm-up iteration; pre-touching the whole heap instead ({@code -XX:+AlwaysPreTouch})
 * would cost seconds in every fork.
 *
 * <p>Why transparent huge pages: a W2 check reads a few cache lines at random in a heap of hundreds
 * of megabytes, and with 4 KB pages nearly every such read also misses the processor's address
 * translation cache. Linux kernels that give huge pages only on request ({@code madvise}, as on this
 * machine) give them to the JVM heap with {@code -XX:+UseTransparentHugePages}: the setting a vendor
 * would use for a large heap, applied to every engine alike. Where the kernel has no transparent
 * huge pages the JVM warns and carries on with normal pages.
 */
final class ForkOptions {

  static final int FORKS = 3;
  static final int WARMUP_ITERATIONS = 1;
  static final int MEASUREMENT_ITERATIONS = 2;
  static final int ITERATION_SECONDS = 1;

  static final String HEAP = "-Xms2g";
  static final String MAX_HEAP = "-Xmx2g";
  static final String YOUNG = "-Xmn256m";
  static final String HUGE_PAGES = "-XX:+UseTransparentHugePages";

  private ForkOptions() {}
}
