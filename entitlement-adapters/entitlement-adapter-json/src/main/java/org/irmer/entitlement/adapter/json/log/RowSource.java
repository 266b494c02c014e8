package org.irmer.entitlement.adapter.json.log;

import com.google.common.io.CountingInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import org.irmer.entitlement.adapter.json.log.ReferralLogs.Entry;
import org.irmer.entitlement.adapter.json.log.ReferralLogs.UnreadableLogException;

/**
 * The entries of one log file, read one at a time: an implementation holds one row in memory,
 * never the file.
 */
abstract class RowSource implements Closeable {

  final Path file;
  final CountingInputStream bytes;

  RowSource(Path file, CountingInputStream bytes) {
    this.file = file;
    this.bytes = bytes;
  }

  /**
   * The next entry, or null at the end of the file.
   *
   * @throws UnreadableLogException when the file cannot be read further (not a bad row)
   */
  abstract Entry next();

  /** The bytes read from the file so far (the parser reads ahead by its buffer). */
  long bytesRead() {
    return bytes.getCount();
  }

  UnreadableLogException unreadable(IOException failure) {
    return new UnreadableLogException(file, "cannot be read: " + failure.getMessage(), failure);
  }

  @Override
  public void close() throws IOException {
    bytes.close();
  }
}
