package org.irmer.entitlement.testkit;

import static com.google.common.base.Preconditions.checkArgument;
import static org.quicktheories.generators.SourceDSL.lists;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import java.util.Collection;
import java.util.Set;
import java.util.function.IntFunction;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/** Combinators the public generators share; all of them draw only from QuickTheories. */
final class Gens {

  private Gens() {}

  /** One of {@code items}, shrinking towards the first. */
  static <T> Gen<T> pick(Collection<T> items) {
    checkArgument(!items.isEmpty(), "nothing to pick from");
    return Generate.pick(ImmutableList.copyOf(items));
  }

  /** A list of {@code min} to {@code max} values. */
  static <T> Gen<ImmutableList<T>> listOf(Gen<T> values, int min, int max) {
    return lists().of(values).ofSizeBetween(min, max).map(ImmutableList::copyOf);
  }

  /** A set of at most {@code max} of {@code items}; always empty when there are none. */
  static <T> Gen<ImmutableSet<T>> subsetOf(Collection<T> items, int max) {
    if (items.isEmpty() || max == 0) {
      return Generate.constant(ImmutableSet.of());
    }
    return lists().of(pick(items)).ofSizeBetween(0, max).map(ImmutableSet::copyOf);
  }

  /** A set of one to {@code max} of {@code items}, which must not be empty. */
  static <T> Gen<ImmutableSet<T>> nonEmptySubsetOf(Collection<T> items, int max) {
    checkArgument(max >= 1, "max must be at least 1: %s", max);
    return pick(items)
        .zip(
            subsetOf(items, max - 1),
            (first, rest) -> ImmutableSet.<T>builder().add(first).addAll(rest).build());
  }

  /** A set of at most {@code max} values of {@code values}. */
  static <T> Gen<ImmutableSet<T>> setOf(Gen<T> values, int max) {
    return lists().of(values).ofSizeBetween(0, max).map(ImmutableSet::copyOf);
  }

  /**
   * The values of {@code pool} that are not in {@code used}; when every one is used, the first
   * value {@code fresh.apply(0)}, {@code fresh.apply(1)}... that is not. Never empty, provided
   * {@code fresh} gives distinct values.
   */
  static <T> ImmutableList<T> unused(Collection<T> pool, Set<T> used, IntFunction<T> fresh) {
    ImmutableList<T> left =
        pool.stream()
            .filter(value -> !used.contains(value))
            .collect(ImmutableList.toImmutableList());
    if (!left.isEmpty()) {
      return left;
    }
    // At most used.size() + 1 distinct fresh values are looked at before one is free.
    for (int i = 0; ; i++) {
      T candidate = fresh.apply(i);
      if (!used.contains(candidate)) {
        return ImmutableList.of(candidate);
      }
    }
  }

  /** A value of one of the non-empty lists, each list as likely as the others. */
  static <T> Gen<T> pickFromAny(ImmutableList<ImmutableList<T>> candidates) {
    ImmutableList<Gen<T>> gens =
        candidates.stream()
            .filter(list -> !list.isEmpty())
            .map(Gens::pick)
            .collect(ImmutableList.toImmutableList());
    checkArgument(!gens.isEmpty(), "no candidates at all");
    return pick(gens).flatMap(gen -> gen);
  }
}
