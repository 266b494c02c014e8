package org.irmer.entitlement.adapter.json.log;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.irmer.entitlement.adapter.json.log.ReferralLogs.Entry;
import org.irmer.entitlement.adapter.json.log.ReferralLogs.Row;
import org.irmer.entitlement.adapter.json.log.ReferralLogs.RowError;
import org.irmer.entitlement.core.domain.CareSetting;
import org.irmer.entitlement.core.domain.ClinicalInformationItem;
import org.irmer.entitlement.core.domain.EmployerId;
import org.irmer.entitlement.core.domain.ExaminationCode;
import org.irmer.entitlement.core.domain.IndicationCode;
import org.irmer.entitlement.core.domain.Patient;
import org.irmer.entitlement.core.domain.PersonId;
import org.irmer.entitlement.core.domain.PregnancyStatus;
import org.irmer.entitlement.core.domain.ReferralRequest;
import org.irmer.entitlement.core.domain.RequestOrigin;
import org.irmer.entitlement.core.domain.Sex;
import org.irmer.entitlement.core.domain.SiteId;
import org.irmer.entitlement.core.domain.Urgency;

/**
 * Turns the text values of one row, by column, into a {@link ReferralRequest}, or into the first
 * problem found in column order. One decoder serves one reader: the codes a log repeats
 * (referrers, employers, examinations, settings, indications, items, channels, clients) are
 * decoded once each ({@link Interned}). Only the form of each value is checked (an instant with its
 * offset, a date, an enumerated value, a code without surrounding spaces): whether the referrer or
 * examination exists is for the decision to say, not the reader.
 */
final class RowDecoder {

  private final Interned<PersonId> referrers = new Interned<>(PersonId::of);
  private final Interned<EmployerId> employers = new Interned<>(EmployerId::of);
  private final Interned<ExaminationCode> examinations = new Interned<>(ExaminationCode::of);
  private final Interned<CareSetting> settings = new Interned<>(RowDecoder::setting);
  private final Interned<IndicationCode> indications = new Interned<>(IndicationCode::of);
  private final Interned<ClinicalInformationItem> informationItems =
      new Interned<>(ClinicalInformationItem::of);
  private final Interned<String> codes = new Interned<>(RowDecoder::codeLike);

  /**
   * Decodes {@code values} (indexed by {@link LogColumn#ordinal()}, null or empty for absent) read
   * from {@code line}; {@code info}, when not null, holds the clinical information items already
   * split (JSON lines), otherwise the {@link LogColumn#INFO} value is split on {@code ;}.
   */
  Entry decode(long line, String[] values, List<String> info) {
    try {
      return new Row(line, request(values, info));
    } catch (FieldProblem problem) {
      return new RowError(line, problem.column.header(), problem.getMessage());
    }
  }

