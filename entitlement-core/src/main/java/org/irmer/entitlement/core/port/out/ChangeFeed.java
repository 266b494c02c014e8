package org.irmer.entitlement.core.port.out;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The register's change feed (ARCHITECTURE.md, wiring): every accepted lifecycle command publishes
 * what it changed, so that every engine over the register, in this process or another, refreshes
 * what changed and nothing else.
 *
 * <p>Contract:
 *
 * <ul>
 *   <li>{@link #publish} joins the caller's unit of work ({@link Transactions#inTransaction}): the
 *       change becomes visible to {@link #changesSince} and {@link #lastSequence} when that unit
 *       commits, and never if it rolls back; until then other threads do not see it. Outside a unit
 *       of work it commits at once. The changes of one unit commit together, in the order they were
 *       published.
 *   <li>Sequences start at 1 and increase by commit order: once {@link #changesSince} has returned
 *       a change with sequence {@code n}, no change with a sequence at or below {@code n} is ever
 *       committed later. A follower that has applied everything up to {@code n} therefore needs
 *       only {@code changesSince(n)}. Sequences may have gaps (a rolled-back change may have used
 *       one). However many threads publish at once, each change gets its own sequence and none is
 *       lost.
 *   <li>Listeners are called after every commit that published changes; they may also be called
 *       when nothing new was committed, so a listener reads {@link #changesSince} to learn what
 *       changed. For a commit made through this feed object they are called in the committing
 *       thread before {@code inTransaction} (or, outside a unit of work, {@code publish}) returns,
 *       so that, in one process, a check made after a command has returned sees its change (read
 *       your own writes); for commits made elsewhere (another node over the same database) they are
 *       called from the adapter's own thread, as soon as it learns of them. A listener must be
 *       quick and should not throw; one that throws neither fails the commit, which stands, nor
 *       keeps the other listeners from being called.
 * </ul>
 *
 * <p>A database adapter implements it with a change table written in the command's transaction
 * and a wake-up such as PostgreSQL {@code LISTEN/NOTIFY}; the in-memory adapter in process.
 *
 * @throws StoreUnavailableException from any method when the feed cannot be read or written
 */
public interface ChangeFeed {

  /** Publishes {@code change} as part of the current unit of work; returns its sequence. */
  long publish(RegisterChange.Pending change);

  /**
   * Committed changes with a sequence above {@code sequence} (0 for all of them), at most {@code
   * limit}, in order of sequence; empty when there are none.
   *
   * @throws IllegalArgumentException when {@code limit} is below 1
   */
  ImmutableList<RegisterChange> changesSince(long sequence, int limit);

  /** The sequence of the latest committed change; 0 when there has been none. */
  long lastSequence();

  /**
   * Calls {@code listener} after each commit that published changes, until the returned
   * subscription is closed.
   */
  Subscription subscribe(Runnable listener);

  /**
   * A registered listener. Once {@code close} has returned, no call of the listener begins;
   * closing again does nothing. Each subscription is its own, even of the same listener: closing
   * one leaves the others.
   */
  interface Subscription extends AutoCloseable {
    @Override
    void close();
  }

  /**
   * The listeners of a {@link ChangeFeed}, as an adapter implementing the feed keeps them: {@link
   * #subscribe} gives each its own {@link Subscription}, and {@link #wake} calls them all
   * as the feed's contract says. Thread-safe: a listener may subscribe or close while the others are
   * being called.
   */
  final class Listeners {

    /** Copied on write, so that a listener can subscribe or close while the others are called. */
    private final List<Registration> listeners = new CopyOnWriteArrayList<>();

    /** Registers {@code listener} until the returned subscription is closed. */
    public Subscription subscribe(Runnable listener) {
      Registration registration = new Registration(checkNotNull(listener, "listener"));
      listeners.add(registration);
      return registration;
    }

    /**
     * Calls every listener. A listener must not throw (see {@link ChangeFeed}); one that does is not
     * allowed to fail the commit that has already happened, nor to keep the others from being woken.
     */
    public void wake() {
      for (Registration listener : listeners) {
        try {
          listener.call();
        } catch (RuntimeException ignored) {
          // The commit stands; the listener catches up at its next wake-up.
        }
      }
    }

    /**
     * One subscription. Closing it marks it closed before removing it, so that a wake-up already
     * going through an older copy of the list does not call it once {@code close} has returned.
     */
    private final class Registration implements Subscription {

      private final Runnable listener;
      private volatile boolean closed;

      Registration(Runnable listener) {
        this.listener = listener;
      }

      void call() {
        if (!closed) {
          listener.run();
        }
      }

      @Override
      public void close() {
        closed = true;
        listeners.remove(this);
      }
    }
  }
}
