package org.irmer.entitlement.core.domain;

/**
 * What is wrong with the first broken link of an audit trail: a stable code, and what it means in
 * plain words (ARCHITECTURE.md, persistence).
 */
public enum TrailDefect {
  /** The checkpoint's signature does not verify with the key given, or another key signed it. */
  BAD_SIGNATURE("the checkpoint's signature does not verify with the key given"),
  /** A record's sequence is not the one after the record before it: records are missing there. */
  SEQUENCE_GAP("records are missing: the sequence skips this number"),
  /** A record's sequence is not above the record before it. */
  OUT_OF_ORDER("the record's sequence is not above the one before it"),
  /** A record's previous hash is not the hash of the record before it. */
  CHAIN_BROKEN("the record's previous hash is not the hash of the record before it: a record"
      + " before it was inserted, removed, moved or re-hashed"),
  /** A record's stored hash is not the hash of its content: its content was altered. */
  CONTENT_ALTERED("the record's hash does not match its content: the content was altered"),
  /** The trail ends before the checkpoint's sequence: it was truncated. */
  MISSING_RECORDS("the trail ends before the checkpoint: records from here on were removed"),
  /**
   * The record at the checkpoint's sequence has another hash than the checkpoint: the trail up to
   * it was rewritten and re-chained with correct hashes.
   */
  CHECKPOINT_MISMATCH("the record at the checkpoint's sequence has another hash than the"
      + " checkpoint: the trail up to it was rewritten and re-chained");

  private final String meaning;

  TrailDefect(String meaning) {
    this.meaning = meaning;
  }

  /** What the code means, in plain words. */
  public String meaning() {
    return meaning;
  }
}
