package org.irmer.entitlement.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.google.common.collect.ImmutableList;
import java.util.Optional;
import org.irmer.entitlement.core.port.out.ConcurrentChangeException;
import org.irmer.entitlement.core.port.out.DuplicateRecordException;
import org.junit.jupiter.api.Test;

/**
 * The checks every kind of record written with optimistic concurrency must pass: the first save is
 * version 1 (the caller names 0), each later save names the version read and stores the next
 * whatever version the value carries, a write naming any other version raises {@link
 * ConcurrentChangeException} and changes nothing, a negative version is refused as a caller's
 * mistake, and of several writers racing from the same version exactly one wins. Each suite runs these checks
 * once per kind of record its store keeps, as a {@code @Nested} class that says how to make, save
 * and find that kind.
 *
 * <p>Every record that {@link #record} makes for one test belongs to the same {@link #listing}.
 */
abstract class VersionedRecordChecks<T> {

  private static final int RACERS = 8;
  private static final int RACE_ROUNDS = 10;

  /** A valid record with this id that was never saved. */
  abstract T record(String id);

  /** A copy of {@code record} with the same id and other content, different for each {@code n}. */
  abstract T variant(T record, int n);

  /** A copy of {@code record} carrying {@code version}. */
  abstract T withVersion(T record, long version);

  abstract long version(T record);

  abstract T save(T record, long expectedVersion);

  /** The latest version of the record with this record's id, as the store finds it. */
  abstract Optional<T> find(T record);

  /** The store's listing of the latest versions, sorted by id, that {@link #record} falls in. */
  abstract ImmutableList<T> listing(T record);

  /** Asserts that {@code latest} is the newest version the store holds of its record. */
  void assertLatest(T latest) {
    assertThat(find(latest)).contains(latest);
  }

  private void assertUnchanged(T latest, ImmutableList<T> listingBefore) {
    assertLatest(latest);
    assertThat(listing(latest)).isEqualTo(listingBefore);
  }

  @Test
  void savesTheFirstVersionAsVersionOneAndFindsItUnchanged() {
    T record = record("a");

    T saved = save(record, 0);

    assertThat(saved).isEqualTo(withVersion(record, 1));
    assertThat(find(record)).contains(saved);
  }

  @Test
  void savesWithTheNextVersionWhateverVersionTheValueCarries() {
    T carriesSeven = withVersion(record("a"), 7);

    T first = save(carriesSeven, 0);
    T second = save(withVersion(variant(first, 1), 0), 1);

    assertThat(first).isEqualTo(withVersion(record("a"), 1));
    assertThat(second).isEqualTo(withVersion(variant(first, 1), 2));
    assertLatest(second);
  }

  @Test
  void refusesANegativeExpectedVersionAsACallersMistakeAndWritesNothing() {
    T record = record("a");

    assertThatThrownBy(() -> save(record, -1)).isInstanceOf(IllegalArgumentException.class);

    assertThat(find(record)).isEmpty();
    assertThat(listing(record)).isEmpty();
  }

  @Test
  void savesEachLaterVersionWithTheNextNumberAndFindsTheLatest() {
    T first = save(record("a"), 0);

    T second = save(variant(first, 1), 1);
    T third = save(variant(second, 2), 2);

    assertThat(second).isEqualTo(withVersion(variant(first, 1), 2));
    assertThat(third).isEqualTo(withVersion(variant(second, 2), 3));
    assertThat(find(first)).contains(third);
  }

  @Test
  void findsNothingForAnUnknownId() {
    save(record("a"), 0);

    assertThat(find(record("unknown"))).isEmpty();
  }

  @Test
  void listsNothingWhenNothingIsStored() {
    assertThat(listing(record("a"))).isEmpty();
  }

  @Test
  void listsTheLatestVersionOfEachRecordOnceSortedById() {
    T c = save(record("c"), 0);
    T a = save(record("a"), 0);
    T b = save(record("b"), 0);
    a = save(variant(a, 1), 1);
    a = save(variant(a, 2), 2);

    assertThat(listing(a)).containsExactly(a, b, c);
  }

  @Test
  void listsIdsInTheOrderOfTheirCharactersWhateverTheLocale() {
    T lowerWithDigit = save(record("a1"), 0);
    T upper = save(record("B"), 0);
    T lowerWithHyphen = save(record("a-2"), 0);
    T lower = save(record("a"), 0);

    assertThat(listing(lower)).as("sorted as String.compareTo sorts, not by a locale's collation")
        .containsExactly(upper, lower, lowerWithHyphen, lowerWithDigit);
  }

  @Test
  void numbersTheVersionsOfEachRecordSeparately() {
    T a = save(record("a"), 0);
    a = save(variant(a, 1), 1);

    T b = save(record("b"), 0);

    assertThat(version(b)).isEqualTo(1);
    assertThat(find(a).map(this::version)).contains(2L);
  }

  @Test
  void refusesAStaleExpectedVersionAndWritesNothing() {
    T first = save(record("a"), 0);
    T second = save(variant(first, 1), 1);
    ImmutableList<T> before = listing(second);

    ConcurrentChangeException refused = catchThrowableOfType(ConcurrentChangeException.class,
        () -> save(variant(first, 2), 1));

    assertThat(refused).as("refusal of a stale write").isNotNull();
    assertThat(refused.expectedVersion()).isEqualTo(1);
    assertThat(refused.actualVersion()).isEqualTo(2);
    assertUnchanged(second, before);
  }

  @Test
  void refusesAnExpectedVersionAheadOfTheLatest() {
    T first = save(record("a"), 0);
    ImmutableList<T> before = listing(first);

    ConcurrentChangeException refused = catchThrowableOfType(ConcurrentChangeException.class,
        () -> save(variant(first, 1), 2));

    assertThat(refused).as("refusal of a write ahead of the latest").isNotNull();
    assertThat(refused.expectedVersion()).isEqualTo(2);
    assertThat(refused.actualVersion()).isEqualTo(1);
    assertUnchanged(first, before);
  }

  @Test
  void refusesToCreateARecordThatAlreadyExists() {
    T first = save(record("a"), 0);
    ImmutableList<T> before = listing(first);

    DuplicateRecordException refused = catchThrowableOfType(DuplicateRecordException.class,
        () -> save(variant(record("a"), 1), 0));

    assertThat(refused).as("refusal of a second first version: a duplicate, not a conflict")
        .isNotNull();
    assertThat(refused.record()).endsWith(" a");
    assertUnchanged(first, before);
  }

  @Test
  void refusesToUpdateARecordThatWasNeverSaved() {
    T record = record("a");

    ConcurrentChangeException refused = catchThrowableOfType(ConcurrentChangeException.class,
        () -> save(record, 1));

    assertThat(refused).as("refusal of an update to nothing").isNotNull();
    assertThat(refused.expectedVersion()).isEqualTo(1);
    assertThat(refused.actualVersion()).isEqualTo(0);
    assertThat(find(record)).isEmpty();
    assertThat(listing(record)).isEmpty();
  }

  @Test
  void letsExactlyOneOfWritersRacingFromTheSameVersionWin() {
    T latest = save(record("a"), 0);
    for (int round = 1; round <= RACE_ROUNDS; round++) {
      T read = latest;
      long expected = version(read);

      T winner = Concurrently.onlyWinner(
          Concurrently.run(RACERS, racer -> save(variant(read, racer), expected)));

      assertThat(version(winner)).isEqualTo(expected + 1);
      assertLatest(winner);
      latest = winner;
    }
  }
}
