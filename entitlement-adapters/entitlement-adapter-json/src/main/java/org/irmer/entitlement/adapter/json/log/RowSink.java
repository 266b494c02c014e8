package org.irmer.entitlement.adapter.json.log;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.stream.Stream;
import org.irmer.entitlement.core.domain.ReferralRequest;

/** Writes requests to a log one at a time, in the order of {@link LogColumn}. */
abstract class RowSink implements Closeable {

  abstract void write(ReferralRequest request) throws IOException;

  /** CSV with a header naming every column, CRLF line ends (RFC 4180), UTF-8. */
  static RowSink csv(OutputStream out) throws IOException {
    return new Csv(out);
  }

  /** One JSON object per line, LF line ends, absent values left out, UTF-8. */
  static RowSink jsonLines(OutputStream out) throws IOException {
    return new JsonLines(out);
  }

  private static final class Csv extends RowSink {

    private static final CsvMapper MAPPER = new CsvMapper();

    private final SequenceWriter rows;

    Csv(OutputStream out) throws IOException {
      rows = MAPPER.writerFor(String[].class)
          .with(CsvSchema.emptySchema().withLineSeparator("\r\n"))
          .writeValues(out);
      rows.write(Stream.of(LogColumn.values()).map(LogColumn::header).toArray(String[]::new));
    }

    @Override
    void write(ReferralRequest request) throws IOException {
      String[] values = RowEncoder.encode(request);
      // Jackson leaves a null array element out of the record: absent is an empty field.
      for (int i = 0; i < values.length; i++) {
        if (values[i] == null) {
          values[i] = "";
        }
      }
      rows.write(values);
    }

    @Override
    public void close() throws IOException {
      rows.close();
    }
  }

  private static final class JsonLines extends RowSink {

    private static final JsonFactory FACTORY = new JsonFactory();

    private final JsonGenerator json;

    JsonLines(OutputStream out) throws IOException {
      json = FACTORY.createGenerator(out, JsonEncoding.UTF8);
      json.setRootValueSeparator(null);
    }

    @Override
    void write(ReferralRequest request) throws IOException {
      String[] values = RowEncoder.encode(request);
      json.writeStartObject();
      for (LogColumn column : LogColumn.values()) {
        String value = values[column.ordinal()];
        if (value == null) {
          continue;
        }
        switch (column) {
          case INFO -> {
            List<String> items = RowEncoder.items(request);
            json.writeArrayFieldStart(column.header());
            for (String item : items) {
              json.writeString(item);
            }
            json.writeEndArray();
          }
          case CONTRAST -> json.writeBooleanField(column.header(), request.contrast());
          default -> json.writeStringField(column.header(), value);
        }
      }
      json.writeEndObject();
      json.writeRaw('\n');
    }

    @Override
    public void close() throws IOException {
      json.close();
    }
  }
}
