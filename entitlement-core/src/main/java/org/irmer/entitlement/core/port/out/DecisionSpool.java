package org.irmer.entitlement.core.port.out;

import com.google.common.collect.ImmutableList;
import java.util.OptionalLong;
import org.irmer.entitlement.core.domain.ReferralDecision;

/**
 * Local, durable storage for the decisions of checks whose audit records cannot be written while
 * the register's database is unavailable (ARCHITECTURE.md, persistence and scale): a check's
 * decision is returned only once it is recorded (principle 10), and while the trail cannot be
 * written "recorded" means held here, to be appended to the trail, in order, when it can.
 *
 * <p>Contract:
 *
 * <ul>
 *   <li><b>Append-only and durable.</b> {@link #hold} returns only once the decision would survive
 *       a crash of the process or the machine (on a file, after the write is forced to the device).
 *       Nothing held is changed; a decision leaves the spool only by {@link #release}.
 *   <li><b>Ordered.</b> Ids increase in the order {@code hold} returned, and {@link #held} gives
 *       the decisions in that order, oldest first. Decisions held by concurrent callers are ordered
 *       as the spool took them.
 *   <li><b>Drained in order.</b> {@link #release} releases the oldest held decisions up to an id,
 *       never one out of order: what remains held is always a suffix of what was held.
 *   <li><b>Idempotent replay.</b> The spool cannot know whether a decision it gave out was appended
 *       to the trail before a crash interrupted its release. A replayer therefore calls {@link
 *       #replaying} with the trail's size before it appends anything, and after a crash reads it back
 *       with {@link #replayingSince}: every decision appended by the interrupted replay is in the
 *       trail after that position, each carrying the spool's {@link #name} and its id, and is
 *       released, not appended again.
 *   <li>Writes do not join any unit of work: the spool is the place a check's record goes when the
 *       unit of work cannot commit. Every method is thread-safe.
 * </ul>
 *
 * <p>A spool holds decisions with their requests: the clinical facts of the request (age, sex,
 * pregnancy status, indication) but no patient identifier (STYLE.md, decisions are values). Keep
 * it on storage as protected as the database.
 *
 * @throws StoreUnavailableException from any method when the spool cannot be read or written; a
 *     {@code hold} that throws has held nothing
 */
public interface DecisionSpool {

  /**
   * This spool's name, unique among the spools whose decisions go to one trail (several
   * application nodes over one database each have their own) and kept with what it holds: a
   * replayed decision is recorded with it and its id, so a replay finds its own and no other's.
   */
  String name();

  /**
   * Holds {@code decision}, to be recorded as {@code action}, and returns it with its id; {@code
   * triedAfter} as {@link SpooledDecision#triedAfter} says.
   */
  SpooledDecision hold(String action, ReferralDecision decision, OptionalLong triedAfter);

  /**
   * The oldest decisions still held, at most {@code limit}, oldest first; empty when none is held.
   *
   * @throws IllegalArgumentException when {@code limit} is below 1
   */
  ImmutableList<SpooledDecision> held(int limit);

  /** Whether no decision is held. */
  boolean isEmpty();

  /**
   * Notes, durably, that a replay of the held decisions begins on a trail of {@code trailSize}
   * entries: whatever the replay appends goes after that position. Replaces the previous note.
   *
   * @throws IllegalArgumentException when {@code trailSize} is negative
   */
  void replaying(long trailSize);

  /**
   * The trail size of the last {@link #replaying} note while decisions are still held; empty when
   * none was made since the spool was last empty.
   */
  OptionalLong replayingSince();

  /**
   * Releases, durably, every held decision with an id up to {@code throughId}; releasing ids
   * already released does nothing. When nothing is held any more, the {@link #replaying} note is
   * cleared too.
   *
   * @throws IllegalArgumentException when {@code throughId} is above the last id {@link #hold} gave
   */
  void release(long throughId);

  /**
   * The spool of a register that has none: it holds nothing, so a check whose record cannot be
   * written fails closed ({@code INDETERMINATE}), as it would with a spool that cannot be written.
   */
  static DecisionSpool none() {
    return NoSpool.INSTANCE;
  }
}
