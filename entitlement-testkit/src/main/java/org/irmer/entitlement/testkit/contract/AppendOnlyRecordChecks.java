package org.irmer.entitlement.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.irmer.entitlement.core.port.out.DuplicateRecordException;
import org.junit.jupiter.api.Test;

/**
 * The checks every append-only store must pass: a record is kept exactly as added, a second record
 * with an id already stored, about the same person or anyone else, raises {@link
 * DuplicateRecordException} and leaves the first as it was, records added from several threads at once are all kept, and of several threads adding the
 * same id exactly one succeeds. Each suite runs these checks as a {@code @Nested} class that says
 * how to make, add and list its kind of record.
 *
 * <p>Every record that {@link #record} makes for one test belongs to the same {@link #listing}.
 */
abstract class AppendOnlyRecordChecks<T> {

  private static final int THREADS = 8;
  private static final int RECORDS_PER_THREAD = 25;
  private static final int RACE_ROUNDS = 10;

  /** A valid record with this id that was never added. */
  abstract T record(String id);

  /** A record with the same id as {@code record} and other content, different for each {@code n}. */
  abstract T variant(T record, int n);

  /**
   * A record with the same id as {@code record} about someone else, so that it falls in another
   * {@link #listing}.
   */
  abstract T aboutSomeoneElse(T record);

  abstract T add(T record);

  /** The store's listing that every record made by {@link #record} falls in. */
  abstract ImmutableList<T> listing(T record);

  @Test
  void keepsARecordExactlyAsAdded() {
    T record = record("a");

    T added = add(record);

    assertThat(added).isEqualTo(record);
    assertThat(listing(record)).containsExactly(record);
  }

  @Test
  void listsNothingWhenNothingIsStored() {
    assertThat(listing(record("a"))).isEmpty();
  }

  @Test
  void refusesASecondRecordWithTheSameIdAndKeepsTheFirst() {
    T first = add(record("a"));

    assertThatThrownBy(() -> add(variant(first, 1))).isInstanceOf(DuplicateRecordException.class);

    assertThat(listing(first)).containsExactly(first);
  }

  @Test
  void refusesARecordWithAnIdAlreadyStoredAboutSomeoneElse() {
    T first = add(record("a"));
    T other = aboutSomeoneElse(first);

    assertThatThrownBy(() -> add(other)).isInstanceOf(DuplicateRecordException.class);

    assertThat(listing(first)).containsExactly(first);
    assertThat(listing(other)).isEmpty();
  }

  @Test
  void refusesTheSameRecordAddedTwice() {
    T first = add(record("a"));

    assertThatThrownBy(() -> add(first)).isInstanceOf(DuplicateRecordException.class);

    assertThat(listing(first)).containsExactly(first);
  }

  @Test
  void keepsEveryRecordAddedFromSeveralThreadsAtOnce() {
    List<T> expected = new ArrayList<>();
    for (int thread = 0; thread < THREADS; thread++) {
      for (int n = 0; n < RECORDS_PER_THREAD; n++) {
        expected.add(record(String.format(Locale.ROOT, "t%d-%03d", thread, n)));
      }
    }

    Concurrently.run(THREADS, thread -> {
      for (int n = 0; n < RECORDS_PER_THREAD; n++) {
        add(expected.get(thread * RECORDS_PER_THREAD + n));
      }
      return null;
    }).forEach(outcome -> assertThat(outcome.failure()).isNull());

    assertThat(listing(expected.get(0))).containsExactlyInAnyOrderElementsOf(expected);
  }

  @Test
  void letsExactlyOneOfThreadsAddingTheSameIdSucceed() {
    List<T> winners = new ArrayList<>();
    for (int round = 0; round < RACE_ROUNDS; round++) {
      T record = record("race-" + round);

      winners.add(Concurrently.onlyWinner(
          Concurrently.run(THREADS, racer -> add(variant(record, racer))),
          DuplicateRecordException.class));
    }

    assertThat(listing(winners.get(0))).containsExactlyInAnyOrderElementsOf(winners);
  }
}
