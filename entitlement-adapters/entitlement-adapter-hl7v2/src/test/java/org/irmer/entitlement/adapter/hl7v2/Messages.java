package org.irmer.entitlement.adapter.hl7v2;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The sample messages of src/test/resources, and edits of their fields for the variants. */
final class Messages {

  private Messages() {}

  /** A sample message, segments ended by carriage returns as on the wire. */
  static String load(String name) {
    try (InputStream in = Messages.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalArgumentException("no sample message " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip().replace('\n', '\r') + "\r";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code message} with field {@code field} of the {@code occurrence}th {@code segment} set to {@code value}. */
  static String set(String message, String segment, int occurrence, int field, String value) {
    List<String> segments = new ArrayList<>(Arrays.asList(message.split("\r")));
    int seen = 0;
    for (int i = 0; i < segments.size(); i++) {
      if (!segments.get(i).startsWith(segment + "|")) {
        continue;
      }
      if (++seen != occurrence) {
        continue;
      }
      List<String> fields = new ArrayList<>(Arrays.asList(segments.get(i).split("\\|", -1)));
      int index = segment.equals("MSH") ? field - 1 : field;
      while (fields.size() <= index) {
        fields.add("");
      }
      fields.set(index, value);
      segments.set(i, String.join("|", fields));
      return String.join("\r", segments) + "\r";
    }
    throw new IllegalArgumentException("no " + segment + " number " + occurrence);
  }

  static String set(String message, String segment, int field, String value) {
    return set(message, segment, 1, field, value);
  }

  /** {@code message} without its segments named {@code segment}. */
  static String without(String message, String segment) {
    StringBuilder out = new StringBuilder();
    for (String line : message.split("\r")) {
      if (!line.startsWith(segment + "|")) {
        out.append(line).append('\r');
      }
    }
    return out.toString();
  }

  /** The first segment named {@code segment} of a reply, split into fields (index = field number). */
  static List<String> segments(String reply, String segment) {
    List<String> found = new ArrayList<>();
    for (String line : reply.split("\r")) {
      if (line.startsWith(segment + "|")) {
        found.add(line);
      }
    }
    return found;
  }

  static String field(String segmentText, int field) {
    String[] fields = segmentText.split("\\|", -1);
    int index = segmentText.startsWith("MSH|") ? field - 1 : field;
    return index < fields.length ? fields[index] : "";
  }
}
