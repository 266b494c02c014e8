package org.irmer.entitlement.adapter.json;

import com.google.common.collect.ImmutableList;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The problems found so far while reading register files, in the order found. */
final class Problems {

  private final List<RegisterFiles.Problem> found = new ArrayList<>();

  void add(Path file, SourceFile.Position position, String field, String message) {
    found.add(new RegisterFiles.Problem(file, position.line(), position.column(), field, message));
  }

  void add(RegisterFiles.Problem problem) {
    found.add(problem);
  }

  /** A problem at {@code pointer} of {@code source}. */
  void at(SourceFile source, String pointer, String message) {
    add(source.path(), source.positionOf(pointer), pointer, message);
  }

  int count() {
    return found.size();
  }

  boolean isEmpty() {
    return found.isEmpty();
  }

  ImmutableList<RegisterFiles.Problem> all() {
    return ImmutableList.copyOf(found);
  }
}
