package org.irmer.entitlement.rules;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSortedMap;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;
import org.irmer.entitlement.core.domain.AuditEvent;
import org.irmer.entitlement.core.domain.AuditTrailEntry;
import org.irmer.entitlement.core.domain.ReferralDecision;
import org.irmer.entitlement.core.port.out.AuditTrail;
import org.irmer.entitlement.core.port.out.DecisionSpool;
import org.irmer.entitlement.core.port.out.SpooledDecision;
import org.irmer.entitlement.core.port.out.Transactions;

/**
 * Holds the decisions of checks while the audit trail cannot be written, and appends them to the
 * trail, in order and with the chain intact, when it can again (ARCHITECTURE.md, persistence and
 * scale: when the database fails, nothing is lost).
 *
 * <p>What is held is the whole recorded unit, not the audit record alone: a check's decision with
 * the action it is recorded as. Replaying it runs the unit the check could not commit, as {@link
 * RecordedDecisions} would have: the audit record, then the check's other effects (a blocked
 * attempt, training notifications) given the entry appended, all in one unit of work. A blocked
 * attempt is therefore stored, and named after its audit record, when the record is; a
 * notification is sent late rather than never, still at most once a day ({@code
 * Notifications#sendOnce} keys it by the request's day, not by the replay's). Each check service
 * says, with {@link #replaysAs}, which effects its action has.
 *
 * <p>When the engine's latest catch-up could not reach the register, a check goes to the spool
 * without trying the trail: the database is known to be out of reach, and a connection attempt
 * would hold the caller until it timed out.
 *
 * <p>Order: decisions are held in the order they were made and replayed in that order; while any
 * decision is held, a new one is held too ({@link #isHolding}), so none overtakes another. The
 * spool holds only decisions made on the snapshot ({@link SnapshotFreshness#decidesOnSnapshot}):
 * past the staleness limit a check is indeterminate and unrecorded, so the spool never holds more
 * than that limit's worth of checks. Lifecycle commands are never held (they fail while the database is down), so a
 * command made once it is back may be appended before checks held earlier; each replayed record
 * keeps the instant its check was decided at and names the spool it was held in.
 *
 * <p>No duplicates: each replayed audit record carries, in its details, the spool's name and the
 * decision's id (detail {@value #SPOOLED_DETAIL}, {@code <spool>#<id>}); the replay notes the trail's size in the spool before
 * it appends a batch and releases the batch once it is committed. A replay interrupted between the
 * two finds, after that position, the records it had appended and releases them instead of
 * appending them again. A check whose own attempt failed in a way that may have committed all the
 * same (the connection lost during its commit, a group commit whose outcome is unknown) is held
 * with the last trail position known before that attempt; the replay appends it only if no record
 * equal to its own (to the microsecond) follows that position. (Two checks of the very same request
 * at the very same instant make equal records; should the second's commit so fail, the first's
 * record is taken for it.) Replays of one spool are serialised, by every spooler over it.
 */
public final class DecisionSpooler {

  /** The audit detail naming the spool and id a replayed decision was held under. */
  public static final String SPOOLED_DETAIL = "spooled";

  private static final int BATCH = 200;

  private final DecisionSpool spool;
  private final AuditTrail auditTrail;
  private final Transactions transactions;
  private final SnapshotFreshness freshness;
  private final Map<String, BiConsumer<ReferralDecision, AuditTrailEntry>> effects =
      new ConcurrentHashMap<>();
  /** The sequence of the latest trail entry known to this spooler: appended or seen. */
  private final AtomicLong lastKnown = new AtomicLong();

  /**
   * Holds in {@code spool} the decisions that cannot be appended to {@code auditTrail}, and appends
   * them in units of work of {@code transactions}; {@code freshness} is that of the engine the
   * checks decide on.
   */
  public DecisionSpooler(DecisionSpool spool, AuditTrail auditTrail, Transactions transactions,
      SnapshotFreshness freshness) {
    this.spool = checkNotNull(spool, "spool");
    this.auditTrail = checkNotNull(auditTrail, "auditTrail");
    this.transactions = checkNotNull(transactions, "transactions");
    this.freshness = checkNotNull(freshness, "freshness");
  }

  /** A spooler that holds nothing: every check whose record cannot be written fails closed. */
  static DecisionSpooler none(AuditTrail auditTrail, Transactions transactions) {
    return new DecisionSpooler(DecisionSpool.none(), auditTrail, transactions,
        SnapshotFreshness.ALWAYS_CONFIRMED);
  }

  /**
   * Says that a decision recorded as {@code action} has {@code effects}, run with the entry
   * appended when it is replayed. A decision whose action has no effects said is replayed as its
   * audit record alone.
   */
  void replaysAs(String action, BiConsumer<ReferralDecision, AuditTrailEntry> effects) {
    this.effects.put(checkNotNull(action, "action"), checkNotNull(effects, "effects"));
  }

  /** Whether decisions are held, so that a new one must be held after them. */
  boolean isHolding() {
    return !spool.isEmpty();
  }

  /**
   * Whether the register is known to be out of reach: the engine's latest catch-up failed. A check
   * then goes to the spool at once rather than wait for the database to time out.
   */
  boolean registerOutOfReach() {
    return freshness.isUnconfirmed();
  }

