package org.irmer.entitlement.adapter.memory;

import com.google.common.collect.ImmutableList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import org.irmer.entitlement.core.port.out.DuplicateRecordException;

/**
 * Records that are added once and never changed, keyed by id. Synchronised on itself; reads wait
 * for another thread's open transaction ({@link UndoJournal#read}).
 */
final class AppendOnlyRecords<K, V> {

  private final String kind;
  private final Function<V, K> id;
  private final Comparator<V> order;
  private final UndoJournal journal;
  private final Map<K, V> records = new LinkedHashMap<>();

  AppendOnlyRecords(String kind, Function<V, K> id, Comparator<V> order, UndoJournal journal) {
    this.kind = kind;
    this.id = id;
    this.order = order;
    this.journal = journal;
  }

  V add(V record) {
    return journal.write(() -> put(record));
  }

  private synchronized V put(V record) {
    K key = id.apply(record);
    if (records.containsKey(key)) {
      throw new DuplicateRecordException(kind + " " + key);
    }
    records.put(key, record);
    journal.onUndo(() -> remove(key));
    return record;
  }

  private synchronized void remove(K key) {
    records.remove(key);
  }

  ImmutableList<V> where(Predicate<V> filter) {
    return journal.read(() -> select(filter));
  }

  private synchronized ImmutableList<V> select(Predicate<V> filter) {
    return records.values().stream().filter(filter).sorted(order)
        .collect(ImmutableList.toImmutableList());
  }
}
