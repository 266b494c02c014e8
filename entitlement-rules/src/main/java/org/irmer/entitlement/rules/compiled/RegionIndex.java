package org.irmer.entitlement.rules.compiled;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.irmer.entitlement.core.domain.BodyRegion;
import org.irmer.entitlement.core.domain.BodyRegionTree;

/**
 * Interval numbering of the body-region tree: each region gets its pre-order number, and the
 * regions within a region are exactly those numbered from it to {@link #last(int)}. Containment
 * ("is the knee within the lower limb?") becomes two integer comparisons.
 */
final class RegionIndex {

  static final int UNKNOWN = -1;

  private final Map<BodyRegion, Integer> numbers = new HashMap<>();
  private final int[] last;

  RegionIndex(BodyRegionTree tree) {
    Map<BodyRegion, List<BodyRegion>> children = new HashMap<>();
    List<BodyRegion> roots = new ArrayList<>();
    for (BodyRegion region : tree.regions()) {
      Optional<BodyRegion> parent = tree.parentOf(region);
      if (parent.isPresent()) {
        children.computeIfAbsent(parent.get(), key -> new ArrayList<>()).add(region);
      } else {
        roots.add(region);
      }
    }
    last = new int[tree.regions().size()];
    int[] next = {0};
    for (BodyRegion root : roots) {
      number(root, children, next);
    }
  }

  private int number(BodyRegion region, Map<BodyRegion, List<BodyRegion>> children, int[] next) {
    int own = next[0]++;
    numbers.put(region, own);
    int end = own;
    for (BodyRegion child : children.getOrDefault(region, List.of())) {
      end = number(child, children, next);
    }
    last[own] = end;
    return end;
  }

  /** The pre-order number of {@code region}, or {@link #UNKNOWN} when it is not in the tree. */
  int numberOf(BodyRegion region) {
    Integer number = numbers.get(region);
    return number == null ? UNKNOWN : number;
  }

  /** The highest number within the region numbered {@code number}. */
  int last(int number) {
    return last[number];
  }
}
