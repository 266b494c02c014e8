package org.irmer.entitlement.adapter.memory;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The undo log of the in-memory transaction on the current thread. Each store write registers how
 * to undo itself; a failed transaction undoes them in reverse order, so nothing half-written
 * remains. Outside a transaction writes are final and nothing is recorded.
 */
final class UndoJournal {

  private final ThreadLocal<Deque<Runnable>> open = new ThreadLocal<>();

  void begin() {
    open.set(new ArrayDeque<>());
  }

  boolean inTransaction() {
    return open.get() != null;
  }

  void onUndo(Runnable undo) {
    Deque<Runnable> log = open.get();
    if (log != null) {
      log.push(undo);
    }
  }

  void commit() {
    open.remove();
  }

  void rollback() {
    Deque<Runnable> log = open.get();
    open.remove();
    if (log != null) {
      log.forEach(Runnable::run);
    }
  }
}
