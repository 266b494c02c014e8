package org.irmer.entitlement.adapter.jdbc;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;
import static com.google.common.base.Preconditions.checkState;

import com.google.common.collect.ImmutableList;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.irmer.entitlement.core.domain.AuditCheckpoint;
import org.irmer.entitlement.core.domain.AuditEvent;
import org.irmer.entitlement.core.domain.AuditTrailEntry;
import org.irmer.entitlement.core.domain.BrokenLink;
import org.irmer.entitlement.core.domain.CheckpointAlgorithm;
import org.irmer.entitlement.core.domain.CheckpointKey;
import org.irmer.entitlement.core.domain.CheckpointSchedule;
import org.irmer.entitlement.core.domain.TrailVerification;
import org.irmer.entitlement.core.domain.TrailVerification.UnreadableRecordException;
import org.irmer.entitlement.core.port.out.AuditCheckpoints;
import org.irmer.entitlement.core.port.out.AuditTrail;
import org.irmer.entitlement.core.port.out.CorruptRecordException;

/**
 * The audit trail in {@code audit_trail} and its signed checkpoints in {@code audit_checkpoint}
 * (SCHEMA.md, "Audit trail").
 *
 * <p>The first append or checkpoint of a unit of work locks the single row of {@code
 * audit_trail_head} ({@code FOR UPDATE}, or on H2 by a no-op update: {@link
 * Dialect#locksRowsByUpdate}), which holds the sequence and hash of the last record:
 * appends from every thread and every node sharing the database take their turn on that row until
 * their unit of work ends, so each record chains to the one committed before it. The unit keeps the
 * head it locked ({@link Database#state}) and moves it past each record it appends; its records are
 * inserted in one batch and the head row updated once, before it commits ({@link
 * Database#beforeCommit}), and before any read of the trail in the same unit, which so sees its
 * own records. The referral decisions among them are indexed in {@code referral_request} in the
 * same write, for {@link JdbcReferralActivity}. The sequence is the head's plus one, written in the same unit of work, so a unit
 * rolled back leaves no gap and nothing of its head: the next unit locks the row again and takes
 * its sequences. A checkpoint the schedule makes due is issued in the append's unit of work and
 * goes with it if it rolls back.
 *
 * <p>Events are kept as the domain's JSON (written and read by {@link AuditEventJson}, as {@link
 * DomainJson} would), which holds their instants to the nanosecond, so the hash recomputed from a
 * stored record is the hash it was appended with. Checkpoint instants are kept to the microsecond.
 */
final class JdbcAuditTrail implements AuditTrail, AuditCheckpoints {

  private final Database database;
  private final Optional<CheckpointKey> key;
  private final CheckpointSchedule schedule;
  private final Clock clock;
  private final String insertEntry;

  /** What a unit of work has appended and not yet written, shared by every trail on its database. */
  private static final Database.Key<Pending> PENDING = new Database.Key<>(Pending.class);

  JdbcAuditTrail(Database database, Optional<CheckpointKey> key, CheckpointSchedule schedule,
      Clock clock) {
    this.database = checkNotNull(database, "database");
    this.key = checkNotNull(key, "key");
    this.schedule = checkNotNull(schedule, "schedule");
    this.clock = checkNotNull(clock, "clock");
    checkArgument(key.map(CheckpointKey::canSign).orElse(false)
        || schedule.equals(CheckpointSchedule.onDemand()),
        "a checkpoint schedule needs a checkpoint key that can sign");
    this.insertEntry = "INSERT INTO audit_trail (sequence, previous_hash, hash, event)"
        + " VALUES (?, ?, ?, " + database.dialect().jsonParameter() + ")";
  }

