package org.irmer.entitlement.adapter.jdbc;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Instants as the register's database keeps them: whole microseconds since the epoch in a {@code
 * BIGINT}, exact and alike on PostgreSQL and H2. Finer digits are dropped toward the past, as the
 * store contracts state, so a version recorded at an instant is in force at that instant.
 */
final class Micros {

  private Micros() {}

  /**
   * The microseconds since the epoch of {@code instant}, rounded down.
   *
   * @throws IllegalArgumentException when the instant is beyond about 292,000 years of the epoch,
   *     which the register does not keep
   */
  static long of(Instant instant) {
    try {
      return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000L),
          instant.getNano() / 1_000);
    } catch (ArithmeticException beyond) {
      throw new IllegalArgumentException("the register keeps instants within about 292,000 years"
          + " of 1970, not " + instant, beyond);
    }
  }

  /** Like {@link #of}, but an instant beyond the range is the range's end on its side. */
  static long atOrBefore(Instant instant) {
    try {
      return of(instant);
    } catch (IllegalArgumentException beyond) {
      return instant.isBefore(Instant.EPOCH) ? Long.MIN_VALUE : Long.MAX_VALUE;
    }
  }

  /** {@code instant} with the digits below the microsecond dropped, as the store keeps it. */
  static Instant truncate(Instant instant) {
    return instant.truncatedTo(ChronoUnit.MICROS);
  }
}
