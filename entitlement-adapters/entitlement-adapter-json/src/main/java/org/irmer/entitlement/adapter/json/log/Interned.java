package org.irmer.entitlement.adapter.json.log;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * The values of one column of a log decoded once each: a log of a million rows names a few
 * thousand referrers, employers, examinations and settings, so each is made and checked once and
 * the same instance is given to every row that names it, its hash already computed. At most
 * {@value #LIMIT} values are kept; past that, values are decoded row by row, so memory stays
 * bounded whatever the log holds. Used by one reader.
 */
final class Interned<T> {

  /** The most values kept per column. */
  static final int LIMIT = 8_192;

  private final Function<String, T> decode;
  private final Map<String, T> values = new HashMap<>();

  Interned(Function<String, T> decode) {
    this.decode = decode;
  }

  /**
   * The value {@code text} decodes to.
   *
   * @throws IllegalArgumentException as the decoding function does, for a value it refuses (which
   *     is never kept)
   */
  T get(String text) {
    T value = values.get(text);
    if (value == null) {
      value = decode.apply(text);
      if (values.size() < LIMIT) {
        values.put(text, value);
      }
    }
    return value;
  }
}
