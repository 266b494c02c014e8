package org.irmer.entitlement.rules.audit;

import com.google.common.collect.ImmutableList;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;
import org.irmer.entitlement.core.domain.Entitlement;
import org.irmer.entitlement.core.domain.EntitlementId;
import org.irmer.entitlement.core.port.out.EntitlementStore;

/**
 * Every version of every entitlement the store holds, read once, and the instants at which any of
 * them changed: between two such instants the entitlements in force are the same, so one compiled
 * snapshot answers every request made in that interval (principle 10: the entitlement as it stood
 * at the time).
 *
 * <p>The version in force at an instant is the latest whose {@link Entitlement#recordedAt()} is
 * at or before it, exactly as {@link EntitlementStore#forPersonAsOf} answers. Holds the register's
 * history, never a log's rows.
 */
final class EntitlementHistory {

  /** Each entitlement's versions, oldest first; entitlements sorted by id. */
  private final ImmutableList<ImmutableList<Entitlement>> versions;
  /** The distinct instants some version was recorded at, ascending. */
  private final Instant[] changes;

  private EntitlementHistory(ImmutableList<ImmutableList<Entitlement>> versions, Instant[] changes) {
    this.versions = versions;
    this.changes = changes;
  }

  /**
   * Reads the history of every entitlement {@code store} holds: one bulk read and one read of each
   * entitlement's versions.
   *
   * @throws org.irmer.entitlement.core.port.out.StoreUnavailableException when it cannot be read
   */
  static EntitlementHistory read(EntitlementStore store) {
    List<ImmutableList<Entitlement>> all = new ArrayList<>();
    TreeSet<Instant> changes = new TreeSet<>();
    ImmutableList<Entitlement> latest = ImmutableList.sortedCopyOf(
        Comparator.comparing(Entitlement::id), store.all());
    for (Entitlement entitlement : latest) {
      EntitlementId id = entitlement.id();
      ImmutableList<Entitlement> history = ImmutableList.sortedCopyOf(
          Comparator.comparingLong(Entitlement::version), store.history(id));
      all.add(history);
      history.forEach(version -> changes.add(version.recordedAt()));
    }
    return new EntitlementHistory(ImmutableList.copyOf(all), changes.toArray(Instant[]::new));
  }

  /**
   * The interval {@code instant} falls in: 0 before the first change, otherwise how many change
   * instants are at or before it. Every instant of one interval sees the same entitlements.
   */
  int interval(Instant instant) {
    int found = Arrays.binarySearch(changes, instant);
    return found >= 0 ? found + 1 : -found - 1;
  }

  /** Whether {@code instant} falls in {@code interval}: a quick test before a binary search. */
  boolean contains(int interval, Instant instant) {
    return (interval == 0 || !instant.isBefore(changes[interval - 1]))
        && (interval == changes.length || instant.isBefore(changes[interval]));
  }

  /** The number of intervals: one more than the number of change instants. */
  int intervals() {
    return changes.length + 1;
  }

  /** The versions in force throughout {@code interval}, sorted by id: none before the first change. */
  ImmutableList<Entitlement> inForce(int interval) {
    if (interval == 0) {
      return ImmutableList.of();
    }
    return asOf(changes[interval - 1]);
  }

  /** The version of each entitlement in force at {@code instant}, sorted by id. */
  ImmutableList<Entitlement> asOf(Instant instant) {
    ImmutableList.Builder<Entitlement> inForce = ImmutableList.builder();
    for (ImmutableList<Entitlement> history : versions) {
      Entitlement current = null;
      for (Entitlement version : history) {
        if (!version.recordedAt().isAfter(instant)) {
          current = version;
        }
      }
      if (current != null) {
        inForce.add(current);
      }
    }
    return inForce.build();
  }
}
