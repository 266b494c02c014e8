package org.irmer.entitlement.core.domain;

import static com.google.common.base.Preconditions.checkNotNull;

import java.util.List;
import java.util.Optional;

/**
 * The outcome of verifying an audit trail: intact, or the first broken link and what is wrong with
 * it (ARCHITECTURE.md, persistence; principle 10 of the 2025 guidance).
 *
 * <p>{@link #verify} walks every record from the first, in order, and at each checks, in this
 * order: that its sequence follows the one before ({@link TrailDefect#SEQUENCE_GAP}, {@link
 * TrailDefect#OUT_OF_ORDER}); that its previous hash is the hash of the record before ({@link
 * TrailDefect#CHAIN_BROKEN}); that its hash is the hash of its content ({@link
 * TrailDefect#CONTENT_ALTERED}); and, at the anchor's sequence, that its hash is the anchor's
 * ({@link TrailDefect#CHECKPOINT_MISMATCH}). A trail that ends before the anchor is {@link
 * TrailDefect#MISSING_RECORDS}. The anchor's signature is checked first ({@link
 * TrailDefect#BAD_SIGNATURE}). The chain alone shows any change to a record; the anchor, kept where
 * the database's writers cannot reach it, shows a truncated tail and a tail re-chained with correct
 * hashes, which the chain alone cannot.
 *
 * @param checked the number of records read and found sound before the first broken link (all of
 *     them when intact)
 * @param anchor the checkpoint verified against, if any
 * @param firstBrokenLink the first broken link, empty when the trail is intact
 */
