package org.irmer.entitlement.adapter.jdbc;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.google.common.collect.ImmutableSortedMap;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.irmer.entitlement.core.domain.Actor;
import org.irmer.entitlement.core.domain.AuditEvent;
import org.irmer.entitlement.core.port.out.CorruptRecordException;

/**
 * The stored form of an {@link AuditEvent} in the trail's {@code event} column, written and read
 * with Jackson's streaming API: every recorded check writes one, on the thread that holds the
 * trail's head, so it is spared the reflection of {@link DomainJson}.
 *
 * <p>The text is exactly what {@link DomainJson} writes for the event (SCHEMA.md, "Audit trail"):
 * an object of {@code action}, {@code actor} (an object of {@code id} and {@code system}), {@code
 * at} (ISO-8601, to the nanosecond), {@code causes} (an array), {@code details} (an object),
 * {@code result}, {@code stateAfter} and {@code stateBefore} (left out when absent) and {@code
 * subject}, in that order. Reading is as strict as {@link DomainJson}'s and stricter: a missing,
 * repeated, unknown or mistyped attribute, or text after the object, is a {@link
 * CorruptRecordException}, never a different event. Thread-safe.
 */
final class AuditEventJson {

  private static final JsonFactory JSON = new JsonFactory();

  private AuditEventJson() {}

  /** The JSON text of {@code event}. */
  static String write(AuditEvent event) {
    StringWriter text = new StringWriter(256);
    try (JsonGenerator json = JSON.createGenerator(text)) {
      json.writeStartObject();
      json.writeStringField("action", event.action());
      json.writeObjectFieldStart("actor");
      json.writeStringField("id", event.actor().id());
      json.writeBooleanField("system", event.actor().system());
      json.writeEndObject();
      json.writeStringField("at", event.at().toString());
      json.writeArrayFieldStart("causes");
      for (String cause : event.causes()) {
        json.writeString(cause);
      }
      json.writeEndArray();
      json.writeObjectFieldStart("details");
      for (Map.Entry<String, String> detail : event.details().entrySet()) {
        json.writeStringField(detail.getKey(), detail.getValue());
      }
      json.writeEndObject();
      json.writeStringField("result", event.result());
      if (event.stateAfter().isPresent()) {
        json.writeStringField("stateAfter", event.stateAfter().get());
      }
      if (event.stateBefore().isPresent()) {
        json.writeStringField("stateBefore", event.stateBefore().get());
      }
      json.writeStringField("subject", event.subject());
      json.writeEndObject();
    } catch (IOException impossible) {
      throw new UncheckedIOException("writing to a string failed", impossible);
    }
    return text.toString();
  }

  /**
   * Reads an event from its JSON text.
   *
   * @throws CorruptRecordException when the text is not a valid event
   */
  static AuditEvent read(String text) {
    try (JsonParser json = JSON.createParser(text)) {
      AuditEvent event = event(json);
      check(json.nextToken() == null, "text follows the event");
      return event;
    } catch (IOException | IllegalArgumentException | IllegalStateException
        | NullPointerException | DateTimeException invalid) {
      throw new CorruptRecordException(
          "a stored AuditEvent could not be read: " + invalid.getMessage(), invalid);
    }
  }

  private static AuditEvent event(JsonParser json) throws IOException {
    expect(json.nextToken(), JsonToken.START_OBJECT, "an object for AuditEvent");
    AuditEvent.Builder event = AuditEvent.builder();
    Set<String> seen = new HashSet<>();
    while (json.nextToken() == JsonToken.FIELD_NAME) {
      String name = json.currentName();
      check(seen.add(name), "AuditEvent has attribute " + name + " twice");
      JsonToken value = json.nextToken();
      switch (name) {
        case "action" -> event.action(text(json, value));
        case "actor" -> event.actor(actor(json, value));
        case "at" -> event.at(Instant.parse(text(json, value)));
        case "causes" -> {
          expect(value, JsonToken.START_ARRAY, "an array of causes");
          for (JsonToken cause = json.nextToken(); cause != JsonToken.END_ARRAY;
              cause = json.nextToken()) {
            event.addCause(text(json, cause));
          }
        }
        case "details" -> {
          expect(value, JsonToken.START_OBJECT, "an object of details");
          ImmutableSortedMap.Builder<String, String> details = ImmutableSortedMap.naturalOrder();
          while (json.nextToken() == JsonToken.FIELD_NAME) {
            String key = json.currentName();
            details.put(key, text(json, json.nextToken()));
          }
          event.details(details.buildOrThrow());
        }
        case "result" -> event.result(text(json, value));
        case "stateAfter" -> event.stateAfter(optionalText(json, value));
        case "stateBefore" -> event.stateBefore(optionalText(json, value));
        case "subject" -> event.subject(text(json, value));
        default -> throw new IllegalArgumentException("AuditEvent has no attribute " + name);
      }
    }
    expect(json.currentToken(), JsonToken.END_OBJECT, "the end of the event");
    return event.build();
  }

  private static Actor actor(JsonParser json, JsonToken value) throws IOException {
    expect(value, JsonToken.START_OBJECT, "an object for Actor");
    String id = null;
    Boolean system = null;
    while (json.nextToken() == JsonToken.FIELD_NAME) {
      String name = json.currentName();
      JsonToken field = json.nextToken();
      switch (name) {
        case "id" -> {
          check(id == null, "Actor has attribute id twice");
          id = text(json, field);
        }
        case "system" -> {
          check(system == null, "Actor has attribute system twice");
          check(field == JsonToken.VALUE_TRUE || field == JsonToken.VALUE_FALSE,
              "expected true or false, found " + field);
          system = field == JsonToken.VALUE_TRUE;
        }
        default -> throw new IllegalArgumentException("Actor has no attribute " + name);
      }
    }
    check(id != null, "a String is missing");
    check(system != null, "a boolean is missing");
    return new Actor(id, system);
  }

  private static Optional<String> optionalText(JsonParser json, JsonToken value)
      throws IOException {
    return value == JsonToken.VALUE_NULL ? Optional.empty() : Optional.of(text(json, value));
  }

  private static String text(JsonParser json, JsonToken value) throws IOException {
    expect(value, JsonToken.VALUE_STRING, "text");
    return json.getText();
  }

  private static void expect(JsonToken found, JsonToken wanted, String what) {
    check(found == wanted, "expected " + what + ", found " + found);
  }

  private static void check(boolean condition, String problem) {
    if (!condition) {
      throw new IllegalArgumentException(problem);
    }
  }
}
