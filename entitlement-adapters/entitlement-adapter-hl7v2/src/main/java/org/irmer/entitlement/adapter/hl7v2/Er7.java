package org.irmer.entitlement.adapter.hl7v2;

import java.util.ArrayList;
import java.util.List;

/**
 * The ER7 ("pipe") encoding's delimiters and escapes (HL7 v2 chapter 2, message construction
 * rules), for the text of replies, which are always written with the standard delimiters {@code
 * |^~\&}.
 */
final class Er7 {

  static final char FIELD = '|';
  static final char COMPONENT = '^';
  static final char REPETITION = '~';
  static final char ESCAPE = '\\';
  static final char SUBCOMPONENT = '&';
  static final String SEGMENT_END = "\r";

  private Er7() {}

  /**
   * {@code text} as one ER7 primitive value: delimiters escaped, line breaks and other control
   * characters (which no field may hold) replaced by spaces.
   */
  static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length() + 8);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case FIELD -> out.append("\\F\\");
        case COMPONENT -> out.append("\\S\\");
        case SUBCOMPONENT -> out.append("\\T\\");
        case REPETITION -> out.append("\\R\\");
        case ESCAPE -> out.append("\\E\\");
        default -> out.append(c < ' ' || c == 0x7f ? ' ' : c);
      }
    }
    return out.toString();
  }

  /** Splits {@code text} on {@code delimiter}, keeping empty parts (unlike {@code String.split}). */
  static List<String> split(String text, char delimiter) {
    List<String> parts = new ArrayList<>();
    int start = 0;
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) == delimiter) {
        parts.add(text.substring(start, i));
        start = i + 1;
      }
    }
    parts.add(text.substring(start));
    return parts;
  }
}
