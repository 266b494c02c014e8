package org.irmer.entitlement.adapter.memory;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.irmer.entitlement.core.port.out.ChangeFeed;
import org.irmer.entitlement.core.port.out.RegisterChange;

/**
 * The change feed in process. A change published inside a unit of work takes its sequence under
 * the write lock, which the unit holds to its end, so sequences follow commit order; it becomes
 * visible when the unit commits and is dropped (leaving a gap) when it rolls back. Listeners run in
 * the committing thread after the lock is released.
 */
final class MemoryChangeFeed implements ChangeFeed {

  private final UndoJournal journal;
  private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
  private final List<RegisterChange> committed = new ArrayList<>();
  private long lastIssued;

  MemoryChangeFeed(UndoJournal journal) {
    this.journal = journal;
  }

  @Override
  public long publish(RegisterChange.Pending change) {
    checkNotNull(change, "change");
    boolean inTransaction = journal.inTransaction();
    RegisterChange published = journal.write(() -> {
      RegisterChange numbered = change.at(issue());
      if (inTransaction) {
        journal.onCommit(() -> {
          commit(numbered);
          wake();
        });
      } else {
        commit(numbered);
      }
      return numbered;
    });
    if (!inTransaction) {
      wake();
    }
    return published.sequence();
  }

  private synchronized long issue() {
    return ++lastIssued;
  }

  private synchronized void commit(RegisterChange change) {
    committed.add(change);
  }

  @Override
  public synchronized ImmutableList<RegisterChange> changesSince(long sequence, int limit) {
    checkArgument(limit > 0, "limit must be positive: %s", limit);
    ImmutableList.Builder<RegisterChange> found = ImmutableList.builder();
    int taken = 0;
    for (int i = firstAbove(sequence); i < committed.size() && taken < limit; i++, taken++) {
      found.add(committed.get(i));
    }
    return found.build();
  }

  /** The index of the first committed change above {@code sequence}, by binary search. */
  private int firstAbove(long sequence) {
    int low = 0;
    int high = committed.size();
    while (low < high) {
      int middle = (low + high) >>> 1;
      if (committed.get(middle).sequence() <= sequence) {
        low = middle + 1;
      } else {
        high = middle;
      }
    }
    return low;
  }

  @Override
  public synchronized long lastSequence() {
    return committed.isEmpty() ? 0 : committed.get(committed.size() - 1).sequence();
  }

  @Override
  public Subscription subscribe(Runnable listener) {
    checkNotNull(listener, "listener");
    Runnable registered = listener::run;
    listeners.add(registered);
    return () -> listeners.remove(registered);
  }

  /**
   * Calls every listener. A listener must not throw (see {@link ChangeFeed}); one that does is not
   * allowed to fail the commit that has already happened, nor to keep the others from being woken.
   */
  private void wake() {
    for (Runnable listener : listeners) {
      try {
        listener.run();
      } catch (RuntimeException ignored) {
        // The commit stands; the listener catches up at its next wake-up.
      }
    }
  }
}
