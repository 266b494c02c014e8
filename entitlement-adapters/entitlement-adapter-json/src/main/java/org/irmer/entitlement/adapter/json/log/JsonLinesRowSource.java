package org.irmer.entitlement.adapter.json.log;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.google.common.io.CountingInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.irmer.entitlement.adapter.json.log.ReferralLogs.Entry;
import org.irmer.entitlement.adapter.json.log.ReferralLogs.RowError;

/**
 * A JSON lines log (one JSON object per line, UTF-8): each line is parsed on its own, so a line
 * that is not JSON is reported and the next one read. Members are the CSV columns' names; {@code
 * info} is an array of strings, {@code contrast} a boolean, every other member a string; null is
 * the same as absent. Blank lines are skipped.
 */
final class JsonLinesRowSource extends RowSource {

  private final RowDecoder decoder = new RowDecoder();

  private static final JsonFactory FACTORY = new JsonFactory();

  private final BufferedReader lines;
  private final String[] values = new String[LogColumn.count()];
  private long line;

  JsonLinesRowSource(Path file, CountingInputStream bytes) {
    super(file, bytes);
    lines = new BufferedReader(new InputStreamReader(bytes, StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT)), 1 << 16);
  }

  @Override
  Entry next() {
    String text;
    do {
      try {
        text = lines.readLine();
      } catch (CharacterCodingException notUtf8) {
        throw new ReferralLogs.UnreadableLogException(file, "line " + (line + 1)
            + ": is not UTF-8 text", notUtf8);
      } catch (IOException failure) {
        throw unreadable(failure);
      }
      if (text == null) {
        return null;
      }
      line++;
    } while (text.isBlank());
    try (JsonParser parser = FACTORY.createParser(text)) {
      return entry(parser);
    } catch (StreamReadException malformed) {
      // Jackson's message may end with the location of a start marker: the line says it already.
      String message = malformed.getOriginalMessage();
      int marker = message.indexOf(" (start marker at");
      return new RowError(line, "", "not a JSON object: "
          + (marker < 0 ? message : message.substring(0, marker)));
    } catch (IOException cannotHappen) {
      throw unreadable(cannotHappen);
    }
  }

  private Entry entry(JsonParser parser) throws IOException {
    if (parser.nextToken() != JsonToken.START_OBJECT) {
      return new RowError(line, "", "the line holds no JSON object");
    }
    Arrays.fill(values, null);
    List<String> info = null;
    boolean[] seen = new boolean[LogColumn.count()];
    for (JsonToken token = parser.nextToken(); token == JsonToken.FIELD_NAME;
        token = parser.nextToken()) {
      String name = parser.currentName();
      Optional<LogColumn> named = LogColumn.named(name);
      if (named.isEmpty()) {
        return new RowError(line, name, "not a member of a referral log");
      }
      LogColumn column = named.get();
      if (seen[column.ordinal()]) {
        return new RowError(line, name, "the member is given twice");
      }
      seen[column.ordinal()] = true;
      JsonToken value = parser.nextToken();
      if (value == JsonToken.VALUE_NULL) {
        continue;
      }
      switch (column) {
        case INFO -> {
          if (value != JsonToken.START_ARRAY) {
            return new RowError(line, name, "must be an array of strings");
          }
          info = new ArrayList<>();
          for (JsonToken item = parser.nextToken(); item != JsonToken.END_ARRAY;
              item = parser.nextToken()) {
            if (item != JsonToken.VALUE_STRING) {
              return new RowError(line, name, "must be an array of strings");
            }
            info.add(parser.getText());
          }
        }
        case CONTRAST -> {
          if (!value.isBoolean()) {
            return new RowError(line, name, "must be true or false");
          }
          values[column.ordinal()] = String.valueOf(value == JsonToken.VALUE_TRUE);
        }
        default -> {
          if (value != JsonToken.VALUE_STRING) {
            return new RowError(line, name, "must be a string");
          }
          values[column.ordinal()] = parser.getText();
        }
      }
    }
    if (parser.nextToken() != null) {
      return new RowError(line, "", "the line holds more than one JSON value");
    }
    return decoder.decode(line, values, info == null ? List.of() : info);
  }

  @Override
  public void close() throws IOException {
    try {
      lines.close();
    } finally {
      super.close();
    }
  }
}
