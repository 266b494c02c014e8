package org.irmer.entitlement.core.domain;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.base.Splitter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.List;

/**
 * A signed statement of the audit trail's head: the sequence of its last record, that record's
 * hash, when it was issued and by which key. Kept outside the database (exported one per line, see
 * {@link #line()}), a checkpoint anchors the trail: a tail truncated, or re-chained with correct
 * hashes by someone who can write to the database but does not hold the key, no longer matches it
 * (ARCHITECTURE.md, persistence; principle 10 of the 2025 guidance, retrospective audit).
 *
 * <p>A checkpoint at sequence 0 anchors the empty trail; its head hash is {@link
 * AuditTrailEntry#GENESIS}.
 *
 * @param sequence the sequence of the last record covered, 0 for an empty trail
 * @param headHash the SHA-256 (lower-case hex) of that record
 * @param issuedAt when the checkpoint was issued
 * @param keyId the id of the key that signed it: letters, digits, {@code .}, {@code _}, {@code -}
 * @param algorithm how it was signed
 * @param signature the signature of {@link #signedContent()}, in base64
 */
public record AuditCheckpoint(long sequence, String headHash, Instant issuedAt, String keyId,
    CheckpointAlgorithm algorithm, String signature) {

  /** The first word of every exported line; a new form takes a new word. */
  public static final String LINE_FORMAT = "audit-checkpoint/1";

  private static final String KEY_ID = "[A-Za-z0-9._-]{1,64}";
  private static final String HEX_64 = "[0-9a-f]{64}";

  public AuditCheckpoint {
    checkArgument(sequence >= 0, "a checkpoint's sequence is not negative: %s", sequence);
    checkArgument(headHash != null && headHash.matches(HEX_64),
        "a checkpoint's head hash is a lower-case SHA-256: %s", headHash);
    checkNotNull(issuedAt, "issuedAt");
    checkArgument(keyId != null && keyId.matches(KEY_ID),
        "a key id is 1 to 64 letters, digits, '.', '_' or '-': %s", keyId);
    checkNotNull(algorithm, "algorithm");
    checkArgument(signature != null && !signature.isEmpty() && isBase64(signature),
        "a checkpoint's signature is base64: %s", signature);
  }

  /**
   * The bytes the signature covers: the line format, the sequence, the head hash, the instant, the
   * key id and the algorithm, each on a line of its own. No field may hold a line break, so no two
   * checkpoints sign alike.
   */
  public byte[] signedContent() {
    return signedContent(sequence, headHash, issuedAt, keyId, algorithm);
  }

  static byte[] signedContent(long sequence, String headHash, Instant issuedAt, String keyId,
      CheckpointAlgorithm algorithm) {
    return String.join("\n", LINE_FORMAT, Long.toString(sequence), headHash, issuedAt.toString(),
        keyId, algorithm.name()).getBytes(StandardCharsets.US_ASCII);
  }

  /**
   * The checkpoint as one line of text, stable across versions of the library: {@value
   * #LINE_FORMAT}, the sequence, the head hash, the instant (ISO-8601, UTC), the algorithm, the key
   * id and the signature, separated by single spaces. {@link #parse} reads it back.
   */
  public String line() {
    return String.join(" ", LINE_FORMAT, Long.toString(sequence), headHash, issuedAt.toString(),
        algorithm.name(), keyId, signature);
  }

  /**
   * The checkpoint written as {@link #line()} (surrounding white space ignored).
   *
   * @throws IllegalArgumentException when {@code line} is not a checkpoint's line
   */
  public static AuditCheckpoint parse(String line) {
    List<String> fields = Splitter.on(' ').splitToList(line.strip());
    checkArgument(fields.size() == 7 && fields.get(0).equals(LINE_FORMAT),
        "not an audit checkpoint line (%s, then 6 fields): %s", LINE_FORMAT, line);
    try {
      return new AuditCheckpoint(Long.parseLong(fields.get(1)), fields.get(2),
          Instant.parse(fields.get(3)), fields.get(5), CheckpointAlgorithm.valueOf(fields.get(4)),
          fields.get(6));
    } catch (DateTimeParseException | IllegalArgumentException malformed) {
      throw new IllegalArgumentException(
          "not an audit checkpoint line (" + malformed.getMessage() + "): " + line, malformed);
    }
  }

  @Override
  public String toString() {
    return line();
  }

  private static boolean isBase64(String text) {
    try {
      Base64.getDecoder().decode(text);
      return true;
    } catch (IllegalArgumentException notBase64) {
      return false;
    }
  }
}
