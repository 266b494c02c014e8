package org.irmer.entitlement.rules;

/**
 * Whether an engine's snapshot of the register is known to be current (ARCHITECTURE.md, persistence
 * and scale), as the recorded checks need to know it: the live engine confirms its snapshot at each
 * catch-up that reaches the register, and decides on an unconfirmed one only up to its staleness
 * limit.
 */
public interface SnapshotFreshness {

  /** Whether the snapshot could not be confirmed current by the latest attempt to reach the register. */
  boolean isUnconfirmed();

  /** Whether decisions are made on the snapshot: it is confirmed, or within the staleness limit. */
  boolean decidesOnSnapshot();

  /**
   * Says that the register was found out of reach (a check could not write its record), so that
   * the snapshot counts as unconfirmed, and checks are warned, before the next catch-up finds it so.
   */
  void reportUnreachable();

  /** The freshness of an evaluator that reads the register live, or has no register behind it. */
  SnapshotFreshness ALWAYS_CONFIRMED = new SnapshotFreshness() {
    @Override
    public boolean isUnconfirmed() {
      return false;
    }

    @Override
    public boolean decidesOnSnapshot() {
      return true;
    }

    @Override
    public void reportUnreachable() {}
  };
}
