package org.irmer.entitlement.adapter.memory;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * The undo log of the in-memory transaction on the current thread. Each store write registers how
 * to undo itself; a failed transaction undoes them in reverse order, so nothing half-written
 * remains. Outside a transaction writes are final and nothing is recorded.
 *
 * <p>Every write, inside a transaction or not, holds the one write lock, which a transaction holds
 * from start to end. Undoing removes the newest version or entry, so no other thread may write
 * while a transaction is open: its writes would be the ones removed, or would be refused because
 * of a version that is then rolled back.
 */
final class UndoJournal {

  private final ReentrantLock writes = new ReentrantLock();
  private final ThreadLocal<Deque<Runnable>> open = new ThreadLocal<>();

  /** Runs one write once no other thread's transaction is open. */
  <T> T write(Supplier<T> write) {
    writes.lock();
    try {
      return write.get();
    } finally {
      writes.unlock();
    }
  }

  /** Takes the write lock for a whole transaction; reentrant, so nested calls pass. */
  void lock() {
    writes.lock();
  }

  void unlock() {
    writes.unlock();
  }

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
