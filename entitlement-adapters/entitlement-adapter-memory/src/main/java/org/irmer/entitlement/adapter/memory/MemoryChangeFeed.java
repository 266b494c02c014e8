package org.irmer.entitlement.adapter.memory;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.List;
import org.irmer.entitlement.core.port.out.ChangeFeed;
import org.irmer.entitlement.core.port.out.RegisterChange;

/**
 * The change feed in process. A change published inside a unit of work takes its sequence under
 * the write lock, which the unit holds to its end, so sequences follow commit order; it becomes
 * visible when the unit commits, still under the lock, so that no later commit can become visible
 * before it, and is dropped (leaving a gap) when the unit rolls back. Listeners run in the
 * committing thread after the lock is released, before the unit of work (or, outside one, the
 * publish) returns.
 */
final class MemoryChangeFeed implements ChangeFeed {

  private final UndoJournal journal;
  private final ChangeFeed.Listeners listeners = new ChangeFeed.Listeners();
  private final List<RegisterChange> committed = new ArrayList<>();
  private long lastIssued;
  /** One object, so that a unit of work that publishes several changes wakes the listeners once. */
  private final Runnable wakeUp = this::wake;

  MemoryChangeFeed(UndoJournal journal) {
    this.journal = journal;
  }

  @Override
  public long publish(RegisterChange.Pending change) {
    checkNotNull(change, "change");
    RegisterChange published = journal.write(() -> {
      RegisterChange numbered = change.at(issue());
      journal.atCommit(() -> commit(numbered));
      return numbered;
    });
    journal.afterCommit(wakeUp);
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
    return listeners.subscribe(listener);
  }

  /**
   * Calls every listener. A listener must not throw (see {@link ChangeFeed}); one that does is not
   * allowed to fail the commit that has already happened, nor to keep the others from being woken.
   */
  private void wake() {
    listeners.wake();
  }
}
