package org.irmer.entitlement.adapter.hl7v2;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * HL7 v2 times (TS component 1 up to 2.4, DTM from 2.5): {@code YYYY[MM[DD[HH[MM[SS[.S[S[S[S]]]]]]]]][+/-ZZZZ]}
 * (HL7 v2.5 chapter 2A, DTM).
 *
 * <p>An instant needs at least minutes; an offset, when given, is honoured; without one the time is
 * read in the zone the caller names (the imaging employer's, DOMAIN.md section 5, rule 1). A local
 * time the zone skips (the spring gap) moves forward by the gap's length and one it repeats (the
 * autumn overlap) takes the earlier offset, as {@link java.time.ZonedDateTime#of} does.
 */
final class Hl7Time {

  private static final Pattern DTM = Pattern.compile(
      "(\\d{4})(?:(\\d{2})(?:(\\d{2})(?:(\\d{2})(?:(\\d{2})(?:(\\d{2})(?:\\.(\\d{1,4}))?)?)?)?)?)?"
          + "([+-]\\d{4})?");

  private Hl7Time() {}

  /** The instant {@code value} names; empty when it is not a time to the minute. */
  static Optional<Instant> instant(String value, ZoneId zone) {
    Matcher m = DTM.matcher(value);
    if (!m.matches() || m.group(5) == null) {
      return Optional.empty();
    }
    try {
      int nanos = 0;
      if (m.group(7) != null) {
        nanos = Integer.parseInt((m.group(7) + "000000000").substring(0, 9));
      }
      LocalDateTime local = LocalDateTime.of(Integer.parseInt(m.group(1)),
          Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)), Integer.parseInt(m.group(4)),
          Integer.parseInt(m.group(5)), m.group(6) == null ? 0 : Integer.parseInt(m.group(6)), nanos);
      if (m.group(8) != null) {
        return Optional.of(local.atOffset(offset(m.group(8))).toInstant());
      }
      return Optional.of(local.atZone(zone).toInstant());
    } catch (DateTimeException | NumberFormatException e) {
      return Optional.empty();
    }
  }

  /** The date {@code value} names (its first eight digits); empty when it is not at least a date. */
  static Optional<LocalDate> date(String value) {
    Matcher m = DTM.matcher(value);
    if (!m.matches() || m.group(3) == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
          Integer.parseInt(m.group(3))));
    } catch (DateTimeException e) {
      return Optional.empty();
    }
  }

  private static ZoneOffset offset(String text) {
    int sign = text.charAt(0) == '-' ? -1 : 1;
    int hours = Integer.parseInt(text.substring(1, 3));
    int minutes = Integer.parseInt(text.substring(3, 5));
    if (minutes > 59) {
      throw new DateTimeException("offset minutes out of range: " + text);
    }
    return ZoneOffset.ofHoursMinutes(sign * hours, sign * minutes);
  }
}