  @Override
  public AuditTrailEntry append(AuditEvent event) {
    checkNotNull(event, "event");
    return database.call("appending to the audit trail", connection -> {
      Pending pending = pending(connection);
      Head head = pending.head;
      long sequence = head.sequence + 1;
      AuditTrailEntry entry = new AuditTrailEntry(sequence, event, head.hash,
          AuditTrailEntry.hashOf(sequence, event, head.hash));
      Head appended = head.withRecord(sequence, entry.hash());
      Instant now = clock.instant();
      if (schedule.isDue(sequence, head.checkpointSequence, head.checkpointIssuedAt, now)) {
        appended = checkpoint(connection, appended, now).head;
      }
      pending.entries.add(entry);
      pending.head = appended;
      return entry;
    });
  }

  /**
   * The calling unit of work's appends not yet written, with the head as they leave it. The first
   * call in a unit locks the head row and arranges for the appends and the head to be written
   * before the unit commits.
   */
  private Pending pending(Connection connection) throws SQLException {
    Pending pending = database.state(PENDING, () -> new Pending(insertEntry));
    if (pending.head == null) {
      pending.head = lockHead(connection);
      pending.written = pending.head;
      database.beforeCommit("writing the audit trail", pending::write);
    }
    return pending;
  }

  /**
   * Writes the calling unit of work's appends, so that a read of the trail, or of the referral
   * requests indexed from it, in the same unit sees them.
   */
  void flush(Connection connection) throws SQLException {
    database.state(PENDING, () -> new Pending(insertEntry)).write(connection);
  }

  /**
   * {@inheritDoc}
   *
   * @throws CorruptRecordException when a stored record no longer reads as an entry
   */
  @Override
  public ImmutableList<AuditTrailEntry> read(long fromSequence, int limit) {
    checkArgument(fromSequence >= 1, "sequences start at 1: %s", fromSequence);
    checkArgument(limit >= 0, "limit must not be negative: %s", limit);
    return page(fromSequence, limit, false);
  }

  /**
   * Reads entries in order. An entry that no longer reads is a {@link CorruptRecordException} for
   * the port; for verification, it ends the page before it, or, first in the page, is an {@link
   * UnreadableRecordException} that verification names as altered content.
   */
  private ImmutableList<AuditTrailEntry> page(long fromSequence, int limit, boolean verifying) {
    if (limit == 0) {
      return ImmutableList.of();
    }
    return database.reading(() -> database.call("reading the audit trail", connection -> {
      flush(connection);
      try (PreparedStatement select = connection.prepareStatement("SELECT sequence, previous_hash,"
          + " hash, event FROM audit_trail WHERE sequence >= ? ORDER BY sequence LIMIT ?")) {
        select.setLong(1, fromSequence);
        select.setInt(2, limit);
        ImmutableList.Builder<AuditTrailEntry> entries = ImmutableList.builder();
        boolean any = false;
        try (ResultSet rows = select.executeQuery()) {
          while (rows.next()) {
            long sequence = rows.getLong(1);
            try {
              entries.add(entry(sequence, rows));
              any = true;
            } catch (CorruptRecordException unreadable) {
              if (!verifying) {
                throw unreadable;
              }
              if (!any) {
                throw new UnreadableRecordException(sequence, unreadable.getMessage(), unreadable);
              }
              break;
            }
          }
        }
        return entries.build();
      }
    }));
  }

  private static AuditTrailEntry entry(long sequence, ResultSet row) throws SQLException {
    AuditEvent event = AuditEventJson.read(row.getString(4));
    try {
      return new AuditTrailEntry(sequence, event, row.getString(2), row.getString(3));
    } catch (IllegalArgumentException malformed) {
      throw new CorruptRecordException("audit trail record " + sequence + " is malformed: "
          + malformed.getMessage(), malformed);
    }
  }

  /** The head's sequence: the trail is numbered from 1 without gaps. */
  @Override
  public long size() {
    return database.reading(() -> database.call("counting the audit trail", connection -> {
      flush(connection);
      try (PreparedStatement select =
              connection.prepareStatement("SELECT sequence FROM audit_trail_head WHERE id = 1");
          ResultSet row = select.executeQuery()) {
        return row.next() ? row.getLong(1) : 0;
      }
    }));
  }

