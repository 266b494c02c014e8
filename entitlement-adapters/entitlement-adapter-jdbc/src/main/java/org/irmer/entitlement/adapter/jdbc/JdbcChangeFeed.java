package org.irmer.entitlement.adapter.jdbc;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.irmer.entitlement.core.port.out.ChangeFeed;
import org.irmer.entitlement.core.port.out.ChangeKind;
import org.irmer.entitlement.core.port.out.RegisterChange;
import org.irmer.entitlement.core.port.out.StoreUnavailableException;

/**
 * The change feed in {@code change_feed}, numbered by the one row of {@code change_feed_head}.
 *
 * <p>Publishing increments the head row, which locks it until the publishing unit of work ends:
 * publishers are serialized, so a change cannot take a sequence until every change numbered before
 * it has committed or rolled back, and sequences increase in commit order as the {@link ChangeFeed}
 * contract requires. A rolled-back unit's increment is undone with it, so its sequences are issued
 * again. The lock is held from a unit's first publish to its commit. A lifecycle command's stores
 * publish as they write and its audit record is appended last, so a unit that both publishes and
 * appends takes this lock before the trail's head, always in that order; a unit that took them
 * the other way round could deadlock with a command (PostgreSQL would then abort one of them).
 *
 * <p>Listeners are called in the committing thread, once per committed unit, by an after-commit
 * hook of the {@link Database}. Commits made elsewhere are learnt by a {@link ChangeWatcher} on
 * the adapter's own thread: PostgreSQL {@code NOTIFY}, sent by the publishing transaction and
 * delivered at its commit, or polling on H2. The feed remembers the highest sequence whose commit
 * has woken the listeners, so a notification of a commit made here wakes no one a second time:
 * every sequence below it committed before it (commit order), and the listeners woken for it read
 * those too.
 */
final class JdbcChangeFeed implements ChangeFeed {

  /** The PostgreSQL channel of every register's notifications; the payload names the schema. */
  static final String CHANNEL = "entitlement_register_changes";

  private static final String PUBLISH_H2 =
      "SELECT last_sequence FROM FINAL TABLE "
          + "(UPDATE change_feed_head SET last_sequence = last_sequence + 1 WHERE id = 1)";
  /** One round trip: the increment, the change, and the notification its commit delivers. */
  private static final String PUBLISH_POSTGRESQL =
      "WITH next AS (UPDATE change_feed_head SET last_sequence = last_sequence + 1 WHERE id = 1"
          + " RETURNING last_sequence),"
          + " added AS (INSERT INTO change_feed (sequence, kind, subject)"
          + " SELECT last_sequence, ?, ? FROM next RETURNING sequence)"
          + " SELECT sequence, pg_notify('" + CHANNEL + "', CAST(? AS text) || ':' || sequence)"
          + " FROM added";

  private final Database database;
  private final String schema;
  private final ChangeFeed.Listeners listeners = new ChangeFeed.Listeners();
  /** The highest sequence whose commit has woken the listeners. */
  private final AtomicLong woken = new AtomicLong();
  /** One object, so that a unit of work that publishes several changes wakes the listeners once. */
  private final Runnable wakeUp = this::wake;

  /** The feed of the register in {@code schema} (the name PostgreSQL notifications carry). */
  JdbcChangeFeed(Database database, String schema) {
    this.database = checkNotNull(database, "database");
    this.schema = checkNotNull(schema, "schema");
  }

  String schema() {
    return schema;
  }

  @Override
  public long publish(RegisterChange.Pending change) {
    checkNotNull(change, "change");
    return database.call("publishing a change", connection -> {
      long sequence = database.dialect() == Dialect.POSTGRESQL
          ? publishOnPostgresql(connection, change)
          : publishOnH2(connection, change);
      database.afterCommit(() -> woken.accumulateAndGet(sequence, Math::max));
      database.afterCommit(wakeUp);
      return sequence;
    });
  }

  private long publishOnPostgresql(Connection connection, RegisterChange.Pending change)
      throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(PUBLISH_POSTGRESQL)) {
      statement.setString(1, change.kind().name());
      statement.setString(2, change.subject());
      statement.setString(3, schema);
      return single(statement);
    }
  }

  private static long publishOnH2(Connection connection, RegisterChange.Pending change)
      throws SQLException {
    long sequence;
    try (PreparedStatement statement = connection.prepareStatement(PUBLISH_H2)) {
      sequence = single(statement);
    }
    try (PreparedStatement statement = connection.prepareStatement(
        "INSERT INTO change_feed (sequence, kind, subject) VALUES (?, ?, ?)")) {
      statement.setLong(1, sequence);
      statement.setString(2, change.kind().name());
      statement.setString(3, change.subject());
      statement.executeUpdate();
    }
    return sequence;
  }

  private static long single(PreparedStatement statement) throws SQLException {
    try (ResultSet row = statement.executeQuery()) {
      if (!row.next()) {
        throw new SQLException("change_feed_head has lost its row", "02000");
      }
      return row.getLong(1);
    }
  }

  @Override
  public ImmutableList<RegisterChange> changesSince(long sequence, int limit) {
    checkArgument(limit > 0, "limit must be positive: %s", limit);
    return database.call("reading the change feed", connection -> {
      try (PreparedStatement statement = connection.prepareStatement(
          "SELECT sequence, kind, subject FROM change_feed WHERE sequence > ?"
              + " ORDER BY sequence FETCH FIRST ? ROWS ONLY")) {
        statement.setLong(1, sequence);
        statement.setInt(2, limit);
        ImmutableList.Builder<RegisterChange> changes = ImmutableList.builder();
        try (ResultSet rows = statement.executeQuery()) {
          while (rows.next()) {
            changes.add(change(rows));
          }
        }
        return changes.build();
      }
    });
  }

  private static RegisterChange change(ResultSet row) throws SQLException {
    long sequence = row.getLong(1);
    String kind = row.getString(2);
    try {
      return new RegisterChange(sequence, ChangeKind.valueOf(kind), row.getString(3));
    } catch (IllegalArgumentException unknown) {
      throw new StoreUnavailableException(
          "change " + sequence + " of the feed has an unknown kind: " + kind, unknown);
    }
  }

  @Override
  public long lastSequence() {
    return database.call("reading the change feed's last sequence", connection -> {
      try (PreparedStatement statement = connection.prepareStatement(
          "SELECT last_sequence FROM change_feed_head WHERE id = 1")) {
        return single(statement);
      }
    });
  }

  @Override
  public Subscription subscribe(Runnable listener) {
    return listeners.subscribe(listener);
  }

  /**
   * What the watcher learnt: a commit made elsewhere up to {@code sequence}. Wakes the listeners
   * unless a commit of this sequence or a later one has already woken them; whether it woke them.
   */
  boolean committedElsewhere(long sequence) {
    if (woken.getAndAccumulate(sequence, Math::max) < sequence) {
      wake();
      return true;
    }
    return false;
  }

  /**
   * Calls every listener. A listener must not throw (see {@link ChangeFeed}); one that does is not
   * allowed to fail the commit that has already happened, nor to keep the others from being woken.
   */
  void wake() {
    listeners.wake();
  }
}
