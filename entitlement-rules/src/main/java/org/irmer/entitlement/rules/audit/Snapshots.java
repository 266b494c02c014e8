package org.irmer.entitlement.rules.audit;

import java.util.LinkedHashMap;
import java.util.Map;
import org.irmer.entitlement.rules.compiled.CompiledEngine;

/**
 * The compiled engines of the last few intervals of the register's history that requests fell in,
 * least recently used dropped first: a log in time order compiles each interval once, a log out of
 * order recompiles at most as often as it jumps between more than {@link #KEPT} intervals. Used by
 * one thread.
 */
final class Snapshots {

  /** How many compiled snapshots are kept at once. */
  static final int KEPT = 4;

  private final EntitlementHistory history;
  private final RegisterAsOf.Register register;
  private final Map<Integer, CompiledEngine> kept = new LinkedHashMap<>(KEPT * 2, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<Integer, CompiledEngine> eldest) {
      return size() > KEPT;
    }
  };

  Snapshots(EntitlementHistory history, RegisterAsOf.Register register) {
    this.history = history;
    this.register = register;
  }

  /** The engine over the register as it stood throughout {@code interval}. */
  CompiledEngine engine(int interval) {
    CompiledEngine engine = kept.get(interval);
    if (engine == null) {
      engine = CompiledEngine.compile(new RegisterAsOf(register, history.inForce(interval)));
      kept.put(interval, engine);
    }
    return engine;
  }
}
