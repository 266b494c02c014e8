package org.irmer.entitlement.adapter.memory;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
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
  private final ThreadLocal<List<Runnable>> atCommit = new ThreadLocal<>();
  private final ThreadLocal<List<Runnable>> afterCommit = new ThreadLocal<>();

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
    atCommit.set(new ArrayList<>());
    afterCommit.set(new ArrayList<>());
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

  /**
   * Registers what the open transaction makes visible when it commits (for example, a change on
   * the change feed): run, in order, while the commit still holds the write lock, so that what
   * transactions make visible follows the order in which they commit. Run at once when no
   * transaction is open. Must not throw.
   */
  void atCommit(Runnable action) {
    List<Runnable> actions = atCommit.get();
    if (actions == null) {
      action.run();
    } else {
      actions.add(action);
    }
  }

  /**
   * Registers what to do once the open transaction has committed and released the write lock (for
   * example, waking the change feed's listeners), once however often the same action is
   * registered; run at once when no transaction is open.
   */
  void afterCommit(Runnable action) {
    List<Runnable> actions = afterCommit.get();
    if (actions == null) {
      action.run();
    } else if (!actions.contains(action)) {
      actions.add(action);
    }
  }

  /**
   * Ends the transaction, running what {@link #atCommit} registered; returns what {@link
   * #afterCommit} asked to run once the lock is released. Called with the write lock held.
   */
  List<Runnable> commit() {
    List<Runnable> visible = atCommit.get();
    List<Runnable> actions = afterCommit.get();
    open.remove();
    atCommit.remove();
    afterCommit.remove();
    if (visible != null) {
      visible.forEach(Runnable::run);
    }
    return actions == null ? List.of() : actions;
  }

  void rollback() {
    Deque<Runnable> log = open.get();
    open.remove();
    atCommit.remove();
    afterCommit.remove();
    if (log != null) {
      log.forEach(Runnable::run);
    }
  }
}
