package org.irmer.entitlement.core.domain;

import static org.quicktheories.QuickTheory.qt;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * Containment in the standard tree is a partial order (reflexive, antisymmetric, transitive) and
 * agrees with walking up the parents; overlapping is symmetric.
 */
class BodyRegionTreeProperties {

  private static final BodyRegionTree TREE = BodyRegionTree.standard();
  private static final Gen<BodyRegion> REGIONS = Generate.pick(List.copyOf(TREE.regions()));

  @Test
  void containmentIsAPartialOrder() {
    qt().forAll(REGIONS, REGIONS, REGIONS).check((a, b, c) ->
        TREE.isWithin(a, a)
            && (!(TREE.isWithin(a, b) && TREE.isWithin(b, a)) || a.equals(b))
            && (!(TREE.isWithin(a, b) && TREE.isWithin(b, c)) || TREE.isWithin(a, c)));
  }

  @Test
  void aRegionIsWithinExactlyTheRegionsMetWalkingUpItsParents() {
    qt().forAll(REGIONS, REGIONS).check((region, other) -> {
      boolean met = false;
      for (BodyRegion at = region; at != null; at = TREE.parentOf(at).orElse(null)) {
        met |= at.equals(other);
      }
      return TREE.isWithin(region, other) == met;
    });
  }

  @Test
  void overlappingIsSymmetric() {
    qt().forAll(REGIONS, REGIONS).check((a, b) -> TREE.overlaps(a, b) == TREE.overlaps(b, a));
  }
}
