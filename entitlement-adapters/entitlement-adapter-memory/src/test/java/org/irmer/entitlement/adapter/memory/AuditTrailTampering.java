package org.irmer.entitlement.adapter.memory;

import java.lang.reflect.Field;
import java.util.List;
import org.irmer.entitlement.core.domain.AuditTrailEntry;

/**
 * Overwrites a stored entry of an in-memory audit trail, as someone with direct write access to
 * the store might, so that tests can show that {@code firstBrokenLink()} finds it.
 *
 * <p>The adapter rightly has no way to alter its trail, so this test-only helper reaches the list
 * that holds the entries by reflection, under the trail's own lock.
 */
final class AuditTrailTampering {

  private AuditTrailTampering() {}

  /** Puts {@code forged} where the entry numbered {@code sequence} was. */
  static void overwrite(InMemoryRegister memory, long sequence, AuditTrailEntry forged) {
    MemoryAuditTrail trail = (MemoryAuditTrail) memory.register().auditTrail();
    synchronized (trail) {
      entriesOf(trail).set((int) (sequence - 1), forged);
    }
  }

  @SuppressWarnings("unchecked") // the field is declared List<AuditTrailEntry>
  private static List<AuditTrailEntry> entriesOf(MemoryAuditTrail trail) {
    try {
      Field entries = MemoryAuditTrail.class.getDeclaredField("entries");
      entries.setAccessible(true);
      return (List<AuditTrailEntry>) entries.get(trail);
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(
          "MemoryAuditTrail no longer keeps its entries in a field named 'entries'", e);
    }
  }
}