  @Override
  public AuditCheckpoint issue() {
    checkState(key.map(CheckpointKey::canSign).orElse(false),
        "the register was opened without a checkpoint key that can sign");
    return database.call("issuing an audit checkpoint", connection -> {
      Pending pending = pending(connection);
      Issued issued = checkpoint(connection, pending.head, clock.instant());
      pending.head = issued.head;
      return issued.checkpoint;
    });
  }

  /**
   * Issues a checkpoint when the head is ahead of the last one and {@code interval} has passed
   * since it, for the register's timer: a quiet trail's last records get anchored too.
   */
  void issueIfBehind(Duration interval) {
    database.call("issuing a scheduled audit checkpoint", connection -> {
      Pending pending = pending(connection);
      Head head = pending.head;
      Instant now = clock.instant();
      if (head.sequence > head.checkpointSequence && head.checkpointIssuedAt
          .map(at -> !now.isBefore(at.plus(interval))).orElse(true)) {
        pending.head = checkpoint(connection, head, now).head;
      }
      return null;
    });
  }

  private Issued checkpoint(Connection connection, Head head, Instant now) throws SQLException {
    AuditCheckpoint checkpoint = key.orElseThrow()
        .sign(head.sequence, head.hash, now.truncatedTo(ChronoUnit.MICROS));
    long number = head.checkpointNumber + 1;
    try (PreparedStatement insert = connection.prepareStatement("INSERT INTO audit_checkpoint"
        + " (number, sequence, head_hash, issued_at_us, algorithm, key_id, signature)"
        + " VALUES (?, ?, ?, ?, ?, ?, ?)")) {
      insert.setLong(1, number);
      insert.setLong(2, checkpoint.sequence());
      insert.setString(3, checkpoint.headHash());
      insert.setLong(4, Micros.of(checkpoint.issuedAt()));
      insert.setString(5, checkpoint.algorithm().name());
      insert.setString(6, checkpoint.keyId());
      insert.setString(7, checkpoint.signature());
      insert.executeUpdate();
    }
    return new Issued(checkpoint, new Head(head.sequence, head.hash, number, checkpoint.sequence(),
        Optional.of(checkpoint.issuedAt())));
  }

  @Override
  public ImmutableList<AuditCheckpoint> issued() {
    return checkpoints("SELECT sequence, head_hash, issued_at_us, algorithm, key_id, signature"
        + " FROM audit_checkpoint ORDER BY number");
  }

  @Override
  public Optional<AuditCheckpoint> latest() {
    return checkpoints("SELECT sequence, head_hash, issued_at_us, algorithm, key_id, signature"
        + " FROM audit_checkpoint ORDER BY number DESC LIMIT 1").stream().findFirst();
  }

