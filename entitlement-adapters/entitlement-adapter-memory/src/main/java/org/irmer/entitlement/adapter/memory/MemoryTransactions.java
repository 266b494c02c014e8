package org.irmer.entitlement.adapter.memory;

import java.util.List;
import java.util.function.Supplier;
import org.irmer.entitlement.core.port.out.Transactions;

/**
 * Serialises units of work, with each other and with writes made outside them, and undoes every
 * write of one that fails, so a command's writes and its audit record happen together or not at
 * all. Reads on other threads wait while a unit is open ({@link UndoJournal#read}), so none sees a
 * write before it commits; an {@link Error} rolls back like an exception. Nested calls join the outer transaction and commit nothing themselves. At commit, still
 * under the lock, what the unit makes visible only then (its changes on the change feed) becomes
 * visible; what it asked to run after commit (the change feed's wake-up) runs in the committing
 * thread once the lock is released, before this returns.
 */
final class MemoryTransactions implements Transactions {

  private final UndoJournal journal;

  MemoryTransactions(UndoJournal journal) {
    this.journal = journal;
  }

  @Override
  public <T> T inTransaction(Supplier<T> work) {
    T result;
    List<Runnable> committed;
    journal.lock();
    try {
      if (journal.inTransaction()) {
        return work.get();
      }
      journal.begin();
      try {
        result = work.get();
        committed = journal.commit();
      } catch (Throwable failure) {
        // Any throwable, including a checked exception thrown past the compiler: otherwise its
        // writes would stay, and the journal would stay open on this thread for good.
        journal.rollback();
        throw failure;
      }
    } finally {
      journal.unlock();
    }
    committed.forEach(Runnable::run);
    return result;
  }
}
