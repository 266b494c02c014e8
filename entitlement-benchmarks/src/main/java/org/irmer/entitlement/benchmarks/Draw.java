package org.irmer.entitlement.benchmarks;

import java.util.List;
import java.util.SplittableRandom;

/** Seeded random choices for the workload generators. */
final class Draw {

  private Draw() {}

  static <T> T weighted(SplittableRandom random, T[] values, int[] weights) {
    int total = 0;
    for (int weight : weights) {
      total += weight;
    }
    int pick = random.nextInt(total);
    for (int i = 0; i < values.length; i++) {
      pick -= weights[i];
      if (pick < 0) {
        return values[i];
      }
    }
    throw new AssertionError("weights are positive");
  }

  static <T> T one(SplittableRandom random, List<T> values) {
    return values.get(random.nextInt(values.size()));
  }

  static <T> T one(SplittableRandom random, T[] values) {
    return values[random.nextInt(values.length)];
  }

  /** True with probability {@code percent}/100. */
  static boolean chance(SplittableRandom random, int percent) {
    return random.nextInt(100) < percent;
  }
}
