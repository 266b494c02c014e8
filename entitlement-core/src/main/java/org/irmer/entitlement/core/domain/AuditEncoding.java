package org.irmer.entitlement.core.domain;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;

/**
 * The canonical encoding of an audit trail entry's content, and its SHA-256 (ARCHITECTURE.md,
 * persistence): an unambiguous byte string, so that no two different contents encode alike.
 *
 * <p>Layout, every integer big-endian: a format byte ({@value #FORMAT}); the sequence (8 bytes);
 * the previous hash; the action; the actor, as a byte (1 for the system, 0 for a person) and its
 * id; the instant, as epoch seconds (8 bytes) and nanoseconds (4 bytes); the subject; the result;
 * the number of causes (4 bytes) and each cause; the state before and the state after, each a
 * byte (0 absent, 1 present) followed, when present, by the state; the number of details and each
 * key and value. Every string is its UTF-8 length (4 bytes) followed by its UTF-8 bytes (an
 * unpaired surrogate, which UTF-8 cannot carry, as its three generalised UTF-8 bytes). So a
 * system actor never encodes like a person with the same id, an absent state never like an empty
 * one, and no value can imitate a field boundary.
 *
 * <p>Hashing reuses one buffer and one digest per thread, so that recording a decision allocates
 * little beyond the hash itself.
 */
final class AuditEncoding {

  /** The format byte that starts every encoding; a new layout takes a new value. */
  static final byte FORMAT = 2;

  private static final ThreadLocal<AuditEncoding> PER_THREAD = ThreadLocal.withInitial(AuditEncoding::new);
  private static final byte[] HEX = "0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

  private final MessageDigest digest;
  private byte[] buffer = new byte[512];
  private int length;

  private AuditEncoding() {
    try {
      digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException absent) {
      throw new IllegalStateException("every Java platform provides SHA-256", absent);
    }
  }

  /** The canonical bytes of an entry's content. */
  static byte[] encode(long sequence, AuditEvent event, String previousHash) {
    AuditEncoding encoding = PER_THREAD.get();
    encoding.write(sequence, event, previousHash);
    return Arrays.copyOf(encoding.buffer, encoding.length);
  }

  /** The SHA-256, in lower-case hex, of the canonical bytes of an entry's content. */
  static String sha256(long sequence, AuditEvent event, String previousHash) {
    AuditEncoding encoding = PER_THREAD.get();
    encoding.write(sequence, event, previousHash);
    encoding.digest.update(encoding.buffer, 0, encoding.length);
    byte[] hash = encoding.digest.digest();
    byte[] hex = new byte[hash.length * 2];
    for (int i = 0; i < hash.length; i++) {
      hex[2 * i] = HEX[(hash[i] >> 4) & 0xF];
      hex[2 * i + 1] = HEX[hash[i] & 0xF];
    }
    return new String(hex, java.nio.charset.StandardCharsets.US_ASCII);
  }

  private void write(long sequence, AuditEvent event, String previousHash) {
    length = 0;
    writeByte(FORMAT);
    writeLong(sequence);
    writeString(previousHash);
    writeString(event.action());
    writeByte(event.actor().system() ? 1 : 0);
    writeString(event.actor().id());
    writeLong(event.at().getEpochSecond());
    writeInt(event.at().getNano());
    writeString(event.subject());
    writeString(event.result());
    writeInt(event.causes().size());
    for (String cause : event.causes()) {
      writeString(cause);
    }
    writeOptional(event.stateBefore());
    writeOptional(event.stateAfter());
    writeInt(event.details().size());
    for (Map.Entry<String, String> detail : event.details().entrySet()) {
      writeString(detail.getKey());
      writeString(detail.getValue());
    }
  }

  private void writeOptional(Optional<String> value) {
    writeByte(value.isPresent() ? 1 : 0);
    value.ifPresent(this::writeString);
  }

  /** The string's UTF-8 length, then its UTF-8 bytes, encoded here without a temporary array. */
  private void writeString(String value) {
    int lengthAt = length;
    writeInt(0);
    int start = length;
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c < 0x80) {
        writeByte(c);
      } else if (c < 0x800) {
        writeByte(0xC0 | (c >> 6));
        writeByte(0x80 | (c & 0x3F));
      } else if (Character.isHighSurrogate(c) && i + 1 < value.length()
          && Character.isLowSurrogate(value.charAt(i + 1))) {
        int codePoint = Character.toCodePoint(c, value.charAt(++i));
        writeByte(0xF0 | (codePoint >> 18));
        writeByte(0x80 | ((codePoint >> 12) & 0x3F));
        writeByte(0x80 | ((codePoint >> 6) & 0x3F));
        writeByte(0x80 | (codePoint & 0x3F));
      } else {
        // Three bytes, for an unpaired surrogate too (as WTF-8 writes it), so that no two strings
        // encode alike: String.getBytes would write both "?" and a lone surrogate as "?".
        writeByte(0xE0 | (c >> 12));
        writeByte(0x80 | ((c >> 6) & 0x3F));
        writeByte(0x80 | (c & 0x3F));
      }
    }
    int encoded = length - start;
    buffer[lengthAt] = (byte) (encoded >>> 24);
    buffer[lengthAt + 1] = (byte) (encoded >>> 16);
    buffer[lengthAt + 2] = (byte) (encoded >>> 8);
    buffer[lengthAt + 3] = (byte) encoded;
  }

  private void writeLong(long value) {
    writeInt((int) (value >>> 32));
    writeInt((int) value);
  }

  private void writeInt(int value) {
    writeByte(value >>> 24);
    writeByte(value >>> 16);
    writeByte(value >>> 8);
    writeByte(value);
  }

  private void writeByte(int value) {
    if (length == buffer.length) {
      buffer = Arrays.copyOf(buffer, buffer.length * 2);
    }
    buffer[length++] = (byte) value;
  }
}
