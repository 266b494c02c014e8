package org.irmer.entitlement.rules.compiled;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import java.util.LinkedHashSet;
import java.util.Set;
import org.irmer.entitlement.core.domain.EntitlementType;
import org.irmer.entitlement.core.domain.PersonId;
import org.irmer.entitlement.core.domain.ReferralDecision;
import org.irmer.entitlement.core.domain.ReferralRequest;
import org.irmer.entitlement.core.port.out.ChangeFeed;
import org.irmer.entitlement.core.port.out.ChangeKind;
import org.irmer.entitlement.core.port.out.DecisionData;
import org.irmer.entitlement.core.port.out.RegisterChange;
import org.irmer.entitlement.core.port.out.Transactions;
import org.irmer.entitlement.rules.ReferralEvaluator;

/**
 * The compiled engine kept up to date by the register's {@link ChangeFeed} (ARCHITECTURE.md,
 * wiring): nobody has to remember to refresh it.
 *
 * <p>It applies the feed in order and knows the last sequence it has applied. A batch of {@link
 * ChangeKind#PERSON} changes refreshes those referrers' slices only (copy-on-write); any change to
 * employers, procedures, agreements, group entitlements, the catalogue or the guidelines recompiles
 * the snapshot. It catches up when the feed wakes it, which for commits made in this process
 * happens before the command returns, so a check made after a command has returned is answered on
 * the changed register (read your own writes); and whenever {@link #catchUp} is called.
 *
 * <p>The first compilation and each catch-up read the source inside one {@link
 * Transactions#reading} of {@code transactions}, so each sees one consistent view of committed data
 * only, never a unit of work still open, and a database adapter may serve it apart from the
 * writers, so that compiling the whole register never holds up their commits. When the source cannot be read, the
 * engine keeps answering from the snapshot it has, stays at the sequence it had applied, and
 * applies the rest at the next wake-up or call. Thread-safe; checks take no lock.
 */
public final class LiveEngine implements ReferralEvaluator, AutoCloseable {

  private static final int BATCH = 1_000;

  private final CompiledEngine engine;
  private final ChangeFeed feed;
  private final Transactions transactions;
  private final ChangeFeed.Subscription subscription;
  private volatile long applied;

  private LiveEngine(CompiledEngine engine, ChangeFeed feed, Transactions transactions, long applied) {
    this.engine = engine;
    this.feed = feed;
    this.transactions = transactions;
    this.applied = applied;
    this.subscription = feed.subscribe(this::wake);
  }

  /**
   * Compiles {@code source} and follows {@code feed} from the changes committed while it compiled.
   *
   * @throws org.irmer.entitlement.core.port.out.StoreUnavailableException when the source or the
   *     feed cannot be read
   */
  public static LiveEngine follow(DecisionData source, ChangeFeed feed, Transactions transactions) {
    checkNotNull(source, "source");
    checkNotNull(feed, "feed");
    checkNotNull(transactions, "transactions");
    // Read the sequence before compiling: whatever commits meanwhile is applied again, harmlessly.
    long start = feed.lastSequence();
    CompiledEngine engine = transactions.reading(() -> CompiledEngine.compile(source));
    LiveEngine live = new LiveEngine(engine, feed, transactions, start);
    live.catchUp();
    return live;
  }

  /** The referral decision on the snapshot as of {@link #appliedSequence()}. */
  public Verdict check(ReferralRequest request) {
    return engine.check(request);
  }

  @Override
  public ReferralDecision evaluate(ReferralRequest request, EntitlementType type) {
    return engine.evaluate(request, type);
  }

  /** The sequence of the last change of the feed this engine's snapshot reflects. */
  public long appliedSequence() {
    return applied;
  }

  /**
   * Applies every change committed since {@link #appliedSequence()} and returns the new applied
   * sequence.
   *
   * @throws org.irmer.entitlement.core.port.out.StoreUnavailableException when the feed or the
   *     source cannot be read; what was applied before stays applied
   */
  public synchronized long catchUp() {
    while (true) {
      ImmutableList<RegisterChange> batch = feed.changesSince(applied, BATCH);
      if (batch.isEmpty()) {
        return applied;
      }
      long last = batch.get(batch.size() - 1).sequence();
      if (batch.stream().anyMatch(change -> change.kind().needsRecompile())) {
        // A recompilation reads everything committed up to now, so it covers the whole feed so far.
        long upTo = Math.max(last, feed.lastSequence());
        transactions.reading(() -> {
          engine.recompile();
          return upTo;
        });
        applied = upTo;
      } else {
        Set<PersonId> people = new LinkedHashSet<>();
        for (RegisterChange change : batch) {
          if (change.kind() == ChangeKind.PERSON) {
            people.add(PersonId.of(change.subject()));
          }
        }
        transactions.reading(() -> {
          people.forEach(engine::refresh);
          return people.size();
        });
        applied = last;
      }
    }
  }

  /** The feed's wake-up: catches up, and leaves what it could not read to the next one. */
  private void wake() {
    try {
      catchUp();
    } catch (RuntimeException unreadable) {
      // The snapshot stays as it was, at the sequence applied; the next wake-up or catchUp retries.
    }
  }

  /** The number of people in the current snapshot. */
  public int people() {
    return engine.people();
  }

  /** Stops following the feed; checks go on being answered from the last snapshot. */
  @Override
  public void close() {
    subscription.close();
  }
}
