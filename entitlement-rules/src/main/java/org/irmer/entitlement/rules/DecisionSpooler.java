package org.irmer.entitlement.rules;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSortedMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
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
 * appending them again. Replays of one spool are serialised, by every spooler over it.
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
   * Holds {@code decision} until it can be recorded as {@code action}.
   *
   * @throws org.irmer.entitlement.core.port.out.StoreUnavailableException when the spool cannot
   *     hold it
   */
  void hold(String action, ReferralDecision decision) {
    spool.hold(action, decision);
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
        spool.replaying(auditTrail.size());
        transactions.inTransaction(() -> {
          for (SpooledDecision held : batch) {
            AuditTrailEntry entry = auditTrail.append(eventOf(held));
            effects.getOrDefault(held.action(), (decision, recorded) -> {})
                .accept(held.decision(), entry);
          }
          return batch.size();
        });
        spool.release(batch.get(batch.size() - 1).id());
        appended += batch.size();
      }
    }
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

  private AuditEvent eventOf(SpooledDecision held) {
    AuditEvent event = DecisionRecorder.auditEvent(held.action(), held.decision());
    return AuditEvent.builder().from(event)
        .details(ImmutableSortedMap.<String, String>naturalOrder().putAll(event.details())
            .put(SPOOLED_DETAIL, spool.name() + "#" + held.id()).build())
        .build();
  }
}
