package org.irmer.entitlement.adapter.json.log;

import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import com.google.common.io.CountingInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.irmer.entitlement.adapter.json.log.ReferralLogs.Entry;
import org.irmer.entitlement.adapter.json.log.ReferralLogs.RowError;
import org.irmer.entitlement.adapter.json.log.ReferralLogs.UnreadableLogException;

/**
 * A CSV log (RFC 4180) read with Jackson's streaming CSV parser: quoted fields may hold commas,
 * doubled quotes and line breaks; the first record is the header, naming known columns in any
 * order. The line of a row is the line its record starts on.
 */
final class CsvRowSource extends RowSource {

  private final RowDecoder decoder = new RowDecoder();

  /** The longest value read; a longer one is a broken file (an unclosed quote), not a value. */
  static final int LONGEST_VALUE = 1 << 20;

  static final CsvFactory FACTORY = CsvFactory.builder()
      .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(LONGEST_VALUE).build())
      .build();

  private final CsvParser parser;
  private final LogColumn[] columns;
  private final String[] values = new String[LogColumn.count()];
  private boolean done;

  CsvRowSource(Path file, CountingInputStream bytes) throws IOException {
    super(file, bytes);
    parser = (CsvParser) FACTORY.createParser(bytes);
    parser.setSchema(CsvSchema.emptySchema());
    parser.enable(CsvParser.Feature.WRAP_AS_ARRAY);
    try {
      columns = header();
    } catch (StreamReadException malformed) {
      throw new UnreadableLogException(file, "line " + malformed.getLocation().getLineNr()
          + ": the header cannot be read: " + malformed.getOriginalMessage(), malformed);
    }
  }

  private LogColumn[] header() throws IOException {
    if (parser.nextToken() != JsonToken.START_ARRAY || parser.nextToken() != JsonToken.START_ARRAY) {
      throw new UnreadableLogException(file, "is empty: a CSV log starts with a header naming"
          + " its columns (" + known() + ")");
    }
    List<LogColumn> named = new ArrayList<>();
    Set<LogColumn> seen = EnumSet.noneOf(LogColumn.class);
    while (parser.nextToken() == JsonToken.VALUE_STRING) {
      String name = parser.getText();
      int position = named.size() + 1;
      Optional<LogColumn> column = LogColumn.named(name);
      if (column.isEmpty()) {
        throw new UnreadableLogException(file, "line 1: the header's column " + position + ", '"
            + name + "', is not a column of a referral log (" + known() + ")");
      }
      if (!seen.add(column.get())) {
        throw new UnreadableLogException(file, "line 1: the header names column '" + name
            + "' twice (columns " + (named.indexOf(column.get()) + 1) + " and " + position + ")");
      }
      named.add(column.get());
    }
    String missing = Stream.of(LogColumn.values()).filter(LogColumn::required)
        .filter(column -> !seen.contains(column)).map(LogColumn::header)
        .collect(Collectors.joining(", "));
    if (!missing.isEmpty()) {
      throw new UnreadableLogException(file, "line 1: the header lacks the required column(s) "
          + missing + " (it names " + named.stream().map(LogColumn::header)
              .collect(Collectors.joining(", ")) + ")");
    }
    return named.toArray(LogColumn[]::new);
  }

  private static String known() {
    return Stream.of(LogColumn.values()).map(LogColumn::header).collect(Collectors.joining(", "));
  }

  @Override
  Entry next() {
    while (!done) {
      long line = parser.currentLocation().getLineNr();
      try {
        if (parser.nextToken() != JsonToken.START_ARRAY) {
          done = true;
          return null;
        }
        Arrays.fill(values, null);
        int fields = 0;
        boolean blank = true;
        for (JsonToken token = parser.nextToken(); token == JsonToken.VALUE_STRING;
            token = parser.nextToken()) {
          String text = parser.getText();
          if (fields == 0) {
            line = parser.currentTokenLocation().getLineNr();
          }
          blank &= text.isEmpty();
          if (fields < columns.length) {
            values[columns[fields].ordinal()] = text;
          }
          fields++;
        }
        if (fields == 1 && blank) {
          continue;
        }
        if (fields != columns.length) {
          return new RowError(line, "", "the row has " + fields + " field"
              + (fields == 1 ? "" : "s") + " where the header has " + columns.length);
        }
        return decoder.decode(line, values, null);
      } catch (StreamReadException malformed) {
        // An unclosed quote runs to the end of the file: nothing after it can be read as rows.
        done = true;
        return new RowError(line, "", malformed.getOriginalMessage()
            + " (the file cannot be read beyond line " + malformed.getLocation().getLineNr() + ")");
      } catch (IOException failure) {
        throw unreadable(failure);
      }
    }
    return null;
  }

  @Override
  public void close() throws IOException {
    try {
      parser.close();
    } finally {
      super.close();
    }
  }
}
