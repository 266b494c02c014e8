package org.irmer.entitlement.adapter.json;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.irmer.entitlement.core.domain.BodyRegion;
import org.irmer.entitlement.core.domain.BodyRegionTree;

/**
 * Builds the body-region tree from its records, each naming its parent, in any order: a region
 * whose parent no record names, a region named twice and a loop of parents are problems at the
 * record's line.
 */
final class RegionTreeReader {

  /** One region record: its code and its parent's, and where it was read. */
  record Node(String code, Optional<String> parent, SourceFile source, String pointer) {}

  private RegionTreeReader() {}

  static Optional<BodyRegionTree> build(List<Node> nodes, Problems problems) {
    Map<String, Node> byCode = new LinkedHashMap<>();
    int before = problems.count();
    for (Node node : nodes) {
      Node earlier = byCode.putIfAbsent(node.code(), node);
      if (earlier != null) {
        problems.at(node.source(), node.pointer() + "/code", "duplicate region '" + node.code()
            + "': already at " + where(earlier));
      }
    }
    for (Node node : byCode.values()) {
      node.parent().filter(parent -> !byCode.containsKey(parent)).ifPresent(parent ->
          problems.at(node.source(), node.pointer() + "/parent",
              "unknown parent region '" + parent + "': expected the code of a region in the tree"));
    }
    if (byCode.values().stream().noneMatch(node -> node.parent().isEmpty()) && !byCode.isEmpty()) {
      Node first = byCode.values().iterator().next();
      problems.at(first.source(), first.pointer(), "the region tree has no root: expected at least "
          + "one region without a parent");
    }
    if (problems.count() > before) {
      return Optional.empty();
    }
    BodyRegionTree.Builder tree = BodyRegionTree.builder();
    List<Node> pending = new ArrayList<>(byCode.values());
    java.util.Set<String> added = new java.util.HashSet<>();
    boolean progress = true;
    while (!pending.isEmpty() && progress) {
      progress = false;
      for (var iterator = pending.iterator(); iterator.hasNext(); ) {
        Node node = iterator.next();
        if (node.parent().isEmpty() || added.contains(node.parent().get())) {
          try {
            if (node.parent().isEmpty()) {
              tree.root(BodyRegion.of(node.code()));
            } else {
              tree.child(BodyRegion.of(node.code()), BodyRegion.of(node.parent().get()));
            }
          } catch (IllegalArgumentException refused) {
            problems.at(node.source(), node.pointer(), "the region is refused: "
                + refused.getMessage());
            return Optional.empty();
          }
          added.add(node.code());
          iterator.remove();
          progress = true;
        }
      }
    }
    for (Node node : pending) {
      problems.at(node.source(), node.pointer() + "/parent", "region '" + node.code()
          + "' is in a loop of parents: expected every region to lead up to a root");
    }
    return pending.isEmpty() ? Optional.of(tree.build()) : Optional.empty();
  }

  static String where(Node node) {
    SourceFile.Position at = node.source().positionOf(node.pointer());
    return node.source().path().getFileName() + ":" + at.line() + ":" + at.column();
  }
}
