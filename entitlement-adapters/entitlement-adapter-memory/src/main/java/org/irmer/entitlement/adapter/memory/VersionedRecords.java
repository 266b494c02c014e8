package org.irmer.entitlement.adapter.memory;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.BiFunction;
import java.util.function.Predicate;
import java.util.function.ToLongFunction;
import org.irmer.entitlement.core.port.out.ConcurrentChangeException;
import org.irmer.entitlement.core.port.out.DuplicateRecordException;

/**
 * Every version of every record of one kind, keyed and sorted by id. A save must name the latest
 * version ({@code 0} for a new record, refused as a duplicate when the id is taken) and stores the
 * next one; nothing is ever overwritten. Synchronised on itself; reads wait for another thread's
 * open transaction ({@link UndoJournal#read}).
 */
final class VersionedRecords<K extends Comparable<K>, V> {

  private final String kind;
  private final ToLongFunction<V> version;
  private final BiFunction<V, Long, V> withVersion;
  private final UndoJournal journal;
  private final TreeMap<K, List<V>> histories = new TreeMap<>();

  VersionedRecords(String kind, ToLongFunction<V> version, BiFunction<V, Long, V> withVersion,
      UndoJournal journal) {
    this.kind = kind;
    this.version = version;
    this.withVersion = withVersion;
    this.journal = journal;
  }

  V save(K id, V value, long expectedVersion) {
    checkArgument(expectedVersion >= 0, "the expected version of %s %s is negative: %s", kind, id,
        expectedVersion);
    return journal.write(() -> append(id, value, expectedVersion));
  }

  private synchronized V append(K id, V value, long expectedVersion) {
    List<V> history = histories.get(id);
    long latest = history == null ? 0 : version.applyAsLong(history.get(history.size() - 1));
    if (expectedVersion == 0 && latest != 0) {
      throw new DuplicateRecordException(kind + " " + id);
    }
    if (latest != expectedVersion) {
      throw new ConcurrentChangeException(kind + " " + id, expectedVersion, latest);
    }
    V saved = withVersion.apply(value, latest + 1);
    List<V> target = histories.computeIfAbsent(id, key -> new ArrayList<>());
    target.add(saved);
    journal.onUndo(() -> undo(id));
    return saved;
  }

  private synchronized void undo(K id) {
    List<V> history = histories.get(id);
    history.remove(history.size() - 1);
    if (history.isEmpty()) {
      histories.remove(id);
    }
  }

  Optional<V> latest(K id) {
    return journal.read(() -> latestOf(id));
  }

  private synchronized Optional<V> latestOf(K id) {
    List<V> history = histories.get(id);
    return history == null ? Optional.empty() : Optional.of(history.get(history.size() - 1));
  }

  ImmutableList<V> history(K id) {
    return journal.read(() -> historyOf(id));
  }

  private synchronized ImmutableList<V> historyOf(K id) {
    List<V> history = histories.get(id);
    return history == null ? ImmutableList.of() : ImmutableList.copyOf(history);
  }

  /** The latest version of each record that satisfies {@code filter}, sorted by id. */
  ImmutableList<V> latestWhere(Predicate<V> filter) {
    return journal.read(() -> latestOfEach(filter));
  }

  private synchronized ImmutableList<V> latestOfEach(Predicate<V> filter) {
    ImmutableList.Builder<V> result = ImmutableList.builder();
    for (List<V> history : histories.values()) {
      V latest = history.get(history.size() - 1);
      if (filter.test(latest)) {
        result.add(latest);
      }
    }
    return result.build();
  }

  /**
   * For each record, the last version accepted by {@code asOf} (versions are scanned newest first),
   * when it also satisfies {@code filter}; sorted by id.
   */
  ImmutableList<V> lastWhere(Predicate<V> asOf, Predicate<V> filter) {
    return journal.read(() -> lastOfEach(asOf, filter));
  }

  private synchronized ImmutableList<V> lastOfEach(Predicate<V> asOf, Predicate<V> filter) {
    ImmutableList.Builder<V> result = ImmutableList.builder();
    for (List<V> history : histories.values()) {
      for (int i = history.size() - 1; i >= 0; i--) {
        V candidate = history.get(i);
        if (asOf.test(candidate)) {
          if (filter.test(candidate)) {
            result.add(candidate);
          }
          break;
        }
      }
    }
    return result.build();
  }
}
