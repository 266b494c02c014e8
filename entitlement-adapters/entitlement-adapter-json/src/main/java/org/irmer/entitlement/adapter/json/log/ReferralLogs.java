package org.irmer.entitlement.adapter.json.log;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;
import static com.google.common.base.Preconditions.checkState;

import com.google.common.io.CountingInputStream;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Iterator;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.irmer.entitlement.core.domain.EntitlementId;
import org.irmer.entitlement.core.domain.ReferralRequest;
import org.irmer.entitlement.core.port.out.DecisionData;
import org.irmer.entitlement.core.port.out.EntitlementException;

/**
 * Referral logs: the referrals an ordering system (EPR, RIS) made, one request a row, as CSV (RFC
 * 4180, with a header) or JSON lines, for retrospective audit (principle 10 of the 2025 guidance:
 * each row is judged as of its own instant). LOGS.md beside this module's pom documents every
 * column. The one public entry point of the referral-log adapter.
 *
 * <ul>
 *   <li>{@link #read} streams a log: each {@link Entry} is a {@link Row} (a request and its line)
 *       or a {@link RowError} (the line, the column and what is wrong). A bad row never stops the
 *       reading; only the form of values is checked, not whether the register knows them. One row
 *       is held at a time, so a log of any length is read in constant memory.
 *   <li>{@link #writer} writes requests as a log that {@link #read} reads back to equal requests.
 *   <li>{@link #generate} makes plausible referrals aimed at a register's own scopes, mostly
 *       inside them and some just outside, deterministically for a seed.
 * </ul>
 */
public final class ReferralLogs {

  private ReferralLogs() {}

  /**
   * Opens {@code file} as a log in the format its extension names ({@link Format#of}).
   *
   * @throws UnreadableLogException when the file cannot be opened, its extension names no format,
   *     or (CSV) its header is missing or names an unknown, repeated or too few columns
   */
  public static LogReader read(Path file) {
    checkNotNull(file, "file");
    return read(file, Format.of(file).orElseThrow(() -> new UnreadableLogException(file,
        "has no extension of a referral log: name it .csv, .jsonl or .ndjson")), Progress.NONE);
  }

  /**
   * Opens {@code file} as a log in {@code format}, telling {@code progress} every {@value
   * LogReader#PROGRESS_EVERY} rows and at the end how far it has got.
   *
   * @throws UnreadableLogException as {@link #read(Path)}
   */
  public static LogReader read(Path file, Format format, Progress progress) {
    checkNotNull(file, "file");
    checkNotNull(format, "format");
    checkNotNull(progress, "progress");
    CountingInputStream bytes;
    try {
      bytes = new CountingInputStream(Files.newInputStream(file));
    } catch (NoSuchFileException missing) {
      throw new UnreadableLogException(file, "does not exist", missing);
    } catch (IOException unreadable) {
      throw new UnreadableLogException(file, "cannot be opened: " + unreadable.getMessage(),
          unreadable);
    }
    try {
      RowSource source = format == Format.CSV ? new CsvRowSource(file, bytes)
          : new JsonLinesRowSource(file, bytes);
      return new LogReader(source, progress);
    } catch (IOException | RuntimeException failure) {
      try {
        bytes.close();
      } catch (IOException suppressed) {
        failure.addSuppressed(suppressed);
      }
      if (failure instanceof UnreadableLogException known) {
        throw known;
      }
      throw new UnreadableLogException(file, "cannot be read: " + failure.getMessage(), failure);
    }
  }

  /**
   * A writer of a new log at {@code file} in {@code format} (a file already there is replaced).
   *
   * @throws UnreadableLogException when the file cannot be created
   */
  public static LogWriter writer(Path file, Format format) {
    checkNotNull(file, "file");
    checkNotNull(format, "format");
    try {
      return writer(file, format, new BufferedOutputStream(Files.newOutputStream(file), 1 << 16));
    } catch (IOException cannot) {
      throw new UnreadableLogException(file, "cannot be written: " + cannot.getMessage(), cannot);
    }
  }

  /** A writer of a log to {@code out}, which closing the writer closes. */
  public static LogWriter writer(OutputStream out, Format format) {
    checkNotNull(out, "out");
    checkNotNull(format, "format");
    try {
      return writer(null, format, out);
    } catch (IOException cannot) {
      throw new UncheckedIOException(cannot);
    }
  }

  private static LogWriter writer(Path file, Format format, OutputStream out) throws IOException {
    return new LogWriter(file, format == Format.CSV ? RowSink.csv(out) : RowSink.jsonLines(out));
  }

