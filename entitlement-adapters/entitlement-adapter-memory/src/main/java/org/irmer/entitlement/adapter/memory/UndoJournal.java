package org.irmer.entitlement.adapter.memory;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The undo log of the in-memory transaction on the current thread. Each store write registers how
 * to undo itself; a failed transaction undoes them in reverse order, so nothing half-written
 * remains. Outside a transaction writes are final and nothing is recorded.
 *
 * <p>Every write, inside a transaction or not, holds the one write lock, which a transaction holds
 * from start to end. Undoing removes the newest version or entry, so no other thread may write
 * while a transaction is open: its writes would be the ones removed, or would be refused because
 * of a version that is then rolled back. Every read holds the read lock, so a read on another
 * thread waits until an open transaction has committed or rolled back and never sees its writes
 * (the {@code Transactions} contract); the transaction's own thread, holding the write lock, reads
 * its writes at once.
 */
final class UndoJournal {

  private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
  private final Lock writes = lock.writeLock();
  private final Lock reads = lock.readLock();
  /** The open transaction on this thread; its lists are made when first needed. */
  private final ThreadLocal<Open> open = new ThreadLocal<>();

  /** Runs one write once no other thread's transaction is open. */
  <T> T write(Supplier<T> write) {
    writes.lock();
    try {
      return write.get();
    } finally {
      writes.unlock();
    }
  }

  /**
   * Runs one read once no other thread's transaction is open. The read must not write: a thread
   * holding the read lock cannot take the write lock.
   */
  <T> T read(Supplier<T> read) {
    reads.lock();
    try {
      return read.get();
    } finally {
      reads.unlock();
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
    open.set(new Open());
  }

  boolean inTransaction() {
    return open.get() != null;
  }

  void onUndo(Runnable undo) {
    Open transaction = open.get();
    if (transaction != null) {
      transaction.undo().push(undo);
    }
  }

  /**
   * Registers what the open transaction makes visible when it commits (for example, a change on
   * the change feed): run, in order, while the commit still holds the write lock, so that what
   * transactions make visible follows the order in which they commit. Run at once when no
   * transaction is open. Must not throw.
   */
  void atCommit(Runnable action) {
    Open transaction = open.get();
    if (transaction == null) {
      action.run();
    } else {
      transaction.atCommit().add(action);
    }
  }

  /**
   * Registers what to do once the open transaction has committed and released the write lock (for
   * example, waking the change feed's listeners), once however often the same action is
   * registered; run at once when no transaction is open.
   */
  void afterCommit(Runnable action) {
    Open transaction = open.get();
    if (transaction == null) {
      action.run();
    } else if (!transaction.afterCommit().contains(action)) {
      transaction.afterCommit().add(action);
    }
  }

  /**
   * Ends the transaction, running what {@link #atCommit} registered; returns what {@link
   * #afterCommit} asked to run once the lock is released. Called with the write lock held.
   */
  List<Runnable> commit() {
    Open transaction = open.get();
    open.remove();
    if (transaction == null) {
      return List.of();
    }
    if (transaction.atCommit != null) {
      transaction.atCommit.forEach(Runnable::run);
    }
    return transaction.afterCommit == null ? List.of() : transaction.afterCommit;
  }

  void rollback() {
    Open transaction = open.get();
    open.remove();
    if (transaction != null && transaction.undo != null) {
      transaction.undo.forEach(Runnable::run);
    }
  }

  /**
   * One open transaction: what undoes its writes, newest first; what it makes visible at commit;
   * and what to run once it has committed. A check that writes one audit record needs only the
   * first, so the others are made when first asked for.
   */
  private static final class Open {
    private @Nullable Deque<Runnable> undo;
    private @Nullable List<Runnable> atCommit;
    private @Nullable List<Runnable> afterCommit;

    Deque<Runnable> undo() {
      if (undo == null) {
        undo = new ArrayDeque<>();
      }
      return undo;
    }

    List<Runnable> atCommit() {
      if (atCommit == null) {
        atCommit = new ArrayList<>();
      }
      return atCommit;
    }

    List<Runnable> afterCommit() {
      if (afterCommit == null) {
        afterCommit = new ArrayList<>();
      }
      return afterCommit;
    }
  }
}