  private ImmutableList<AuditCheckpoint> checkpoints(String sql) {
    return database.reading(() -> database.call("reading the audit checkpoints", connection -> {
      ImmutableList.Builder<AuditCheckpoint> checkpoints = ImmutableList.builder();
      try (PreparedStatement select = connection.prepareStatement(sql);
          ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          checkpoints.add(new AuditCheckpoint(rows.getLong(1), rows.getString(2),
              instant(rows.getLong(3)), rows.getString(5),
              CheckpointAlgorithm.valueOf(rows.getString(4)), rows.getString(6)));
        }
      }
      return checkpoints.build();
    }));
  }

  /** Verifies the trail as one consistent snapshot of the database. */
  @Override
  public TrailVerification verify(AuditCheckpoint anchor) {
    CheckpointKey verifier = key.orElseThrow(() -> new IllegalStateException(
        "the register was opened without a checkpoint key to verify with"));
    return database.reading(() -> TrailVerification.verify(verifying(), anchor, verifier));
  }

  /** The chain from the first record, as one consistent snapshot; an unreadable record is broken. */
  @Override
  public Optional<Long> firstBrokenLink() {
    return database.reading(() -> TrailVerification.verify(verifying()).firstBrokenLink()
        .map(BrokenLink::sequence));
  }

  private TrailVerification.Pages verifying() {
    return (from, limit) -> page(from, limit, true);
  }

  private Head lockHead(Connection connection) throws SQLException {
    String read = "SELECT sequence, hash, checkpoint_number, checkpoint_sequence,"
        + " checkpoint_issued_at_us FROM audit_trail_head WHERE id = 1";
    if (database.dialect().locksRowsByUpdate()) {
      try (PreparedStatement lock = connection.prepareStatement(
          "UPDATE audit_trail_head SET sequence = sequence WHERE id = 1")) {
        if (lock.executeUpdate() != 1) {
          throw new SQLException("the audit trail's head row is missing");
        }
      }
    } else {
      read += " FOR UPDATE";
    }
    try (PreparedStatement select = connection.prepareStatement(read);
        ResultSet row = select.executeQuery()) {
      if (!row.next()) {
        throw new SQLException("the audit trail's head row is missing");
      }
      long issuedAt = row.getLong(5);
      return new Head(row.getLong(1), row.getString(2), row.getLong(3), row.getLong(4),
          row.wasNull() ? Optional.empty() : Optional.of(instant(issuedAt)));
    }
  }

  private static void writeHead(Connection connection, Head head) throws SQLException {
    try (PreparedStatement update = connection.prepareStatement("UPDATE audit_trail_head SET"
        + " sequence = ?, hash = ?, checkpoint_number = ?, checkpoint_sequence = ?,"
        + " checkpoint_issued_at_us = ? WHERE id = 1")) {
      update.setLong(1, head.sequence);
      update.setString(2, head.hash);
      update.setLong(3, head.checkpointNumber);
      update.setLong(4, head.checkpointSequence);
      update.setObject(5, head.checkpointIssuedAt.map(Micros::of).orElse(null),
          Types.BIGINT);
      update.executeUpdate();
    }
  }

  private static Instant instant(long micros) {
    return Instant.EPOCH.plus(micros, ChronoUnit.MICROS);
  }

  /** The head row: the last record, and the checkpoint issued last. */
  private record Head(long sequence, String hash, long checkpointNumber, long checkpointSequence,
      Optional<Instant> checkpointIssuedAt) {
    Head withRecord(long newSequence, String newHash) {
      return new Head(newSequence, newHash, checkpointNumber, checkpointSequence,
          checkpointIssuedAt);
    }
  }

  private record Issued(AuditCheckpoint checkpoint, Head head) {}

  /**
   * A unit of work's view of the trail: the head it has locked, as its appends and checkpoints have
   * moved it, the records appended since the last write, and the head as last written. Held by the
   * unit ({@link Database#state}) and gone with it, so a unit rolled back leaves nothing behind.
   */
  private static final class Pending {
    private final String insertEntry;
    private final List<AuditTrailEntry> entries = new ArrayList<>();
    /** The head as the unit's appends leave it; null until the unit has locked it. */
    private Head head;
    /** The head as the row holds it in this unit; null until the unit has locked it. */
    private Head written;

    Pending(String insertEntry) {
      this.insertEntry = insertEntry;
    }

    /**
     * Inserts the records appended since the last write, as one batch, and the referral requests
     * among them into their index ({@link ReferralRequestIndex}), then updates the head.
     */
    void write(Connection connection) throws SQLException {
      if (!entries.isEmpty()) {
        try (PreparedStatement insert = connection.prepareStatement(insertEntry)) {
          for (AuditTrailEntry entry : entries) {
            insert.setLong(1, entry.sequence());
            insert.setString(2, entry.previousHash());
            insert.setString(3, entry.hash());
            insert.setString(4, AuditEventJson.write(entry.event()));
            insert.addBatch();
          }
          insert.executeBatch();
        }
        ReferralRequestIndex.insert(connection, entries.stream()
            .map(entry -> new ReferralRequestIndex.Recorded(entry.sequence(), entry.event()))
            .toList());
        entries.clear();
      }
      if (head != null && !head.equals(written)) {
        writeHead(connection, head);
        written = head;
      }
    }
  }
}
