package org.irmer.entitlement.adapter.jdbc;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.zip.CRC32C;
import org.irmer.entitlement.core.domain.ReferralDecision;
import org.irmer.entitlement.core.port.out.CorruptRecordException;
import org.irmer.entitlement.core.port.out.DecisionSpool;
import org.irmer.entitlement.core.port.out.SpooledDecision;
import org.irmer.entitlement.core.port.out.StoreUnavailableException;

/**
 * The decision spool in one local file, append-only (ARCHITECTURE.md, persistence and scale): the
 * register's decisions stay safe on the application node's own disk while its database cannot be
 * reached.
 *
 * <p>The file is a sequence of frames, each a 4-byte length, the CRC-32C of the payload, and the
 * payload: a kind byte and its content:
 *
 * <ul>
 *   <li>{@code N}, first in every file: the spool's name and the id the next decision gets, so that
 *       ids keep increasing across compactions;
 *   <li>{@code H}: a held decision, its id and the JSON of the {@link SpooledDecision} ({@link
 *       DomainJson});
 *   <li>{@code P}: a replay note, the trail's size;
 *   <li>{@code R}: a release, the id released through.
 * </ul>
 *
 * <p>Every frame is written at the end of the file and forced to the device ({@link
 * FileChannel#force}) before the call that wrote it returns, so a decision {@link #hold} returned
 * survives a crash of the process or the machine. A crash in the middle of a write leaves a torn
 * last frame, which fails its length or checksum; opening the file finds it, ignores it and cuts it
 * off. A frame that fails its check with good frames after it is not a torn write but damage, and
 * opening refuses the file ({@link CorruptRecordException}) rather than lose what follows it. When
 * the last held decision is released the file is compacted: a new file of one {@code N} frame is
 * written beside it, forced, and moved over it atomically.
 *
 * <p>Sized for the checks of one staleness limit (past it, checks are not held): what the file
 * holds is also kept in memory, and a file is read back whole, so it may not exceed 2 GiB (some
 * million decisions). Each {@code hold} waits for its own write to reach the device: about 0.4 ms
 * on the development machine's virtual disk, some 2,400 holds a second.
 *
 * <p>Thread-safe: calls are serialised. One process at a time may open a file; a second spool over
 * the same file is not detected.
 */
final class FileDecisionSpool implements DecisionSpool, AutoCloseable {

  private static final int HEADER_BYTES = 8;
  private static final int MAX_PAYLOAD = 64 * 1024 * 1024;
  private static final byte NAME = 'N';
  private static final byte HELD = 'H';
  private static final byte REPLAYING = 'P';
  private static final byte RELEASED = 'R';

  private final Path file;
  private final String name;
  private final Deque<SpooledDecision> held = new ArrayDeque<>();
  private FileChannel channel;
  private long lastId;
  private OptionalLong replayingSince = OptionalLong.empty();
  /** Set when a failed write could not be undone: the file's end is then unknown until reopened. */
  private boolean broken;

  private FileDecisionSpool(Path file, String name, FileChannel channel) {
    this.file = file;
    this.name = name;
    this.channel = channel;
  }

