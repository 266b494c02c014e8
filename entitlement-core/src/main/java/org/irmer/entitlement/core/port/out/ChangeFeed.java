package org.irmer.entitlement.core.port.out;

import com.google.common.collect.ImmutableList;

/**
 * The register's change feed (ARCHITECTURE.md, wiring): every accepted lifecycle command publishes
 * what it changed, so that every engine over the register, in this process or another, refreshes
 * what changed and nothing else.
 *
 * <p>Contract:
 *
 * <ul>
 *   <li>{@link #publish} joins the caller's unit of work ({@link Transactions#inTransaction}): the
 *       change is visible to {@link #changesSince} when that unit commits and never when it rolls
 *       back. Outside a unit of work it commits at once.
 *   <li>Sequences start at 1 and increase by commit order: once {@link #changesSince} has returned
 *       a change with sequence {@code n}, no change with a sequence at or below {@code n} is ever
 *       committed later. A follower that has applied everything up to {@code n} therefore needs
 *       only {@code changesSince(n)}. Sequences may have gaps (a rolled-back change may have used
 *       one).
 *   <li>Listeners are called after every commit that published changes. For a commit made through
 *       this feed object they are called in the committing thread before {@code inTransaction}
 *       returns, so that, in one process, a check made after a command has returned sees its change
 *       (read your own writes); for commits made elsewhere (another node over the same database)
 *       they are called from the adapter's own thread, as soon as it learns of them. A listener
 *       must be quick and must not throw; a listener's exception is not the committer's failure.
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

  /** Committed changes with a sequence above {@code sequence}, at most {@code limit}, in order. */
  ImmutableList<RegisterChange> changesSince(long sequence, int limit);

  /** The sequence of the latest committed change; 0 when there has been none. */
  long lastSequence();

  /**
   * Calls {@code listener} after each commit that published changes, until the returned
   * subscription is closed.
   */
  Subscription subscribe(Runnable listener);

  /** A registered listener; closing it stops the calls. Closing twice does nothing. */
  interface Subscription extends AutoCloseable {
    @Override
    void close();
  }
}
