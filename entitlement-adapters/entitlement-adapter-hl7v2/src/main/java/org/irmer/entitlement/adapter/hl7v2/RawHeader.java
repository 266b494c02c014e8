package org.irmer.entitlement.adapter.hl7v2;

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

  private static final RawHeader EMPTY = new RawHeader(Optional.empty());

  private final Optional<Er7Segment> msh;

  private RawHeader(Optional<Er7Segment> msh) {
    this.msh = msh;
  }

  /** The header of {@code text}; empty when it does not start with {@code MSH} and a separator. */
  static RawHeader of(String text) {
    String trimmed = text.stripLeading();
    int end = 0;
    while (end < trimmed.length() && trimmed.charAt(end) != '\r' && trimmed.charAt(end) != '\n') {
      end++;
    }
    Optional<Er7Segment> msh = Er7Segment.header(trimmed.substring(0, end));
    return msh.isEmpty() ? EMPTY : new RawHeader(msh);
  }

  /** The MSH segment read, to read the segments after it with its delimiters; empty when absent. */
  Optional<Er7Segment> segment() {
    return msh;
  }

  /** MSH-{@code number}, first repetition, re-encoded with the standard delimiters; empty when absent. */
  String field(int number) {
    return msh.map(segment -> segment.encodedField(number)).orElse("");
  }

  /** Component {@code component} of MSH-{@code number}, unescaped and stripped; empty when absent. */
  String component(int number, int component) {
    return msh.map(segment -> segment.value(number, 1, component, 1)).orElse("");
  }

  /** Whether the text began with an MSH segment. */
  boolean present() {
    return msh.isPresent();
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

  private static Optional<String> present(String value) {
    return value.isEmpty() ? Optional.empty() : Optional.of(value);
  }
}
