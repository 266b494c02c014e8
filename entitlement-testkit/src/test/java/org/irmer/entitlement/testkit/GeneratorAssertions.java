package org.irmer.entitlement.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import java.util.HashSet;
import java.util.Set;
import java.util.function.Consumer;
import org.quicktheories.core.Gen;

/** Runs a generator for {@link #EXAMPLES} values and checks each of them, and that they vary. */
final class GeneratorAssertions {

  static final int EXAMPLES = 500;

  private GeneratorAssertions() {}

  /**
   * Asserts {@code assertion} of every one of {@link #EXAMPLES} values of {@code gen}, and that the
   * values are not all equal (a generator stuck on one value tests nothing).
   */
  static <T> void everyValue(Gen<T> gen, Consumer<T> assertion) {
    Set<T> seen = new HashSet<>();
    qt().withExamples(EXAMPLES)
        .forAll(gen)
        .checkAssert(
            value -> {
              assertion.accept(value);
              seen.add(value);
            });
    assertThat(seen).as("distinct generated values").hasSizeGreaterThan(1);
  }
}
