package org.irmer.entitlement.core.domain;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.hash.Hashing;
import java.nio.charset.StandardCharsets;
import java.util.Map;

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

  /** The SHA-256, in lower-case hex, of the canonical content of an entry. */
  public static String hashOf(long sequence, AuditEvent event, String previousHash) {
    return Hashing.sha256()
        .hashString(canonical(sequence, event, previousHash), StandardCharsets.UTF_8)
        .toString();
  }

  /**
   * The canonical content: one field a line, in a fixed order, each value escaped so that no
   * value can imitate a field boundary.
   */
  public static String canonical(long sequence, AuditEvent event, String previousHash) {
    StringBuilder out = new StringBuilder(256);
    field(out, "sequence", Long.toString(sequence));
    field(out, "previous", previousHash);
    field(out, "action", event.action());
    field(out, "actor", event.actor().toString());
    field(out, "at", event.at().toString());
    field(out, "subject", event.subject());
    field(out, "result", event.result());
    for (String cause : event.causes()) {
      field(out, "cause", cause);
    }
    field(out, "before", event.stateBefore().orElse(""));
    field(out, "after", event.stateAfter().orElse(""));
    for (Map.Entry<String, String> detail : event.details().entrySet()) {
      field(out, "detail." + escape(detail.getKey()), detail.getValue());
    }
    return out.toString();
  }

  private static void field(StringBuilder out, String name, String value) {
    out.append(name).append('=').append(escape(value)).append('\n');
  }

  private static String escape(String value) {
    return value.replace("\\", "\\\\").replace("\n", "\\n").replace("=", "\\=");
  }
}
