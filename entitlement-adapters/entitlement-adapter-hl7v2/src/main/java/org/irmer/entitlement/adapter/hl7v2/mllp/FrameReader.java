package org.irmer.entitlement.adapter.hl7v2.mllp;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Reads MLLP frames ({@code <VT> message <FS><CR>}; HL7 v2 MLLP release 2, minimal lower layer
 * protocol) from a stream, whatever the reads split them into:
 *
 * <ul>
 *   <li>bytes outside a frame (garbage, a missing start block) are skipped up to the next
 *       {@code VT};
 *   <li>a {@code VT} inside a frame (the frame's end block is missing) ends that frame as
 *       {@link Kind#INCOMPLETE} and starts the next;
 *   <li>{@code FS} ends a frame; the {@code CR} after it is consumed when it is there, and a frame
 *       whose {@code FS} is followed by anything else still ends at the {@code FS};
 *   <li>a frame longer than the limit is read to its end and returned as {@link Kind#OVERSIZED},
 *       with only its first bytes kept;
 *   <li>the end of the stream inside a frame gives {@link Kind#INCOMPLETE}, and then {@link
 *       Kind#END}.
 * </ul>
 *
 * <p>Before each read from the stream it tells its {@link Timing} whether a frame is open, so
 * that the connection can apply the idle timeout between frames and the read timeout within one.
 */
final class FrameReader {

  static final byte START = 0x0b;
  static final byte END_BLOCK = 0x1c;
  static final byte CARRIAGE_RETURN = 0x0d;

  /** How many bytes of a frame too large to keep are kept, to answer it. */
  static final int KEPT_OF_OVERSIZED = 4096;

  enum Kind { MESSAGE, OVERSIZED, INCOMPLETE, END }

  /** A frame's content (or its first bytes), with its full length. */
  record Frame(Kind kind, byte[] content, long length) {}

  /** Told before each read whether a frame is open. */
  interface Timing {
    void beforeRead(boolean inFrame) throws IOException;
  }

  private final InputStream in;
  private final int maxBytes;
  private final Timing timing;
  private final byte[] buffer = new byte[8192];
  private int position;
  private int limit;
  private boolean pendingStart;
  private boolean pendingCarriageReturn;
  private long skipped;

  FrameReader(InputStream in, int maxBytes, Timing timing) {
    this.in = in;
    this.maxBytes = maxBytes;
    this.timing = timing;
  }

  /** The bytes skipped outside frames so far. */
  long skipped() {
    return skipped;
  }

  /** Whether the last frame ended and no byte of a next one has been read. */
  boolean betweenFrames() {
    return !pendingStart;
  }

  /** The next frame; blocks until one ends or the stream does. */
  Frame next() throws IOException {
    if (!pendingStart && !skipToStart()) {
      return new Frame(Kind.END, new byte[0], 0);
    }
    pendingStart = false;
    byte[] content = new byte[Math.min(maxBytes, 1024)];
    int kept = 0;
    long length = 0;
    while (true) {
      int b = read(true);
      if (b < 0) {
        return new Frame(Kind.INCOMPLETE, Arrays.copyOf(content, kept), length);
      }
      if (b == START) {
        pendingStart = true;
        return new Frame(Kind.INCOMPLETE, Arrays.copyOf(content, kept), length);
      }
      if (b == END_BLOCK) {
        pendingCarriageReturn = true;
        Kind kind = length > maxBytes ? Kind.OVERSIZED : Kind.MESSAGE;
        return new Frame(kind, Arrays.copyOf(content, kept), length);
      }
      length++;
      if (length <= maxBytes) {
        if (kept == content.length) {
          content = Arrays.copyOf(content, (int) Math.min((long) content.length * 2, maxBytes));
        }
        content[kept++] = (byte) b;
      } else if (kept > KEPT_OF_OVERSIZED) {
        kept = KEPT_OF_OVERSIZED;
      }
    }
  }

  private boolean skipToStart() throws IOException {
    while (true) {
      int b = read(false);
      if (b < 0) {
        return false;
      }
      if (pendingCarriageReturn) {
        pendingCarriageReturn = false;
        if (b == CARRIAGE_RETURN) {
          continue;
        }
      }
      if (b == START) {
        return true;
      }
      skipped++;
    }
  }

  private int read(boolean inFrame) throws IOException {
    if (position == limit) {
      timing.beforeRead(inFrame);
      int n = in.read(buffer);
      if (n <= 0) {
        return -1;
      }
      position = 0;
      limit = n;
    }
    return buffer[position++] & 0xff;
  }
}
