package org.irmer.entitlement.adapter.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The members of one object of a register file, read into domain values. A member that cannot be
 * read (a bad date, zone, instant, period or code) is reported as a problem at its own line and
 * column and read as absent; {@link #failed()} then tells the caller not to build the record.
 * Shapes (types, required members, unknown members, enum values) are the schema's to check first,
 * but every method here still reports rather than throws when a shape is wrong.
 */
final class Fields {

  /** A fixed offset as {@link ZoneOffset#getId()} writes it: {@code Z}, {@code +05:30}. */
  private static final Pattern FIXED_OFFSET = Pattern.compile("Z|[+-]\\d{2}:\\d{2}(:\\d{2})?");

  private final SourceFile source;
  private final String pointer;
  private final JsonNode node;
  private final Problems problems;
  private final int problemsBefore;

  Fields(SourceFile source, String pointer, JsonNode node, Problems problems) {
    this.source = source;
    this.pointer = pointer;
    this.node = node;
    this.problems = problems;
    this.problemsBefore = problems.count();
  }

  String pointer() {
    return pointer;
  }

  SourceFile source() {
    return source;
  }

  /** Whether a member of this object could not be read. */
  boolean failed() {
    return problems.count() > problemsBefore;
  }

  /** Reports a problem with this object as a whole (for example, a value the domain refuses). */
  void refuse(String message) {
    problems.at(source, pointer, message);
  }

  String pointerOf(String name) {
    return pointer + "/" + SourceFile.escape(name);
  }

  /** Reports {@code name} as missing when this object does not have it. */
  void require(String name) {
    if (!node.has(name)) {
      problems.at(source, pointerOf(name), "missing required member '" + name + "'");
    }
  }

  boolean has(String name) {
    return node.has(name);
  }

  Optional<JsonNode> node(String name) {
    return Optional.ofNullable(node.get(name));
  }

  /** The members of the object at {@code name}; empty when absent. */
  Optional<Fields> object(String name) {
    JsonNode value = node.get(name);
    if (value == null) {
      return Optional.empty();
    }
    if (!value.isObject()) {
      problems.at(source, pointerOf(name), "expected an object");
      return Optional.empty();
    }
    return Optional.of(new Fields(source, pointerOf(name), value, problems));
  }

  /** The objects of the array at {@code name}; empty when absent. */
  ImmutableList<Fields> objects(String name) {
    JsonNode value = node.get(name);
    if (value == null) {
      return ImmutableList.of();
    }
    if (!value.isArray()) {
      problems.at(source, pointerOf(name), "expected a list");
      return ImmutableList.of();
    }
    ImmutableList.Builder<Fields> objects = ImmutableList.builder();
    for (int i = 0; i < value.size(); i++) {
      String at = pointerOf(name) + "/" + i;
      if (value.get(i).isObject()) {
        objects.add(new Fields(source, at, value.get(i), problems));
      } else {
        problems.at(source, at, "expected an object");
      }
    }
    return objects.build();
  }

  Optional<String> optionalText(String name) {
    JsonNode value = node.get(name);
    if (value == null) {
      return Optional.empty();
    }
    if (!value.isTextual()) {
      problems.at(source, pointerOf(name), "expected a string"
          + (value.isNumber() ? " (in YAML, quote a number that is a code: '" + value.asText() + "')"
              : ""));
      return Optional.empty();
    }
    return Optional.of(value.textValue());
  }

  /** A required string member; reported when absent. */
  String text(String name) {
    Optional<String> value = optionalText(name);
    if (value.isEmpty() && !node.has(name)) {
      problems.at(source, pointerOf(name), "missing required member '" + name + "'");
    }
    return value.orElse(null);
  }

  <T> T value(String name, Function<String, T> parse, String expected) {
    String text = text(name);
    return text == null ? null : parsed(pointerOf(name), text, parse, expected);
  }

  <T> Optional<T> optionalValue(String name, Function<String, T> parse, String expected) {
    return optionalText(name).map(text -> parsed(pointerOf(name), text, parse, expected));
  }

  private <T> T parsed(String at, String text, Function<String, T> parse, String expected) {
    try {
      return parse.apply(text);
    } catch (DateTimeException | IllegalArgumentException refused) {
      problems.at(source, at, "expected " + expected + ", not '" + text + "'");
      return null;
    }
  }

  private static final String DATE = "an ISO-8601 date such as 2025-03-31";

  LocalDate date(String name) {
    return value(name, LocalDate::parse, DATE);
  }

  /** The dates of the list at {@code name}; empty when absent. */
  ImmutableSet<LocalDate> dates(String name) {
    return values(name, LocalDate::parse, DATE);
  }

  Optional<LocalDate> optionalDate(String name) {
    return optionalValue(name, LocalDate::parse, DATE)
        .filter(date -> date != null);
  }

  Instant instant(String name) {
    return value(name, Fields::instantWithOffset, INSTANT);
  }

  Optional<Instant> optionalInstant(String name) {
    return optionalValue(name, Fields::instantWithOffset, INSTANT).filter(at -> at != null);
  }

  private static final String INSTANT =
      "an ISO-8601 date and time with its offset such as 2025-03-31T09:30:00Z or "
          + "2025-03-31T10:30:00+01:00";

  private static Instant instantWithOffset(String text) {
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException notOffset) {
      throw new IllegalArgumentException(notOffset);
    }
  }

  Optional<ZoneId> optionalZone(String name) {
    return optionalValue(name, Fields::zone,
        "an IANA time zone name such as Europe/London, or a fixed offset such as Z or +05:30")
        .filter(zone -> zone != null);
  }

  /**
   * An IANA region, {@code UTC}, or a fixed offset ({@code Z}, {@code +05:30}): the domain takes
   * any of them, and an export writes the zone's id, so each must read back to the same zone.
   * Abbreviations ({@code BST}) and bare prefixes ({@code GMT+1}) are refused.
   */
  private static ZoneId zone(String text) {
    if (!text.contains("/") && !text.equals("UTC") && !FIXED_OFFSET.matcher(text).matches()) {
      throw new IllegalArgumentException("not a region");
    }
    return ZoneId.of(text);
  }

  Optional<Period> optionalPeriod(String name) {
    return optionalValue(name, Period::parse, "an ISO-8601 period such as P3Y, P6M or P30D")
        .filter(period -> period != null);
  }

  <E extends Enum<E>> E enumValue(String name, Class<E> type) {
    String text = text(name);
    return text == null ? null : enumOf(pointerOf(name), text, type);
  }

  <E extends Enum<E>> Optional<E> optionalEnum(String name, Class<E> type) {
    return optionalText(name).map(text -> enumOf(pointerOf(name), text, type))
        .filter(value -> value != null);
  }

  private <E extends Enum<E>> E enumOf(String at, String text, Class<E> type) {
    try {
      return Enum.valueOf(type, text);
    } catch (IllegalArgumentException unknown) {
      problems.at(source, at, "expected one of " + allowed(type) + ", not '" + text + "'");
      return null;
    }
  }

  static <E extends Enum<E>> String allowed(Class<E> type) {
    return Arrays.stream(type.getEnumConstants()).map(Enum::name)
        .collect(Collectors.joining(", ", "[", "]"));
  }

  <E extends Enum<E>> ImmutableSet<E> enums(String name, Class<E> type) {
    ImmutableSet.Builder<E> values = ImmutableSet.builder();
    texts(name).forEach((at, text) -> {
      E value = enumOf(at, text, type);
      if (value != null) {
        values.add(value);
      }
    });
    return values.build();
  }

  /** The strings of the list at {@code name}, each parsed; empty when absent. */
  <T> ImmutableSet<T> values(String name, Function<String, T> parse, String expected) {
    ImmutableSet.Builder<T> values = ImmutableSet.builder();
    texts(name).forEach((at, text) -> {
      T value = parsed(at, text, parse, expected);
      if (value != null) {
        values.add(value);
      }
    });
    return values.build();
  }

  private java.util.LinkedHashMap<String, String> texts(String name) {
    java.util.LinkedHashMap<String, String> texts = new java.util.LinkedHashMap<>();
    JsonNode value = node.get(name);
    if (value == null) {
      return texts;
    }
    if (!value.isArray()) {
      problems.at(source, pointerOf(name), "expected a list");
      return texts;
    }
    for (int i = 0; i < value.size(); i++) {
      String at = pointerOf(name) + "/" + i;
      if (value.get(i).isTextual()) {
        texts.put(at, value.get(i).textValue());
      } else {
        problems.at(source, at, "expected a string");
      }
    }
    return texts;
  }

  Optional<Integer> optionalInt(String name) {
    JsonNode value = node.get(name);
    if (value == null) {
      return Optional.empty();
    }
    if (!value.canConvertToInt() || !value.isIntegralNumber()) {
      problems.at(source, pointerOf(name), "expected a whole number");
      return Optional.empty();
    }
    return Optional.of(value.intValue());
  }

  Integer integer(String name) {
    Optional<Integer> value = optionalInt(name);
    if (value.isEmpty() && !node.has(name)) {
      problems.at(source, pointerOf(name), "missing required member '" + name + "'");
    }
    return value.orElse(null);
  }

  Optional<Boolean> optionalBoolean(String name) {
    JsonNode value = node.get(name);
    if (value == null) {
      return Optional.empty();
    }
    if (!value.isBoolean()) {
      problems.at(source, pointerOf(name), "expected true or false");
      return Optional.empty();
    }
    return Optional.of(value.booleanValue());
  }
}
