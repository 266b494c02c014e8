package org.irmer.entitlement.adapter.hl7v2;

import java.util.List;
import java.util.Optional;

/**
 * One segment of a received message as text, read by field, repetition, component and
 * subcomponent with the message's own delimiters (HL7 v2 chapter 2, message construction rules:
 * MSH-1 is the field separator, MSH-2 the component, repetition, escape and subcomponent
 * characters, in that order; standard ones stand in for any MSH-2 leaves out).
 *
 * <p>Fields are numbered as HL7 v2 numbers them: in MSH, the field separator itself is MSH-1 and
 * the encoding characters MSH-2, which are never read as values. What is read is unescaped (the
 * escape sequences {@code \F\ \S\ \R\ \E\ \T\} give the delimiter they name; any other sequence,
 * such as formatting, is dropped); what is echoed is re-encoded with the standard delimiters
 * {@code |^~\&} ({@link Er7#escape}), so a reply never depends on the sender's choice of them.
 */
final class Er7Segment {

  private static final Delimiters STANDARD = new Delimiters('|', '^', '~', '\\', '&');

  private final String name;
  private final List<String> fields;
  private final Delimiters delimiters;

  private Er7Segment(String name, List<String> fields, Delimiters delimiters) {
    this.name = name;
    this.fields = fields;
    this.delimiters = delimiters;
  }

  /**
   * The MSH segment {@code line} (one segment, without its carriage return), with the delimiters
   * it declares; empty when it does not start with {@code MSH} and a field separator that is
   * neither a letter, a digit nor a control character.
   */
  static Optional<Er7Segment> header(String line) {
    if (line.length() < 8 || !line.startsWith("MSH")) {
      return Optional.empty();
    }
    char separator = line.charAt(3);
    if (Character.isLetterOrDigit(separator) || separator < ' ') {
      return Optional.empty();
    }
    List<String> split = Er7.split(line, separator);
    String declared = split.size() > 1 ? split.get(1) : "";
    Delimiters delimiters = new Delimiters(separator,
        declared.length() > 0 ? declared.charAt(0) : STANDARD.component(),
        declared.length() > 1 ? declared.charAt(1) : STANDARD.repetition(),
        declared.length() > 2 ? declared.charAt(2) : STANDARD.escape(),
        declared.length() > 3 ? declared.charAt(3) : STANDARD.subcomponent());
    return Optional.of(new Er7Segment("MSH", split, delimiters));
  }

  /**
   * A segment after the header, {@code line}, read with the header's delimiters; its name is what
   * comes before the first field separator.
   */
  Er7Segment next(String line) {
    List<String> split = Er7.split(line, delimiters.field());
    return new Er7Segment(split.get(0), split, delimiters);
  }

  String name() {
    return name;
  }

  /** Whether no field of the segment holds anything (an MSH never is empty). */
  boolean isEmpty() {
    if (name.equals("MSH")) {
      return false;
    }
    for (int i = 1; i < fields.size(); i++) {
      String field = fields.get(i);
      for (int c = 0; c < field.length(); c++) {
        if (!delimiters.isDelimiter(field.charAt(c)) && !Character.isWhitespace(field.charAt(c))) {
          return false;
        }
      }
    }
    return true;
  }

  /**
   * Subcomponent {@code subcomponent} of component {@code component} of repetition {@code
   * repetition} of field {@code field} (each from 1), unescaped and stripped; empty when absent.
   */
  String value(int field, int repetition, int component, int subcomponent) {
    String raw = part(raw(field), delimiters.repetition(), repetition);
    raw = part(raw, delimiters.component(), component);
    raw = part(raw, delimiters.subcomponent(), subcomponent);
    return unescape(raw).strip();
  }

  /** How many repetitions field {@code field} has; 0 when it is absent or empty. */
  int repetitions(int field) {
    String raw = raw(field);
    if (raw.isEmpty()) {
      return 0;
    }
    int count = 1;
    for (int i = 0; i < raw.length(); i++) {
      if (raw.charAt(i) == delimiters.repetition()) {
        count++;
      }
    }
    return count;
  }

  /** The first repetition of field {@code field} re-encoded with the standard delimiters; empty when absent. */
  String encodedField(int field) {
    StringBuilder out = new StringBuilder();
    encodeRepetition(part(raw(field), delimiters.repetition(), 1), out);
    return out.toString();
  }

  /** The whole segment re-encoded with the standard delimiters. */
  String encoded() {
    StringBuilder out = new StringBuilder(name.length() + 16 * fields.size());
    out.append(Er7.escape(name));
    int first = 1;
    if (name.equals("MSH")) {
      out.append(Er7.FIELD).append(Er7.COMPONENT).append(Er7.REPETITION).append(Er7.ESCAPE)
          .append(Er7.SUBCOMPONENT);
      first = 2;
    }
    for (int i = first; i < fields.size(); i++) {
      out.append(Er7.FIELD);
      List<String> repetitions = Er7.split(fields.get(i), delimiters.repetition());
      for (int r = 0; r < repetitions.size(); r++) {
        if (r > 0) {
          out.append(Er7.REPETITION);
        }
        encodeRepetition(repetitions.get(r), out);
      }
    }
    return out.toString();
  }

  private void encodeRepetition(String repetition, StringBuilder out) {
    List<String> components = Er7.split(repetition, delimiters.component());
    for (int c = 0; c < components.size(); c++) {
      if (c > 0) {
        out.append(Er7.COMPONENT);
      }
      List<String> subcomponents = Er7.split(components.get(c), delimiters.subcomponent());
      for (int s = 0; s < subcomponents.size(); s++) {
        if (s > 0) {
          out.append(Er7.SUBCOMPONENT);
        }
        out.append(Er7.escape(unescape(subcomponents.get(s))));
      }
    }
  }

  /** Field {@code field} as sent; empty when absent or when it is MSH-1 or MSH-2. */
  private String raw(int field) {
    boolean header = name.equals("MSH");
    if (field < 1 || header && field < 3) {
      return "";
    }
    int index = header ? field - 1 : field;
    return index < fields.size() ? fields.get(index) : "";
  }

  /** Part {@code number} (from 1) of {@code text} split on {@code delimiter}; empty when absent. */
  private static String part(String text, char delimiter, int number) {
    int start = 0;
    for (int n = 1; n < number; n++) {
      int next = text.indexOf(delimiter, start);
      if (next < 0) {
        return "";
      }
      start = next + 1;
    }
    int end = text.indexOf(delimiter, start);
    return end < 0 ? text.substring(start) : text.substring(start, end);
  }

  private String unescape(String text) {
    char escape = delimiters.escape();
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
      switch (text.substring(i + 1, close)) {
        case "F" -> out.append(delimiters.field());
        case "S" -> out.append(delimiters.component());
        case "R" -> out.append(delimiters.repetition());
        case "E" -> out.append(escape);
        case "T" -> out.append(delimiters.subcomponent());
        default -> { }
      }
      i = close + 1;
    }
    return out.toString();
  }

  /** The five delimiters of a message. */
  private record Delimiters(char field, char component, char repetition, char escape,
      char subcomponent) {

    boolean isDelimiter(char c) {
      return c == field || c == component || c == repetition || c == subcomponent;
    }
  }
}
