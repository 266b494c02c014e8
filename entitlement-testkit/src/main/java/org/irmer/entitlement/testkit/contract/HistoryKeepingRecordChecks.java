package org.irmer.entitlement.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.collect.ImmutableList;
import org.junit.jupiter.api.Test;

/**
 * {@link VersionedRecordChecks} for a store that also reads back a record's history: every version
 * kept, oldest first, and a refused write adds none.
 */
abstract class HistoryKeepingRecordChecks<T> extends VersionedRecordChecks<T> {

  /** Every version of the record with this record's id, oldest first. */
  abstract ImmutableList<T> history(T record);

  @Override
  void assertLatest(T latest) {
    super.assertLatest(latest);
    ImmutableList<T> history = history(latest);
    assertThat(history).as("history ending at version %s", version(latest))
        .hasSize((int) version(latest))
        .last().isEqualTo(latest);
  }

  @Test
  void keepsEveryVersionOldestFirst() {
    T first = save(record("a"), 0);
    T second = save(variant(first, 1), 1);
    T third = save(variant(second, 2), 2);

    assertThat(history(first)).containsExactly(first, second, third);
  }

  @Test
  void hasNoHistoryForAnUnknownId() {
    save(record("a"), 0);

    assertThat(history(record("unknown"))).isEmpty();
  }

  @Test
  void keepsTheHistoriesOfRecordsApart() {
    T a = save(record("a"), 0);
    T b = save(record("b"), 0);
    T a2 = save(variant(a, 1), 1);

    assertThat(history(a)).containsExactly(a, a2);
    assertThat(history(b)).containsExactly(b);
  }
}