  /** Says that a check found the register out of reach; its engine's snapshot is unconfirmed. */
  void reportUnreachable() {
    freshness.reportUnreachable();
  }

  /** Whether a decision that cannot be appended may be held: it was made on the snapshot. */
  boolean mayHold() {
    return freshness.decidesOnSnapshot();
  }

  /**
   * Says that the trail holds at least {@code sequence} entries: a check appended one, or the
   * register read its size.
   */
  public void known(long sequence) {
    lastKnown.accumulateAndGet(sequence, Math::max);
  }

  /**
   * Holds {@code decision} until it can be recorded as {@code action}. When {@code tried}, the
   * check's own attempt to record it failed and may have committed all the same; the replay then
   * appends it only if the trail, after the last entry known before that attempt, does not hold it.
   *
   * @throws org.irmer.entitlement.core.port.out.StoreUnavailableException when the spool cannot
   *     hold it
   */
  void hold(String action, ReferralDecision decision, boolean tried) {
    spool.hold(action, decision, tried ? OptionalLong.of(lastKnown.get()) : OptionalLong.empty());
  }

  /**
   * Appends every held decision to the trail, oldest first, with its effects, and releases it;
   * returns how many were appended. Decisions held while it runs are appended too.
   *
   * @throws org.irmer.entitlement.core.port.out.StoreUnavailableException when the trail or the
   *     spool cannot be read or written; what was appended and released stays so, and the rest
   *     stays held, for the next replay
   */
  public int replay() {
    // Serialised per spool, not per spooler: registers opened over the same ports share one.
    synchronized (spool) {
      releaseWhatAnInterruptedReplayAppended();
      int appended = 0;
      while (true) {
        ImmutableList<SpooledDecision> batch = spool.held(BATCH);
        if (batch.isEmpty()) {
          return appended;
        }
        long trailSize = auditTrail.size();
        known(trailSize);
        Set<AuditEvent> committedAfterAll = recordsOfUnsureAttempts(batch);
        spool.replaying(trailSize);
        int batchAppended = transactions.inTransaction(() -> {
          int count = 0;
          for (SpooledDecision held : batch) {
            AuditEvent recorded = DecisionRecorder.auditEvent(held.action(), held.decision());
            if (held.triedAfter().isPresent() && committedAfterAll.contains(atMicros(recorded))) {
              continue;
            }
            AuditTrailEntry entry = auditTrail.append(spooled(recorded, held));
            effects.getOrDefault(held.action(), (decision, appendedEntry) -> {})
                .accept(held.decision(), entry);
            count++;
          }
          return count;
        });
        spool.release(batch.get(batch.size() - 1).id());
        appended += batchAppended;
      }
    }
  }

  /**
   * The records in the trail after the earliest position from which a decision of {@code batch}
   * was tried, each as {@link #atMicros}: a unit whose commit failed with its outcome unknown may
   * be among them, and is not appended again.
   */
  private Set<AuditEvent> recordsOfUnsureAttempts(ImmutableList<SpooledDecision> batch) {
    OptionalLong from = batch.stream().map(SpooledDecision::triedAfter)
        .filter(OptionalLong::isPresent).mapToLong(OptionalLong::getAsLong).min();
    Set<AuditEvent> records = new HashSet<>();
    if (from.isEmpty()) {
      return records;
    }
    long next = from.getAsLong() + 1;
    while (true) {
      ImmutableList<AuditTrailEntry> page = auditTrail.read(next, BATCH);
      page.forEach(entry -> records.add(atMicros(entry.event())));
      if (page.size() < BATCH) {
        return records;
      }
      next += page.size();
    }
  }

  /** {@code event} at its instant to the microsecond, the precision a register keeps. */
  private static AuditEvent atMicros(AuditEvent event) {
    return AuditEvent.builder().from(event).at(event.at().truncatedTo(ChronoUnit.MICROS)).build();
  }

  /**
   * After a crash between a replay's commit and its release, releases the held decisions that are
   * in the trail already: those of the interrupted batch, found after the position it noted.
   */
  private void releaseWhatAnInterruptedReplayAppended() {
    OptionalLong since = spool.replayingSince();
    if (since.isEmpty()) {
      return;
    }
    long released = 0;
    long from = since.getAsLong() + 1;
    while (true) {
      ImmutableList<AuditTrailEntry> page = auditTrail.read(from, BATCH);
      for (AuditTrailEntry entry : page) {
        String spooled = entry.event().details().get(SPOOLED_DETAIL);
        if (spooled != null && spooled.startsWith(spool.name() + "#")) {
          released = Math.max(released, Long.parseLong(spooled.substring(spool.name().length() + 1)));
        }
      }
      if (page.size() < BATCH) {
        break;
      }
      from += page.size();
    }
    if (released > 0) {
      spool.release(released);
    }
  }

  private AuditEvent spooled(AuditEvent event, SpooledDecision held) {
    return AuditEvent.builder().from(event)
        .details(ImmutableSortedMap.<String, String>naturalOrder().putAll(event.details())
            .put(SPOOLED_DETAIL, spool.name() + "#" + held.id()).build())
        .build();
  }
}