public record TrailVerification(long checked, Optional<AuditCheckpoint> anchor,
    Optional<BrokenLink> firstBrokenLink) {

  /** How many records {@link #verify} reads at a time. */
  static final int PAGE = 2_000;

  public TrailVerification {
    checkNotNull(anchor, "anchor");
    checkNotNull(firstBrokenLink, "firstBrokenLink");
  }

  /** Whether every link held, and the anchor matched. */
  public boolean intact() {
    return firstBrokenLink.isEmpty();
  }

  /** The records of a trail, read a page at a time as {@code AuditTrail.read} reads them. */
  @FunctionalInterface
  public interface Pages {
    /**
     * Records with sequences from {@code fromSequence} on, at most {@code limit}, in order.
     *
     * @throws UnreadableRecordException when a stored record can no longer be read as an entry
     */
    List<AuditTrailEntry> read(long fromSequence, int limit);
  }

  /**
   * A stored record that no longer reads as an entry (its content was overwritten with something
   * that is not an event), which verification reports as {@link TrailDefect#CONTENT_ALTERED} at
   * its sequence.
   */
  public static final class UnreadableRecordException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final long sequence;

    public UnreadableRecordException(long sequence, String why, Throwable cause) {
      super("record " + sequence + " cannot be read: " + why, cause);
      this.sequence = sequence;
    }

    public long sequence() {
      return sequence;
    }
  }

  /** Verifies the chain of {@code trail} from its first record, without an anchor. */
  public static TrailVerification verify(Pages trail) {
    return walk(trail, Optional.empty());
  }

  /**
   * Verifies {@code trail} against {@code anchor}, whose signature {@code key} must verify.
   * Records appended after the anchor are verified by their chain.
   */
  public static TrailVerification verify(Pages trail, AuditCheckpoint anchor, CheckpointKey key) {
    checkNotNull(anchor, "anchor");
    if (!key.verifies(anchor)) {
      return broken(0, Optional.of(anchor), anchor.sequence(), TrailDefect.BAD_SIGNATURE,
          "the checkpoint at record " + anchor.sequence() + " says it was signed by "
              + anchor.keyId() + " with " + anchor.algorithm() + ", and its signature does not"
              + " verify with " + key.keyId() + " (" + key.algorithm() + ")");
    }
    return walk(trail, Optional.of(anchor));
  }

  private static TrailVerification walk(Pages trail, Optional<AuditCheckpoint> anchor) {
    long expected = 1;
    String previousHash = AuditTrailEntry.GENESIS;
    while (true) {
      List<AuditTrailEntry> page;
      try {
        page = trail.read(expected, PAGE);
      } catch (UnreadableRecordException unreadable) {
        long at = unreadable.sequence();
        return new TrailVerification(expected - 1, anchor, at > expected ? gap(expected, at)
            : link(at, TrailDefect.CONTENT_ALTERED, unreadable.getMessage()));
      }
      if (page.isEmpty()) {
        break;
      }
      for (AuditTrailEntry entry : page) {
        Optional<BrokenLink> broken = check(entry, expected, previousHash, anchor);
        if (broken.isPresent()) {
          return new TrailVerification(expected - 1, anchor, broken);
        }
        previousHash = entry.hash();
        expected++;
      }
    }
    long last = expected - 1;
    if (anchor.isPresent() && last < anchor.get().sequence()) {
      return broken(last, anchor, expected, TrailDefect.MISSING_RECORDS, "the trail ends at record "
          + last + " and the checkpoint covers " + anchor.get().sequence() + " records");
    }
    if (anchor.isPresent() && anchor.get().sequence() == 0
        && !anchor.get().headHash().equals(AuditTrailEntry.GENESIS)) {
      return broken(last, anchor, 0, TrailDefect.CHECKPOINT_MISMATCH,
          "the checkpoint of the empty trail has a head hash other than the genesis hash");
    }
    return new TrailVerification(last, anchor, Optional.empty());
  }

  private static Optional<BrokenLink> check(AuditTrailEntry entry, long expected,
      String previousHash, Optional<AuditCheckpoint> anchor) {
    long sequence = entry.sequence();
    if (sequence > expected) {
      return gap(expected, sequence);
    }
    if (sequence < expected) {
      return link(expected, TrailDefect.OUT_OF_ORDER, "where record " + expected
          + " belongs the trail holds a record numbered " + sequence);
    }
    if (!entry.previousHash().equals(previousHash)) {
      return link(sequence, TrailDefect.CHAIN_BROKEN, "record " + sequence + " names "
          + entry.previousHash() + " as the hash before it, and the record before it has "
          + previousHash);
    }
    if (!entry.isIntact()) {
      return link(sequence, TrailDefect.CONTENT_ALTERED, "record " + sequence + " is stored with"
          + " hash " + entry.hash() + " and its content hashes to "
          + AuditTrailEntry.hashOf(sequence, entry.event(), entry.previousHash()));
    }
    if (anchor.isPresent() && anchor.get().sequence() == sequence
        && !anchor.get().headHash().equals(entry.hash())) {
      return link(sequence, TrailDefect.CHECKPOINT_MISMATCH, "record " + sequence + " has hash "
          + entry.hash() + " and the checkpoint issued at " + anchor.get().issuedAt()
          + " says " + anchor.get().headHash());
    }
    return Optional.empty();
  }

  private static Optional<BrokenLink> gap(long expected, long found) {
    return link(expected, TrailDefect.SEQUENCE_GAP, "after record " + (expected - 1)
        + " the trail goes on at record " + found);
  }

  private static Optional<BrokenLink> link(long sequence, TrailDefect defect, String detail) {
    return Optional.of(new BrokenLink(sequence, defect, defect.meaning() + "; " + detail));
  }

  private static TrailVerification broken(long checked, Optional<AuditCheckpoint> anchor,
      long sequence, TrailDefect defect, String detail) {
    return new TrailVerification(checked, anchor, link(sequence, defect, detail));
  }

  @Override
  public String toString() {
    return firstBrokenLink.map(link -> "broken at " + link)
        .orElse("intact: " + checked + " records" + anchor.map(a -> ", anchored at record "
            + a.sequence() + " by " + a.keyId()).orElse(""));
  }
}
