package org.irmer.entitlement.adapter.hl7v2;

import java.util.List;
import java.util.Optional;

/**
 * What a reply needs from a message's MSH segment, read from the text itself so that a message
 * HAPI cannot parse, or the first bytes of a frame too large to read, can still be answered and
 * recorded (HL7 v2 chapter 2: MSH-3 to MSH-6 swap sides in the reply, MSA-2 echoes MSH-10).
 *
 * <p>Each field keeps its first repetition, re-encoded with the standard delimiters; a message
 * that does not start with a readable MSH gives an empty header.
 */
final class RawHeader {

  private static final RawHeader EMPTY =
      new RawHeader(List.of(), '|', new char[] {'^', '~', '\\', '&'});

  private final List<String> fields;
  private final char separator;
  private final char[] encoding;

  private RawHeader(List<String> fields, char separator, char[] encoding) {
    this.fields = fields;
    this.separator = separator;
    this.encoding = encoding;
  }

  /** The header of {@code text}; empty when it does not start with {@code MSH} and a separator. */
  static RawHeader of(String text) {
    String trimmed = text.stripLeading();
    if (trimmed.length() < 8 || !trimmed.startsWith("MSH")) {
      return EMPTY;
    }
    char separator = trimmed.charAt(3);
    if (Character.isLetterOrDigit(separator) || separator < ' ') {
      return EMPTY;
    }
    int end = 0;
    while (end < trimmed.length() && trimmed.charAt(end) != '\r' && trimmed.charAt(end) != '\n') {
      end++;
    }
    List<String> split = Er7.split(trimmed.substring(0, end), separator);
    String declared = split.size() > 1 ? split.get(1) : "";
    char[] encoding = {'^', '~', '\\', '&'};
    for (int i = 0; i < Math.min(4, declared.length()); i++) {
      encoding[i] = declared.charAt(i);
    }
    return new RawHeader(split, separator, encoding);
  }

  /** MSH-{@code number}, first repetition, re-encoded with the standard delimiters; empty when absent. */
  String field(int number) {
    int index = number - 1;
    if (number < 3 || index >= fields.size()) {
      return "";
    }
    String raw = Er7.split(fields.get(index), encoding[1]).get(0);
    StringBuilder out = new StringBuilder();
    List<String> components = Er7.split(raw, encoding[0]);
    for (int c = 0; c < components.size(); c++) {
      if (c > 0) {
        out.append(Er7.COMPONENT);
      }
      List<String> subcomponents = Er7.split(components.get(c), encoding[3]);
      for (int s = 0; s < subcomponents.size(); s++) {
        if (s > 0) {
          out.append(Er7.SUBCOMPONENT);
        }
        out.append(Er7.escape(unescape(subcomponents.get(s))));
      }
    }
    return out.toString();
  }

  /** Component {@code component} of MSH-{@code number}, unescaped and stripped; empty when absent. */
  String component(int number, int component) {
    if (number < 3 || number - 1 >= fields.size()) {
      return "";
    }
    String raw = Er7.split(fields.get(number - 1), encoding[1]).get(0);
    List<String> components = Er7.split(raw, encoding[0]);
    if (component > components.size()) {
      return "";
    }
    String first = Er7.split(components.get(component - 1), encoding[3]).get(0);
    return unescape(first).strip();
  }

  /** Whether the text began with an MSH segment. */
  boolean present() {
    return !fields.isEmpty();
  }

  Optional<String> controlId() {
    return present(component(10, 1));
  }

  Optional<String> version() {
    return present(component(12, 1));
  }

  /** MSH-9.1^MSH-9.2, for example {@code ORM^O01}; empty when MSH-9.1 is. */
  Optional<String> messageType() {
    String type = component(9, 1);
    String trigger = component(9, 2);
    return type.isEmpty() ? Optional.empty()
        : Optional.of(trigger.isEmpty() ? type : type + "^" + trigger);
  }

  /** The sending application and facility, {@code MSH-3.1^MSH-4.1}; empty when both are. */
  Optional<String> client() {
    String application = component(3, 1);
    String facility = component(4, 1);
    if (application.isEmpty() && facility.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(application + "^" + facility);
  }

  private String unescape(String text) {
    char escape = encoding[2];
    if (text.indexOf(escape) < 0) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length());
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      int close = c == escape ? text.indexOf(escape, i + 1) : -1;
      if (close < 0) {
        out.append(c);
        i++;
        continue;
      }
      String sequence = text.substring(i + 1, close);
      switch (sequence) {
        case "F" -> out.append(separator);
        case "S" -> out.append(encoding[0]);
        case "R" -> out.append(encoding[1]);
        case "E" -> out.append(escape);
        case "T" -> out.append(encoding[3]);
        default -> { }
      }
      i = close + 1;
    }
    return out.toString();
  }

  private static Optional<String> present(String value) {
    return value.isEmpty() ? Optional.empty() : Optional.of(value);
  }
}
