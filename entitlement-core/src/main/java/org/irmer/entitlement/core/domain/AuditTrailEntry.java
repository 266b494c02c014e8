package org.irmer.entitlement.core.domain;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

/**
 * One link of the append-only, tamper-evident audit trail: the event, its sequence number, the
 * SHA-256 of the previous entry and the SHA-256 of its own canonical content chained to it
 * (ARCHITECTURE.md, persistence). Altering, inserting or removing any entry breaks every later link.
 */
public record AuditTrailEntry(long sequence, AuditEvent event, String previousHash, String hash) {

  /** The previous hash of the first entry. */
  public static final String GENESIS = "0".repeat(64);

  public AuditTrailEntry {
    checkArgument(sequence >= 1, "sequence starts at 1: %s", sequence);
    checkNotNull(event, "event");
    checkArgument(previousHash != null && previousHash.length() == 64, "previousHash is not SHA-256");
    checkArgument(hash != null && hash.length() == 64, "hash is not SHA-256");
  }

  /** The entry that follows {@code previous} (or starts the trail when {@code previous} is null). */
  public static AuditTrailEntry chain(@org.jspecify.annotations.Nullable AuditTrailEntry previous,
      AuditEvent event) {
    long sequence = previous == null ? 1 : previous.sequence + 1;
    String previousHash = previous == null ? GENESIS : previous.hash;
    return new AuditTrailEntry(sequence, event, previousHash, hashOf(sequence, event, previousHash));
  }

  /** Whether the stored hash is the hash of the content and the previous hash. */
  public boolean isIntact() {
    return hash.equals(hashOf(sequence, event, previousHash));
  }

  /** The SHA-256, in lower-case hex, of the canonical content of an entry ({@link #canonical}). */
  public static String hashOf(long sequence, AuditEvent event, String previousHash) {
    return AuditEncoding.sha256(sequence, event, previousHash);
  }

  /**
   * The canonical content of an entry: an unambiguous encoding of the sequence, the previous hash
   * and every field of the event, laid out as {@code AuditEncoding} documents, in which no two
   * different contents encode alike.
   */
  public static byte[] canonical(long sequence, AuditEvent event, String previousHash) {
    return AuditEncoding.encode(sequence, event, previousHash);
  }
}
