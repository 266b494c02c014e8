package org.irmer.entitlement.rules.compiled;

/** Bit masks over enum ordinals (every enum here has fewer than 32 constants). */
final class Masks {

  private Masks() {}

  static int of(Iterable<? extends Enum<?>> constants) {
    int mask = 0;
    for (Enum<?> constant : constants) {
      mask |= 1 << constant.ordinal();
    }
    return mask;
  }

  static boolean has(int mask, int ordinal) {
    return (mask & (1 << ordinal)) != 0;
  }
}
