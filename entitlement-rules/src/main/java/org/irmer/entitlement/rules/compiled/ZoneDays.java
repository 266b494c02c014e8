package org.irmer.entitlement.rules.compiled;

import java.time.Instant;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Converts an instant to the local date (as an epoch day) in one zone without allocating: the
 * zone's offset transitions are tabled once, from 1900 to 2200, and looked up by binary search.
 * {@link ZoneRules#getOffset(Instant)} boxes the year for instants after the last explicit
 * transition, which the permit path must not do. An instant outside the table is
 * {@link #UNTABLED}: the compiled engine leaves it to the reference semantics, which also decide
 * whether its local date can be represented at all.
 */
final class ZoneDays {

  private static final long TABLE_START = Instant.parse("1900-01-01T00:00:00Z").getEpochSecond();
  private static final long TABLE_END = Instant.parse("2200-01-01T00:00:00Z").getEpochSecond();
  private static final int SECONDS_PER_DAY = 86_400;

  /** {@link #epochDay}: the instant lies outside the table. */
  static final int UNTABLED = Integer.MIN_VALUE;

  /** Epoch seconds at which the offset changes, ascending. */
  private final long[] transitions;
  /** {@code offsets[i]} applies before {@code transitions[i]}; the last one after the last transition. */
  private final int[] offsets;

  private ZoneDays(long[] transitions, int[] offsets) {
    this.transitions = transitions;
    this.offsets = offsets;
  }

  static ZoneDays of(ZoneId zone) {
    ZoneRules rules = zone.getRules();
    List<ZoneOffsetTransition> found = new ArrayList<>();
    ZoneOffsetTransition next = rules.nextTransition(Instant.ofEpochSecond(TABLE_START));
    while (next != null && next.toEpochSecond() < TABLE_END) {
      found.add(next);
      next = rules.nextTransition(next.getInstant());
    }
    long[] transitions = new long[found.size()];
    int[] offsets = new int[found.size() + 1];
    offsets[0] = rules.getOffset(Instant.ofEpochSecond(TABLE_START)).getTotalSeconds();
    for (int i = 0; i < found.size(); i++) {
      transitions[i] = found.get(i).toEpochSecond();
      offsets[i + 1] = found.get(i).getOffsetAfter().getTotalSeconds();
    }
    return new ZoneDays(transitions, offsets);
  }

  /**
   * The local date of {@code instant} in the zone, as days since 1970-01-01, or {@link #UNTABLED}
   * when the instant lies outside the table (before 1900 or from 2200).
   */
  int epochDay(Instant instant) {
    long second = instant.getEpochSecond();
    if (second < TABLE_START || second >= TABLE_END) {
      return UNTABLED;
    }
    int found = Arrays.binarySearch(transitions, second);
    int offset = offsets[found >= 0 ? found + 1 : -found - 1];
    return (int) Math.floorDiv(second + offset, SECONDS_PER_DAY);
  }

  /**
   * The proleptic month ({@code year * 12 + month - 1}) and day of month of an epoch day, packed as
   * {@code month * 32 + day}, computed with the civil-from-days algorithm (no allocation).
   */
  static long monthAndDay(int epochDay) {
    long z = epochDay + 719_468L;
    long era = Math.floorDiv(z, 146_097L);
    long dayOfEra = z - era * 146_097L;
    long yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365;
    long dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
    long shiftedMonth = (5 * dayOfYear + 2) / 153;
    long day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1;
    long month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9;
    long year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
    return (year * 12 + month - 1) * 32 + day;
  }

  /**
   * Completed years from a birth date to a date, with {@link java.time.Period#between} semantics
   * (so a 29 February birthday falls on 1 March in other years).
   */
  static int completedYears(java.time.LocalDate born, long packedMonthAndDay) {
    long totalMonths = packedMonthAndDay / 32 - (born.getYear() * 12L + born.getMonthValue() - 1);
    long days = packedMonthAndDay % 32 - born.getDayOfMonth();
    if (totalMonths > 0 && days < 0) {
      totalMonths--;
    } else if (totalMonths < 0 && days > 0) {
      totalMonths++;
    }
    return (int) (totalMonths / 12);
  }
}