  private ReferralRequest request(String[] values, List<String> info) {
    for (LogColumn column : LogColumn.values()) {
      if (column.required() && value(values, column).isEmpty()) {
        throw new FieldProblem(column, "a value is required");
      }
    }
    ReferralRequest.Builder request = ReferralRequest.builder()
        .referrer(required(values, LogColumn.REFERRER, referrers::get))
        .employer(required(values, LogColumn.EMPLOYER, employers::get))
        .examination(required(values, LogColumn.EXAM, examinations::get));
    Optional<LocalDate> birthDate = optional(values, LogColumn.BIRTH_DATE, RowDecoder::date);
    Optional<Sex> sex = optional(values, LogColumn.SEX, text -> constant(Sex.class, text));
    Optional<PregnancyStatus> pregnancy = optional(values, LogColumn.PREGNANCY,
        text -> constant(PregnancyStatus.class, text));
    if (birthDate.isPresent() || sex.isPresent() || pregnancy.isPresent()) {
      Patient.Builder patient = Patient.builder().birthDate(birthDate).pregnancy(pregnancy);
      sex.ifPresent(patient::sex);
      request.patient(patient.build());
    }
    request.setting(optional(values, LogColumn.SETTING, settings::get));
    request.indication(optional(values, LogColumn.INDICATION, indications::get));
    List<String> items = info != null ? info : split(value(values, LogColumn.INFO));
    for (String item : items) {
      request.addClinicalInformation(parse(LogColumn.INFO, item, informationItems::get));
    }
    optional(values, LogColumn.URGENCY, text -> constant(Urgency.class, text))
        .ifPresent(request::urgency);
    optional(values, LogColumn.CONTRAST, RowDecoder::bool).ifPresent(request::contrast);
    request.requestedAt(required(values, LogColumn.AT, RowDecoder::instant));
    value(values, LogColumn.ORDER).ifPresent(request::orderId);
    Optional<String> channel = value(values, LogColumn.CHANNEL);
    Optional<String> reference = value(values, LogColumn.REFERENCE);
    Optional<String> client = value(values, LogColumn.CLIENT);
    if (channel.isEmpty()) {
      if (reference.isPresent() || client.isPresent()) {
        LogColumn given = reference.isPresent() ? LogColumn.REFERENCE : LogColumn.CLIENT;
        throw new FieldProblem(given, "a " + given.header() + " needs the channel it belongs to");
      }
    } else {
      reference.ifPresent(text -> parse(LogColumn.REFERENCE, text, RowDecoder::codeLike));
      client.ifPresent(text -> parse(LogColumn.CLIENT, text, codes::get));
      RequestOrigin origin = parse(LogColumn.CHANNEL, channel.get(),
          text -> new RequestOrigin(codes.get(text), reference,
              client.map(codes::get)));
      request.origin(origin);
    }
    return request.build();
  }

  private static Optional<String> value(String[] values, LogColumn column) {
    String value = values[column.ordinal()];
    return value == null || value.isEmpty() ? Optional.empty() : Optional.of(value);
  }

  private static <T> T required(String[] values, LogColumn column, Function<String, T> parse) {
    return parse(column, value(values, column).orElseThrow(), parse);
  }

  private static <T> Optional<T> optional(String[] values, LogColumn column,
      Function<String, T> parse) {
    return value(values, column).map(text -> parse(column, text, parse));
  }

  private static <T> T parse(LogColumn column, String text, Function<String, T> parse) {
    try {
      return parse.apply(text);
    } catch (IllegalArgumentException | DateTimeException bad) {
      throw new FieldProblem(column, "'" + text + "' is not valid: " + bad.getMessage());
    }
  }

  private static String codeLike(String text) {
    if (text.isBlank() || !text.strip().equals(text)) {
      throw new IllegalArgumentException("it is blank or has spaces around it");
    }
    return text;
  }

  /** The items of the CSV {@code info} column: none when empty, otherwise {@code ;}-separated. */
  private static List<String> split(Optional<String> text) {
    if (text.isEmpty()) {
      return List.of();
    }
    String[] items = text.get().split(String.valueOf(LogColumn.INFO_SEPARATOR), -1);
    for (String item : items) {
      if (item.isEmpty()) {
        throw new FieldProblem(LogColumn.INFO, "'" + text.get()
            + "' has an empty item: separate items with a single ';'");
      }
    }
    return Arrays.asList(items);
  }

  /*
   * Dates and instants are read by hand in their usual forms (a four-digit year; an instant to the
   * second or a fraction of it, with Z or +HH:MM), which is several times faster than the JDK's
   * ISO formatters and matters when an audit reads a million rows; any other form goes to the
   * formatter, which decides. Both refuse the same impossible values (30 February, hour 24).
   */