  /**
   * A lazy stream of {@code options.rows()} plausible referrals from the referrers, employers,
   * settings, catalogue and scopes {@code data} holds, in time order over the options' window.
   *
   * <p>Each row is aimed at one rule of an active individual entitlement. With probability {@link
   * GeneratorOptions#insideShare()} it is {@link Aim#INSIDE} the rule: an examination the rule
   * covers, a patient of an age it admits, one of its settings, indications and urgencies, the
   * clinical information the employer's procedures require and the pregnancy status where they ask
   * for it. Otherwise it is just outside on one dimension the rule has ({@link Aim}). The
   * entitlement aimed at holds on the row's date where the register has one that does.
   *
   * <p>The same register and options give the same rows: row {@code i} depends on the seed and
   * {@code i} only. Nothing but one target per rule is held in memory, whatever the row count.
   *
   * @throws IllegalArgumentException when {@code data} holds no active individual entitlement with
   *     a rule that covers an examination of its catalogue
   */
  public static Stream<GeneratedReferral> generate(DecisionData data, GeneratorOptions options) {
    checkNotNull(data, "data");
    checkNotNull(options, "options");
    return new ReferralGenerator(data, options).stream();
  }

  /** The two formats of a log. */
  public enum Format {
    /** RFC 4180 CSV with a header row, UTF-8. */
    CSV(".csv"),
    /** One JSON object per line, UTF-8 ({@code .jsonl}, also read as {@code .ndjson}). */
    JSON_LINES(".jsonl");

    private final String extension;

    Format(String extension) {
      this.extension = extension;
    }

    /** The extension of a file written in this format, with its dot. */
    public String extension() {
      return extension;
    }

    /** The format {@code file}'s extension names ({@code .csv}, {@code .jsonl}, {@code .ndjson}). */
    public static Optional<Format> of(Path file) {
      Path name = file.getFileName();
      String lower = name == null ? "" : name.toString().toLowerCase(Locale.ROOT);
      if (lower.endsWith(".csv")) {
        return Optional.of(CSV);
      }
      if (lower.endsWith(".jsonl") || lower.endsWith(".ndjson")) {
        return Optional.of(JSON_LINES);
      }
      return Optional.empty();
    }
  }

  /** One row of a log: a request, or why the row could not be read. */
  public sealed interface Entry permits Row, RowError {

    /** The line of the file the row starts on, from 1. */
    long line();
  }

  /** A row read as a request. */
  public record Row(long line, ReferralRequest request) implements Entry {

    public Row {
      checkArgument(line >= 1, "line must be at least 1");
      checkNotNull(request, "request");
    }
  }

  /**
   * A row that cannot be read as a request: its line, the column (CSV) or member (JSON lines) at
   * fault, empty when the row as a whole is (a wrong number of fields, a line that is not JSON),
   * and what is wrong, in plain words.
   */
  public record RowError(long line, String column, String message) implements Entry {

    public RowError {
      checkArgument(line >= 1, "line must be at least 1");
      checkNotNull(column, "column");
      checkNotNull(message, "message");
    }

    @Override
    public String toString() {
      return "line " + line + ": " + (column.isEmpty() ? "" : column + ": ") + message;
    }
  }

  /**
   * Told how far a read has got: {@code rows} entries (requests and errors) and {@code bytes} read
   * from the file (ahead of the rows by the parser's buffer). Called from the reading thread; must
   * be quick and must not throw.
   */
  @FunctionalInterface
  public interface Progress {

    /** Reports nothing. */
    Progress NONE = (rows, bytes) -> { };

    void progress(long rows, long bytes);
  }

  /**
   * An open log, read once, front to back, by {@link #iterator} or {@link #stream}. Closing it
   * closes the file; the stream's {@code close} closes it too.
   *
   * @throws UnreadableLogException from the iteration when the file cannot be read further (not
   *     for a bad row, which is an entry)
   */
  public static final class LogReader implements Iterable<Entry>, Closeable {

    /** How many rows are read between two calls of the progress callback. */
    public static final int PROGRESS_EVERY = 1024;

    private final RowSource source;
    private final Progress progress;
    private boolean started;
    private long rows;
    private long errors;

    private LogReader(RowSource source, Progress progress) {
      this.source = source;
      this.progress = progress;
    }

    /** The entries, in file order; may be called once. */
    @Override
    public Iterator<Entry> iterator() {
      checkState(!started, "a log is read once: open it again to read it again");
      started = true;
      return new Iterator<>() {
        private Entry next;
        private boolean ended;

        @Override
        public boolean hasNext() {
          if (next == null && !ended) {
            next = source.next();
            if (next == null) {
              ended = true;
              progress.progress(rows, source.bytesRead());
            } else {
              count(next);
            }
          }
          return next != null;
        }

        @Override
        public Entry next() {
          if (!hasNext()) {
            throw new NoSuchElementException();
          }
          Entry entry = next;
          next = null;
          return entry;
        }
      };
    }

    private void count(Entry entry) {
      rows++;
      if (entry instanceof RowError) {
        errors++;
      }
      if (rows % PROGRESS_EVERY == 0) {
        progress.progress(rows, source.bytesRead());
      }
    }

