package org.irmer.entitlement.core.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The body-region tree: containment down to the joint, and a tree that cannot be built wrong. */
class BodyRegionTreeTests {

  private static final BodyRegionTree STANDARD = BodyRegionTree.standard();
  private static final BodyRegion UNKNOWN = BodyRegion.of("TAIL");

  @Test
  void aRegionLiesWithinItselfItsParentAndEveryAncestor() {
    assertThat(STANDARD.isWithin(BodyRegion.TOE, BodyRegion.TOE)).isTrue();
    assertThat(STANDARD.isWithin(BodyRegion.TOE, BodyRegion.FOOT)).isTrue();
    assertThat(STANDARD.isWithin(BodyRegion.TOE, BodyRegion.LOWER_LIMB)).isTrue();
    assertThat(STANDARD.isWithin(BodyRegion.TOE, BodyRegion.WHOLE_BODY)).isTrue();
  }

  @Test
  void aRegionDoesNotLieWithinItsDescendantsItsSiblingsOrAnotherLimb() {
    assertThat(STANDARD.isWithin(BodyRegion.LOWER_LIMB, BodyRegion.KNEE)).isFalse();
    assertThat(STANDARD.isWithin(BodyRegion.KNEE, BodyRegion.ANKLE)).isFalse();
    assertThat(STANDARD.isWithin(BodyRegion.KNEE, BodyRegion.UPPER_LIMB)).isFalse();
    assertThat(STANDARD.isWithin(BodyRegion.LUMBAR_SPINE, BodyRegion.PELVIS)).isFalse();
  }

  @Test
  void aRegionOutsideTheTreeLiesWithinNoRegionOfIt() {
    assertThat(STANDARD.contains(UNKNOWN)).isFalse();
    assertThat(STANDARD.isWithin(UNKNOWN, BodyRegion.WHOLE_BODY)).isFalse();
    assertThat(STANDARD.isWithin(BodyRegion.KNEE, UNKNOWN)).isFalse();
    assertThat(STANDARD.overlaps(UNKNOWN, BodyRegion.WHOLE_BODY)).isFalse();
  }

  @Test
  void twoRegionsOverlapWhenEitherLiesWithinTheOtherWhicheverIsNamedFirst() {
    assertThat(STANDARD.overlaps(BodyRegion.LOWER_LIMB, BodyRegion.KNEE)).isTrue();
    assertThat(STANDARD.overlaps(BodyRegion.KNEE, BodyRegion.LOWER_LIMB)).isTrue();
    assertThat(STANDARD.overlaps(BodyRegion.KNEE, BodyRegion.KNEE)).isTrue();
    assertThat(STANDARD.overlaps(BodyRegion.KNEE, BodyRegion.HIP)).isFalse();
  }

  @Test
  void answersTheParentOfARegionAndNoneForTheRoot() {
    assertThat(STANDARD.parentOf(BodyRegion.FINGER)).contains(BodyRegion.HAND);
    assertThat(STANDARD.parentOf(BodyRegion.WHOLE_BODY)).isEmpty();
  }

  @Test
  void refusesToAnswerTheParentOfARegionOutsideTheTree() {
    assertThatThrownBy(() -> STANDARD.parentOf(UNKNOWN))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("TAIL");
  }

  @Test
  void listsEveryRegionWithParentsBeforeChildren() {
    var regions = STANDARD.regions();

    assertThat(regions).startsWith(BodyRegion.WHOLE_BODY).doesNotHaveDuplicates();
    for (BodyRegion region : regions) {
      STANDARD.parentOf(region).ifPresent(parent ->
          assertThat(regions.indexOf(parent)).as("position of the parent of %s", region)
              .isLessThan(regions.indexOf(region)));
    }
  }

  @Test
  void refusesAChildWhoseParentIsNotInTheTreeYet() {
    BodyRegionTree.Builder builder = BodyRegionTree.builder().root(BodyRegion.LOWER_LIMB);

    assertThatThrownBy(() -> builder.child(BodyRegion.TOE, BodyRegion.FOOT))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("FOOT");
  }

  @Test
  void refusesARegionAddedTwiceSoThatTheTreeHoldsNoCycle() {
    BodyRegionTree.Builder builder = BodyRegionTree.builder()
        .root(BodyRegion.LOWER_LIMB)
        .child(BodyRegion.KNEE, BodyRegion.LOWER_LIMB);

    assertThatThrownBy(() -> builder.child(BodyRegion.LOWER_LIMB, BodyRegion.KNEE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("already");
    assertThatThrownBy(() -> builder.root(BodyRegion.KNEE))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void treesWithTheSameRegionsAndParentsAreEqual() {
    BodyRegionTree one = BodyRegionTree.builder().root(BodyRegion.LOWER_LIMB)
        .child(BodyRegion.KNEE, BodyRegion.LOWER_LIMB).build();
    BodyRegionTree same = BodyRegionTree.builder().root(BodyRegion.LOWER_LIMB)
        .child(BodyRegion.KNEE, BodyRegion.LOWER_LIMB).build();
    BodyRegionTree other = BodyRegionTree.builder().root(BodyRegion.KNEE).build();

    assertThat(one).isEqualTo(same).hasSameHashCodeAs(same).isNotEqualTo(other);
  }

  @Test
  void aForestKeepsItsTreesApart() {
    BodyRegionTree forest = BodyRegionTree.builder()
        .root(BodyRegion.UPPER_LIMB)
        .root(BodyRegion.LOWER_LIMB)
        .child(BodyRegion.HAND, BodyRegion.UPPER_LIMB)
        .build();

    assertThat(forest.isWithin(BodyRegion.HAND, BodyRegion.UPPER_LIMB)).isTrue();
    assertThat(forest.overlaps(BodyRegion.HAND, BodyRegion.LOWER_LIMB)).isFalse();
  }
}