  /**
   * Opens the spool in {@code file}, creating it (and its directory) when missing, and reads back
   * what it holds.
   *
   * @throws StoreUnavailableException when the file cannot be read or written
   * @throws CorruptRecordException when the file is damaged other than by a torn last write
   */
  static FileDecisionSpool open(Path file) {
    checkNotNull(file, "file");
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
          StandardOpenOption.WRITE);
      try {
        return read(file, channel);
      } catch (RuntimeException | IOException failure) {
        channel.close();
        throw failure;
      }
    } catch (IOException failure) {
      throw unavailable(file, "opened", failure);
    }
  }

  private static FileDecisionSpool read(Path file, FileChannel channel) throws IOException {
    if (channel.size() > Integer.MAX_VALUE) {
      throw new StoreUnavailableException("the decision spool " + file + " is larger than 2 GiB ("
          + channel.size() + " bytes) and cannot be read back");
    }
    ByteBuffer contents = ByteBuffer.allocate((int) channel.size());
    for (int read = 0; read >= 0 && contents.hasRemaining(); ) {
      read = channel.read(contents, contents.position());
    }
    contents.flip();
    ByteBuffer first = nextFrame(contents);
    if (first == null) {
      // A new file, or one whose first frame was torn as it was created: nothing was ever held.
      FileDecisionSpool spool = new FileDecisionSpool(file, "file-" + UUID.randomUUID(), channel);
      channel.truncate(0);
      spool.append(nameFrame(spool.name, 1));
      return spool;
    }
    if (first.get() != NAME) {
      throw new CorruptRecordException("the decision spool " + file + " does not begin with its name");
    }
    byte[] name = new byte[first.getInt()];
    first.get(name);
    FileDecisionSpool spool =
        new FileDecisionSpool(file, new String(name, StandardCharsets.UTF_8), channel);
    spool.lastId = first.getLong() - 1;
    long goodEnd = contents.position();
    ByteBuffer frame;
    while ((frame = nextFrame(contents)) != null) {
      spool.apply(frame);
      goodEnd = contents.position();
    }
    if (goodEnd < channel.size()) {
      channel.truncate(goodEnd);
      channel.force(true);
    }
    return spool;
  }

  /**
   * The payload of the frame at the buffer's position, moving past it; null at the end, or at a
   * torn last frame.
   *
   * @throws CorruptRecordException when a frame fails its check and is not the last thing written
   */
  private static ByteBuffer nextFrame(ByteBuffer contents) {
    int start = contents.position();
    if (contents.remaining() == 0) {
      return null;
    }
    if (contents.remaining() < HEADER_BYTES) {
      return tornOrDamaged(contents, start);
    }
    int length = contents.getInt();
    int checksum = contents.getInt();
    if (length < 1 || length > MAX_PAYLOAD || length > contents.remaining()) {
      return tornOrDamaged(contents, start);
    }
    ByteBuffer payload = contents.slice(contents.position(), length);
    if (crc(payload) != checksum) {
      return tornOrDamaged(contents, start);
    }
    contents.position(contents.position() + length);
    return payload;
  }

  /**
   * At a frame that fails its check: a torn last write when it is the last thing in the file, its
   * length reaching the end or nothing but zeros (space the file system had allocated) after it;
   * damage otherwise, since the writer forced each frame before writing the next, so nothing written
   * can follow a torn one.
   */
  private static ByteBuffer tornOrDamaged(ByteBuffer contents, int start) {
    contents.position(start);
    ByteBuffer rest = contents.slice();
    if (rest.remaining() >= HEADER_BYTES) {
      int length = rest.getInt(0);
      boolean sane = length >= 1 && length <= MAX_PAYLOAD;
      boolean last = sane && (long) HEADER_BYTES + length >= rest.remaining();
      int after = sane && !last ? HEADER_BYTES + length : 0;
      if (!last && !onlyZeros(rest, after)) {
        throw new CorruptRecordException("the decision spool has a damaged frame at byte " + start
            + ", with more written after it");
      }
    }
    contents.position(contents.limit());
    return null;
  }

  private static boolean onlyZeros(ByteBuffer bytes, int from) {
    for (int i = from; i < bytes.remaining(); i++) {
      if (bytes.get(i) != 0) {
        return false;
      }
    }
    return true;
  }

  private void apply(ByteBuffer frame) {
    byte kind = frame.get();
    switch (kind) {
      case HELD -> {
        long id = frame.getLong();
        byte[] json = new byte[frame.remaining()];
        frame.get(json);
        SpooledDecision decision =
            DomainJson.read(new String(json, StandardCharsets.UTF_8), SpooledDecision.class);
        if (decision.id() != id || id <= lastId) {
          throw new CorruptRecordException("the decision spool holds decision " + id
              + " out of order, after " + lastId);
        }
        held.addLast(decision);
        lastId = id;
      }
      case REPLAYING -> replayingSince = OptionalLong.of(frame.getLong());
      case RELEASED -> releaseInMemory(frame.getLong());
      default -> throw new CorruptRecordException("the decision spool has a frame of unknown kind "
          + kind);
    }
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public synchronized SpooledDecision hold(String action, ReferralDecision decision,
      OptionalLong triedAfter) {
    SpooledDecision spooled = new SpooledDecision(lastId + 1, action, decision, triedAfter);
    byte[] json = DomainJson.write(spooled).getBytes(StandardCharsets.UTF_8);
    append(ByteBuffer.allocate(1 + Long.BYTES + json.length).put(HELD).putLong(spooled.id()).put(json)
        .flip());
    held.addLast(spooled);
    lastId = spooled.id();
    return spooled;
  }

  @Override
  public synchronized ImmutableList<SpooledDecision> held(int limit) {
    checkArgument(limit >= 1, "limit must be at least 1: %s", limit);
    return held.stream().limit(limit).collect(ImmutableList.toImmutableList());
  }

  @Override
  public synchronized boolean isEmpty() {
    return held.isEmpty();
  }

  @Override
  public synchronized void replaying(long trailSize) {
    checkArgument(trailSize >= 0, "trailSize must not be negative: %s", trailSize);
    append(ByteBuffer.allocate(1 + Long.BYTES).put(REPLAYING).putLong(trailSize).flip());
    replayingSince = OptionalLong.of(trailSize);
  }

  @Override
  public synchronized OptionalLong replayingSince() {
    return replayingSince;
  }

  @Override
  public synchronized void release(long throughId) {
    checkArgument(throughId <= lastId, "no decision with id %s was held (the last is %s)",
        throughId, lastId);
    if (held.isEmpty() || held.peekFirst().id() > throughId) {
      return;
    }
    append(ByteBuffer.allocate(1 + Long.BYTES).put(RELEASED).putLong(throughId).flip());
    releaseInMemory(throughId);
    if (held.isEmpty()) {
      compact();
    }
  }

  private void releaseInMemory(long throughId) {
    while (!held.isEmpty() && held.peekFirst().id() <= throughId) {
      held.removeFirst();
    }
    if (held.isEmpty()) {
      replayingSince = OptionalLong.empty();
    }
  }

  /** Replaces the file, which holds nothing any more, by one of its name frame alone. */
  private void compact() {
    Path fresh = file.resolveSibling(file.getFileName() + ".compacting");
    try {
      try (FileChannel next = FileChannel.open(fresh, StandardOpenOption.CREATE,
          StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
        writeFully(next, frame(nameFrame(name, lastId + 1)), 0);
        next.force(true);
      }
      Files.move(fresh, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      channel.close();
      channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
    } catch (IOException failure) {
      // The released decisions are released in the old file too; compaction waits for the next time.
      broken = !channel.isOpen();
    }
  }

  /** Writes one frame of {@code payload} at the end of the file and forces it to the device. */
  private void append(ByteBuffer payload) {
    if (broken) {
      throw new StoreUnavailableException("the decision spool at " + file
          + " failed a write it could not undo; open it again");
    }
    ByteBuffer frame = frame(payload);
    long end;
    try {
      end = channel.size();
    } catch (IOException failure) {
      throw unavailable(file, "written", failure);
    }
    try {
      writeFully(channel, frame, end);
      channel.force(true);
    } catch (IOException failure) {
      try {
        channel.truncate(end);
        channel.force(true);
      } catch (IOException undone) {
        broken = true;
      }
      throw unavailable(file, "written", failure);
    }
  }

  /** The frame of {@code payload}: its length, its checksum and itself. */
  private static ByteBuffer frame(ByteBuffer payload) {
    int length = payload.remaining();
    return ByteBuffer.allocate(HEADER_BYTES + length)
        .putInt(length).putInt(crc(payload)).put(payload.duplicate()).flip();
  }

  private static void writeFully(FileChannel channel, ByteBuffer bytes, long at) throws IOException {
    long position = at;
    while (bytes.hasRemaining()) {
      position += channel.write(bytes, position);
    }
  }

  private static ByteBuffer nameFrame(String name, long nextId) {
    byte[] text = name.getBytes(StandardCharsets.UTF_8);
    return ByteBuffer.allocate(1 + Integer.BYTES + text.length + Long.BYTES)
        .put(NAME).putInt(text.length).put(text).putLong(nextId).flip();
  }

  private static int crc(ByteBuffer payload) {
    CRC32C crc = new CRC32C();
    crc.update(payload.duplicate());
    return (int) crc.getValue();
  }

  private static StoreUnavailableException unavailable(Path file, String what, IOException failure) {
    return new StoreUnavailableException("the decision spool at " + file + " could not be " + what
        + ": " + failure.getMessage(), failure);
  }

  /** Closes the file; the spool cannot be used after. */
  @Override
  public synchronized void close() {
    try {
      channel.close();
    } catch (IOException failure) {
      throw unavailable(file, "closed", failure);
    }
  }
}
