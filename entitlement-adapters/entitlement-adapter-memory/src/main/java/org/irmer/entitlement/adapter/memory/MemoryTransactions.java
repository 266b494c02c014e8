package org.irmer.entitlement.adapter.memory;

import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.irmer.entitlement.core.port.out.Transactions;

/**
 * Serialises units of work and undoes every write of one that fails, so a command's writes and its
 * audit record happen together or not at all. Nested calls join the outer transaction.
 */
final class MemoryTransactions implements Transactions {

  private final ReentrantLock lock = new ReentrantLock();
  private final UndoJournal journal;

  MemoryTransactions(UndoJournal journal) {
    this.journal = journal;
  }

  @Override
  public <T> T inTransaction(Supplier<T> work) {
    lock.lock();
    try {
      if (journal.inTransaction()) {
        return work.get();
      }
      journal.begin();
      try {
        T result = work.get();
        journal.commit();
        return result;
      } catch (RuntimeException | Error failure) {
        journal.rollback();
        throw failure;
      }
    } finally {
      lock.unlock();
    }
  }
}
