package org.irmer.entitlement.examples.cli;

import java.util.List;
import java.util.function.Consumer;
import org.irmer.entitlement.core.domain.AuditTrailEntry;
import org.irmer.entitlement.core.port.out.AuditTrail;

/** Reading the audit trail a page at a time, and its head. */
final class Trail {

  private static final int PAGE = 2_000;

  private Trail() {}

  static void forEach(AuditTrail trail, Consumer<AuditTrailEntry> each) {
    long next = 1;
    while (true) {
      List<AuditTrailEntry> page = trail.read(next, PAGE);
      if (page.isEmpty()) {
        return;
      }
      page.forEach(each);
      next = page.get(page.size() - 1).sequence() + 1;
    }
  }

  /** The hash of the last record, or the genesis hash of an empty trail. */
  static String headHash(AuditTrail trail) {
    long size = trail.size();
    if (size == 0) {
      return AuditTrailEntry.GENESIS;
    }
    return trail.read(size, 1).get(0).hash();
  }
}