  private static LocalDate date(String text) {
    try {
      if (text.length() == 10 && text.charAt(4) == '-' && text.charAt(7) == '-') {
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 7);
        int day = digits(text, 8, 10);
        if (year >= 0 && month >= 0 && day >= 0) {
          return LocalDate.of(year, month, day);
        }
      }
      return LocalDate.parse(text);
    } catch (DateTimeException malformed) {
      throw new IllegalArgumentException("write a date as 2026-03-16");
    }
  }

  /** An instant with its offset: {@code 2026-03-16T10:30:00Z} or {@code ...T10:30:00+01:00}. */
  private static Instant instant(String text) {
    try {
      Instant usual = usualInstant(text);
      return usual != null ? usual
          : OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
    } catch (DateTimeException malformed) {
      throw new IllegalArgumentException("write an instant with its offset, as"
          + " 2026-03-16T10:30:00Z or 2026-03-16T10:30:00+01:00");
    }
  }

  /** {@code text} read as {@code yyyy-MM-ddTHH:mm:ss[.f{1,9}](Z|+HH:MM|-HH:MM)}, else null. */
  private static Instant usualInstant(String text) {
    int length = text.length();
    if (length < 20 || text.charAt(4) != '-' || text.charAt(7) != '-' || text.charAt(10) != 'T'
        || text.charAt(13) != ':' || text.charAt(16) != ':') {
      return null;
    }
    int year = digits(text, 0, 4);
    int month = digits(text, 5, 7);
    int day = digits(text, 8, 10);
    int hour = digits(text, 11, 13);
    int minute = digits(text, 14, 16);
    int second = digits(text, 17, 19);
    if ((year | month | day | hour | minute | second) < 0) {
      return null;
    }
    int at = 19;
    int nanos = 0;
    if (text.charAt(at) == '.') {
      int start = ++at;
      while (at < length && at - start < 9 && Character.isDigit(text.charAt(at))) {
        nanos = nanos * 10 + (text.charAt(at++) - '0');
      }
      if (at == start) {
        return null;
      }
      for (int scale = at - start; scale < 9; scale++) {
        nanos *= 10;
      }
    }
    ZoneOffset offset;
    if (at == length - 1 && text.charAt(at) == 'Z') {
      offset = ZoneOffset.UTC;
    } else if (at == length - 6 && (text.charAt(at) == '+' || text.charAt(at) == '-')
        && text.charAt(at + 3) == ':') {
      int hours = digits(text, at + 1, at + 3);
      int minutes = digits(text, at + 4, at + 6);
      if ((hours | minutes) < 0) {
        return null;
      }
      int sign = text.charAt(at) == '-' ? -1 : 1;
      offset = ZoneOffset.ofHoursMinutes(sign * hours, sign * minutes);
    } else {
      return null;
    }
    return LocalDateTime.of(year, month, day, hour, minute, second, nanos).toInstant(offset);
  }

  /** The decimal number in {@code text[from, to)}, or -1 when a character is not an ASCII digit. */
  private static int digits(String text, int from, int to) {
    int value = 0;
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }

  private static boolean bool(String text) {
    return switch (text) {
      case "true" -> true;
      case "false" -> false;
      default -> throw new IllegalArgumentException("write true or false");
    };
  }

  private static <E extends Enum<E>> E constant(Class<E> type, String text) {
    for (E constant : type.getEnumConstants()) {
      if (constant.name().equals(text)) {
        return constant;
      }
    }
    throw new IllegalArgumentException("expected one of " + Arrays.toString(type.getEnumConstants()));
  }

  /** A kind of setting ({@code ED}), or a kind at a site ({@code MIU@HV-COMMUNITY}). */
  private static CareSetting setting(String text) {
    int at = text.indexOf('@');
    if (at < 0) {
      return CareSetting.of(text);
    }
    return CareSetting.at(text.substring(0, at), SiteId.of(text.substring(at + 1)));
  }

  /** What is wrong with one value; thrown inside the decoder only, so it carries no stack. */
  private static final class FieldProblem extends RuntimeException {

    private final LogColumn column;

    FieldProblem(LogColumn column, String message) {
      super(message, null, false, false);
      this.column = column;
    }
  }
}