    /** The entries as a sequential, ordered stream; closing it closes the log. */
    public Stream<Entry> stream() {
      return StreamSupport.stream(Spliterators.spliteratorUnknownSize(iterator(),
          Spliterator.ORDERED | Spliterator.NONNULL), false).onClose(this::close);
    }

    /** The entries read so far, requests and errors. */
    public long rowsRead() {
      return rows;
    }

    /** The entries read so far that are errors. */
    public long errors() {
      return errors;
    }

    /** The file read. */
    public Path file() {
      return source.file;
    }

    @Override
    public void close() {
      try {
        source.close();
      } catch (IOException failure) {
        throw new UnreadableLogException(source.file, "cannot be closed: " + failure.getMessage(),
            failure);
      }
    }
  }

  /** Writes requests to a new log, one at a time; closing it completes the file. */
  public static final class LogWriter implements Closeable {

    private final Path file;
    private final RowSink sink;
    private long rows;

    private LogWriter(Path file, RowSink sink) {
      this.file = file;
      this.sink = sink;
    }

    /**
     * Writes {@code request} as the next row.
     *
     * @throws IllegalArgumentException when the request holds what a log cannot carry (an empty
     *     order id, which reads back as absent; a clinical information item holding {@code ;})
     * @throws UnreadableLogException when writing fails
     */
    public void write(ReferralRequest request) {
      checkNotNull(request, "request");
      try {
        sink.write(request);
        rows++;
      } catch (IOException failure) {
        throw failed(failure);
      }
    }

    /** The rows written so far. */
    public long rows() {
      return rows;
    }

    @Override
    public void close() {
      try {
        sink.close();
      } catch (IOException failure) {
        throw failed(failure);
      }
    }

    private RuntimeException failed(IOException failure) {
      return file == null ? new UncheckedIOException(failure)
          : new UnreadableLogException(file, "cannot be written: " + failure.getMessage(), failure);
    }
  }

  /**
   * How {@link #generate} makes rows: how many, the seed, the window {@code [from, to)} their
   * instants fall in, and the share (0 to 1) aimed inside a scope rule.
   */
  public record GeneratorOptions(long rows, long seed, Instant from, Instant to,
      double insideShare) {

    /** The share of rows aimed inside a rule when none is given. */
    public static final double DEFAULT_INSIDE_SHARE = 0.8;

    public GeneratorOptions {
      checkArgument(rows >= 0, "rows must not be negative: %s", rows);
      checkNotNull(from, "from");
      checkNotNull(to, "to");
      checkArgument(from.isBefore(to), "from (%s) must be before to (%s)", from, to);
      checkArgument(insideShare >= 0 && insideShare <= 1,
          "insideShare must be between 0 and 1: %s", insideShare);
    }

    /** {@code rows} rows over {@code [from, to)}, {@value #DEFAULT_INSIDE_SHARE} inside. */
    public static GeneratorOptions of(long rows, long seed, Instant from, Instant to) {
      return new GeneratorOptions(rows, seed, from, to, DEFAULT_INSIDE_SHARE);
    }

    /** These options with another inside share. */
    public GeneratorOptions withInsideShare(double share) {
      return new GeneratorOptions(rows, seed, from, to, share);
    }
  }

  /** Where a generated row is aimed, relative to the rule it was made from. */
  public enum Aim {
    /** Inside the rule on every dimension, with everything the procedures require. */
    INSIDE,
    /** An examination of the rule's modality it does not cover, or of another modality. */
    EXAMINATION_OUTSIDE,
    /** A patient one day short of the rule's youngest age. */
    TOO_YOUNG,
    /** A setting the rule does not admit. */
    SETTING_OUTSIDE,
    /** Inside, but without the clinical information the procedures require. */
    CLINICAL_INFORMATION_MISSING,
    /** Inside, for a patient the pregnancy enquiry applies to, with the answer unknown. */
    PREGNANCY_UNKNOWN,
    /** Inside, but from a person the register does not know. */
    UNKNOWN_REFERRER
  }

  /** A generated request, the aim it was made with, and the entitlement and rule aimed at. */
  public record GeneratedReferral(ReferralRequest request, Aim aim, EntitlementId entitlement,
      String rule) {

    public GeneratedReferral {
      checkNotNull(request, "request");
      checkNotNull(aim, "aim");
      checkNotNull(entitlement, "entitlement");
      checkNotNull(rule, "rule");
    }
  }

  /** A log file that cannot be opened, read or written, or whose header is not a log's. */
  public static final class UnreadableLogException extends EntitlementException {

    private final Path file;

    public UnreadableLogException(Path file, String problem, Throwable cause) {
      super(file + ": " + problem, cause);
      this.file = file;
    }

    public UnreadableLogException(Path file, String problem) {
      this(file, problem, null);
    }

    /** The file at fault. */
    public Path file() {
      return file;
    }
  }
}
