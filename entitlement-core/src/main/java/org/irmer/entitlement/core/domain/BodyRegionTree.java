package org.irmer.entitlement.core.domain;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The tree of body regions. A rule that includes a region includes every descendant of it, and
 * exclusions beat inclusions (DOMAIN.md section 4).
 *
 * <p>The tree is immutable; parents are added before their children, so it cannot hold a cycle.
 */
public final class BodyRegionTree {

  private static final BodyRegionTree STANDARD = buildStandard();

  private final ImmutableMap<BodyRegion, Optional<BodyRegion>> parents;
  /** Each region with itself and all its ancestors, so containment is one lookup. */
  private final ImmutableMap<BodyRegion, ImmutableSet<BodyRegion>> selfAndAncestors;

  private BodyRegionTree(ImmutableMap<BodyRegion, Optional<BodyRegion>> parents) {
    this.parents = parents;
    ImmutableMap.Builder<BodyRegion, ImmutableSet<BodyRegion>> lines = ImmutableMap.builder();
    for (BodyRegion region : parents.keySet()) {
      ImmutableSet.Builder<BodyRegion> line = ImmutableSet.builder();
      Optional<BodyRegion> current = Optional.of(region);
      while (current.isPresent()) {
        line.add(current.get());
        current = parents.get(current.get());
      }
      lines.put(region, line.build());
    }
    this.selfAndAncestors = lines.build();
  }

  /** The regions used by the shipped sample catalogue: head to toe, limbs down to the joint. */
  public static BodyRegionTree standard() {
    return STANDARD;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Every region, parents before children. */
  public ImmutableList<BodyRegion> regions() {
    return parents.keySet().asList();
  }

  public boolean contains(BodyRegion region) {
    return parents.containsKey(region);
  }

  /** The parent of {@code region}; empty for a root. */
  public Optional<BodyRegion> parentOf(BodyRegion region) {
    Optional<BodyRegion> parent = parents.get(region);
    checkArgument(parent != null, "region %s is not in the tree", region);
    return parent;
  }

  /** Whether {@code region} is {@code ancestor} or lies below it. Unknown regions are never within. */
  public boolean isWithin(BodyRegion region, BodyRegion ancestor) {
    ImmutableSet<BodyRegion> line = selfAndAncestors.get(region);
    return line != null ? line.contains(ancestor) : region.equals(ancestor);
  }

  /** Whether one of the two regions lies within the other: an examination of one covers the other. */
  public boolean overlaps(BodyRegion a, BodyRegion b) {
    return isWithin(a, b) || isWithin(b, a);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof BodyRegionTree tree && tree.parents.equals(parents);
  }

  @Override
  public int hashCode() {
    return parents.hashCode();
  }

  @Override
  public String toString() {
    return "BodyRegionTree" + parents;
  }

  /** Adds regions parents first. */
  public static final class Builder {
    private final Map<BodyRegion, Optional<BodyRegion>> parents = new LinkedHashMap<>();

    private Builder() {}

    public Builder root(BodyRegion root) {
      return put(root, Optional.empty());
    }

    public Builder child(BodyRegion child, BodyRegion parent) {
      checkArgument(parents.containsKey(checkNotNull(parent, "parent")),
          "parent %s of %s must be added first", parent, child);
      return put(child, Optional.of(parent));
    }

    private Builder put(BodyRegion region, Optional<BodyRegion> parent) {
      checkNotNull(region, "region");
      checkArgument(!parents.containsKey(region), "region %s is already in the tree", region);
      parents.put(region, parent);
      return this;
    }

    public BodyRegionTree build() {
      return new BodyRegionTree(ImmutableMap.copyOf(parents));
    }
  }

  private static BodyRegionTree buildStandard() {
    return builder()
        .root(BodyRegion.WHOLE_BODY)
        .child(BodyRegion.HEAD, BodyRegion.WHOLE_BODY)
        .child(BodyRegion.NECK, BodyRegion.WHOLE_BODY)
        .child(BodyRegion.SPINE, BodyRegion.WHOLE_BODY)
        .child(BodyRegion.CERVICAL_SPINE, BodyRegion.SPINE)
        .child(BodyRegion.THORACIC_SPINE, BodyRegion.SPINE)
        .child(BodyRegion.LUMBAR_SPINE, BodyRegion.SPINE)
        .child(BodyRegion.SACRUM_COCCYX, BodyRegion.SPINE)
        .child(BodyRegion.CHEST, BodyRegion.WHOLE_BODY)
        .child(BodyRegion.BREAST, BodyRegion.WHOLE_BODY)
        .child(BodyRegion.ABDOMEN, BodyRegion.WHOLE_BODY)
        .child(BodyRegion.PELVIS, BodyRegion.WHOLE_BODY)
        .child(BodyRegion.UPPER_LIMB, BodyRegion.WHOLE_BODY)
        .child(BodyRegion.SHOULDER, BodyRegion.UPPER_LIMB)
        .child(BodyRegion.HUMERUS, BodyRegion.UPPER_LIMB)
        .child(BodyRegion.ELBOW, BodyRegion.UPPER_LIMB)
        .child(BodyRegion.FOREARM, BodyRegion.UPPER_LIMB)
        .child(BodyRegion.WRIST, BodyRegion.UPPER_LIMB)
        .child(BodyRegion.HAND, BodyRegion.UPPER_LIMB)
        .child(BodyRegion.FINGER, BodyRegion.HAND)
        .child(BodyRegion.LOWER_LIMB, BodyRegion.WHOLE_BODY)
        .child(BodyRegion.HIP, BodyRegion.LOWER_LIMB)
        .child(BodyRegion.FEMUR, BodyRegion.LOWER_LIMB)
        .child(BodyRegion.KNEE, BodyRegion.LOWER_LIMB)
        .child(BodyRegion.LOWER_LEG, BodyRegion.LOWER_LIMB)
        .child(BodyRegion.ANKLE, BodyRegion.LOWER_LIMB)
        .child(BodyRegion.FOOT, BodyRegion.LOWER_LIMB)
        .child(BodyRegion.TOE, BodyRegion.FOOT)
        .build();
  }
}
