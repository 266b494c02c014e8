package org.irmer.entitlement.benchmarks;

/**
 * The JVM options of every benchmark fork: a fixed 2 GB heap with a small, fixed young generation.
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

  static final String HEAP = "-Xms2g";
  static final String MAX_HEAP = "-Xmx2g";
  static final String YOUNG = "-Xmn256m";
  static final String HUGE_PAGES = "-XX:+UseTransparentHugePages";

  private ForkOptions() {}
}
