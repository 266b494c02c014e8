package org.irmer.entitlement.rules.compiled;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.irmer.entitlement.core.domain.EntitlementType;
import org.irmer.entitlement.core.domain.Outcome;
import org.irmer.entitlement.core.domain.PersonId;
import org.irmer.entitlement.core.domain.ReferralDecision;
import org.irmer.entitlement.core.domain.ReferralRequest;
import org.irmer.entitlement.core.domain.Warning;
import org.irmer.entitlement.core.port.out.ChangeFeed;
import org.irmer.entitlement.core.port.out.ChangeKind;
import org.irmer.entitlement.core.port.out.DecisionData;
import org.irmer.entitlement.core.port.out.RegisterChange;
import org.irmer.entitlement.core.port.out.Transactions;
import org.irmer.entitlement.rules.Explanations;
import org.irmer.entitlement.rules.ReferralEvaluator;
import org.irmer.entitlement.rules.SnapshotFreshness;

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
 *
 * <p><b>Staleness</b> (ARCHITECTURE.md, persistence and scale). The engine knows when its snapshot
 * was last confirmed current: the instant, on its {@link Clock}, at which the last successful
 * catch-up began reading the feed. The feed's listeners are called regularly (a database feed has
 * a heartbeat; the in-memory feed calls them at every commit), and anyone may call {@link
 * #catchUp}, so while the register can be reached the snapshot is confirmed again and again. When
 * the latest catch-up failed, or a check has since found the register out of reach ({@link
 * #reportUnreachable}), the snapshot is unconfirmed, and every decision the engine makes says so
 * (DOMAIN.md section 5):
 *
 * <ul>
 *   <li>up to the staleness limit after the last confirmation, the decision is made on the
 *       snapshot, whatever its outcome, and carries a {@link
 *       org.irmer.entitlement.core.domain.WarningCode#SNAPSHOT_STALE} warning that names the
 *       snapshot and its age: a refusal made on data that may be out of date is as uncertain as a
 *       permission;
 *   <li>beyond the limit no decision is made on the snapshot: the check is {@code INDETERMINATE}
 *       with one {@code DATA_UNAVAILABLE} reason saying why, and no warning, since nothing was
 *       decided that a warning could qualify. Only {@code ENTITLED} lets a request proceed, so the
 *       engine fails closed.
 * </ul>
 *
 * <p>The first successful catch-up after a failure confirms the snapshot again; nothing needs a
 * restart. An engine whose listeners are not called and whose {@code catchUp} nobody calls never
 * learns that the register is out of reach, which is why a database feed has a heartbeat.
 */
public final class LiveEngine implements ReferralEvaluator, SnapshotFreshness, AutoCloseable {

  /** How long, by default, decisions may rest on a snapshot that cannot be confirmed current. */
  public static final Duration DEFAULT_STALENESS_LIMIT = Duration.ofMinutes(15);

  private static final int BATCH = 1_000;

  private final CompiledEngine engine;
  private final ChangeFeed feed;
  private final Transactions transactions;
  private final Clock clock;
  private final Duration stalenessLimit;
  private final List<Runnable> confirmationListeners = new CopyOnWriteArrayList<>();
  private final ChangeFeed.Subscription subscription;
  private volatile long applied;
  private volatile Instant confirmedAt;
  private volatile boolean latestCatchUpFailed;

  private LiveEngine(CompiledEngine engine, ChangeFeed feed, Transactions transactions, long applied,
      Clock clock, Duration stalenessLimit, Instant confirmedAt) {
    this.engine = engine;
    this.feed = feed;
    this.transactions = transactions;
    this.applied = applied;
    this.clock = clock;
    this.stalenessLimit = stalenessLimit;
    this.confirmedAt = confirmedAt;
    this.subscription = feed.subscribe(this::wake);
  }

  /**
   * Compiles {@code source} and follows {@code feed} from the changes committed while it compiled.
   *
   * @throws org.irmer.entitlement.core.port.out.StoreUnavailableException when the source or the
   *     feed cannot be read
   */
  public static LiveEngine follow(DecisionData source, ChangeFeed feed, Transactions transactions) {
    return follow(source, feed, transactions, Clock.systemUTC(), DEFAULT_STALENESS_LIMIT);
  }

  /**
   * Compiles {@code source} and follows {@code feed}, reading the time on {@code clock}; decisions
   * rest on a snapshot that cannot be confirmed current for at most {@code stalenessLimit}.
   *
   * @throws IllegalArgumentException when {@code stalenessLimit} is not positive
   * @throws org.irmer.entitlement.core.port.out.StoreUnavailableException when the source or the
   *     feed cannot be read
   */
  public static LiveEngine follow(DecisionData source, ChangeFeed feed, Transactions transactions,
      Clock clock, Duration stalenessLimit) {
    checkNotNull(source, "source");
    checkNotNull(feed, "feed");
    checkNotNull(transactions, "transactions");
    checkNotNull(clock, "clock");
    checkArgument(stalenessLimit.compareTo(Duration.ZERO) > 0,
        "the staleness limit must be positive: %s", stalenessLimit);
    Instant compiling = clock.instant();
    // Read the sequence before compiling: whatever commits meanwhile is applied again, harmlessly.
    long start = feed.lastSequence();
    CompiledEngine engine = transactions.reading(() -> CompiledEngine.compile(source));
    LiveEngine live = new LiveEngine(engine, feed, transactions, start, clock, stalenessLimit,
        compiling);
    live.catchUp();
    return live;
  }

  /**
   * The referral decision on the snapshot as of {@link #appliedSequence()}; while the snapshot is
   * unconfirmed, the verdict carries its decision, warned or indeterminate as the class says.
   */
  public Verdict check(ReferralRequest request) {
    if (!latestCatchUpFailed) {
      return engine.check(request);
    }
    return Verdict.of(evaluate(request, EntitlementType.REFERRER));
  }

  @Override
  public ReferralDecision evaluate(ReferralRequest request, EntitlementType type) {
    if (!latestCatchUpFailed) {
      return engine.evaluate(request, type);
    }
    Instant confirmed = confirmedAt;
    Duration age = ageOf(confirmed);
    if (age.compareTo(stalenessLimit) > 0) {
      return ReferralDecision.builder()
          .outcome(Outcome.INDETERMINATE)
          .addReason(Explanations.snapshotTooStale(age, confirmed, stalenessLimit))
          .request(request)
          .evaluatedAt(request.requestedAt())
          .build();
    }
    ReferralDecision decision = engine.evaluate(request, type);
    List<Warning> warnings = new ArrayList<>(decision.warnings());
    warnings.add(Explanations.snapshotStale(age, confirmed));
    Collections.sort(warnings);
    return ReferralDecision.builder().from(decision).warnings(warnings).build();
  }

  /**
   * Whether decisions are made on the snapshot: it was confirmed current by the latest catch-up,
   * or the last confirmation is within the staleness limit.
   */
  @Override
  public boolean decidesOnSnapshot() {
    return !latestCatchUpFailed || ageOf(confirmedAt).compareTo(stalenessLimit) <= 0;
  }

  /**
   * Whether the latest catch-up failed, or someone found the register out of reach since, so that
   * the snapshot is not confirmed current.
   */
  @Override
  public boolean isUnconfirmed() {
    return latestCatchUpFailed;
  }

  /**
   * Counts the snapshot as unconfirmed, as a failed catch-up does, until the next catch-up that
   * reaches the register: the recorded checks say so when they cannot write to it.
   */
  @Override
  public void reportUnreachable() {
    latestCatchUpFailed = true;
  }

  /** When the snapshot was last confirmed current: the start of the last successful catch-up. */
  public Instant confirmedAt() {
    return confirmedAt;
  }

  /**
   * Runs {@code listener} after each successful catch-up, in the thread that made it, once the
   * snapshot is confirmed; a listener that throws keeps neither the others from running nor the
   * catch-up from returning.
   */
  public void onConfirmed(Runnable listener) {
    confirmationListeners.add(checkNotNull(listener, "listener"));
  }

  private Duration ageOf(Instant confirmed) {
    Duration age = Duration.between(confirmed, clock.instant());
    return age.isNegative() ? Duration.ZERO : age;
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
  public long catchUp() {
    long caughtUp = confirm();
    for (Runnable listener : confirmationListeners) {
      try {
        listener.run();
      } catch (RuntimeException failed) {
        // The catch-up stands; the listener's own work is retried after the next one.
      }
    }
    return caughtUp;
  }

  private synchronized long confirm() {
    Instant attempt = clock.instant();
    try {
      long caughtUp = applyFeed();
      confirmedAt = attempt;
      latestCatchUpFailed = false;
      return caughtUp;
    } catch (RuntimeException unreadable) {
      latestCatchUpFailed = true;
      throw unreadable;
    }
  }

  private long applyFeed() {
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
