package org.irmer.entitlement.adapter.jdbc;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import java.util.stream.Collectors;
import org.irmer.entitlement.core.port.out.ConcurrentChangeException;
import org.irmer.entitlement.core.port.out.DuplicateRecordException;

/**
 * Every version of every record of one kind, in two tables: {@code <name>_version} holds each
 * version (id, version, when it was recorded, the columns it is looked up by, and its body as
 * {@link DomainJson}), never updated; {@code <name>_head} holds the latest version number of each
 * id.
 *
 * <p>A save is one conditional write of the head: an insert for a new record, which fails on a
 * duplicate id with {@link DuplicateRecordException}; otherwise {@code UPDATE ... WHERE version =
 * expected}, which under concurrent writers lets exactly one through and fails the others with
 * {@link ConcurrentChangeException}. The new version's row is written in the same unit of work. A
 * lost update is thus impossible on any isolation level (ARCHITECTURE.md, persistence).
 *
 * <p>When {@code recordedAt} is given, as-of queries pick, for each id, the highest version
 * recorded at or before the instant asked about, to the microsecond ({@link Micros}).
 */
final class VersionedTable<V> {

  /**
   * A column the records are looked up by, and how a record fills it: text, a whole number, or
   * null for none.
   */
  record Column<V>(String name, Function<V, ?> value) {

    /** Binds this column's value for {@code record} to parameter {@code index} of {@code statement}. */
    void bind(PreparedStatement statement, int index, V record) throws SQLException {
      bindValue(statement, index, value.apply(record));
    }

    /** Binds a value of a lookup column, as {@link #bind} would have written it. */
    static void bindValue(PreparedStatement statement, int index, Object value)
        throws SQLException {
      if (value == null) {
        statement.setNull(index, Types.VARCHAR);
      } else if (value instanceof Integer || value instanceof Long) {
        statement.setLong(index, ((Number) value).longValue());
      } else {
        statement.setString(index, (String) value);
      }
    }
  }

  private final Database database;
  private final String name;
  private final String kind;
  private final Class<V> type;
  private final Function<V, String> id;
  private final ToLongFunction<V> version;
  private final BiFunction<V, Long, V> stamp;
  private final Function<V, Instant> recordedAt;
  private final List<Column<V>> columns;
  private final String insertVersion;

  /**
   * @param name the tables' common prefix
   * @param kind what the records are, in errors (for example {@code entitlement})
   * @param stamp the value as stored with the given version (and its instants as the store keeps
   *     them)
   * @param recordedAt when a version was recorded; null for records with no as-of queries
   */
  VersionedTable(Database database, String name, String kind, Class<V> type, Function<V, String> id,
      ToLongFunction<V> version, BiFunction<V, Long, V> stamp, Function<V, Instant> recordedAt,
      List<Column<V>> columns) {
    this.database = checkNotNull(database, "database");
    this.name = checkNotNull(name, "name");
    this.kind = checkNotNull(kind, "kind");
    this.type = checkNotNull(type, "type");
    this.id = checkNotNull(id, "id");
    this.version = checkNotNull(version, "version");
    this.stamp = checkNotNull(stamp, "stamp");
    this.recordedAt = recordedAt;
    this.columns = ImmutableList.copyOf(columns);
    String extra = this.columns.stream().map(column -> ", " + column.name()).collect(Collectors.joining());
    String marks = this.columns.stream().map(column -> ", ?").collect(Collectors.joining());
    this.insertVersion = "INSERT INTO " + name + "_version (id, version, recorded_at_us" + extra
        + ", body) VALUES (?, ?, ?" + marks + ", " + database.dialect().jsonParameter() + ")";
  }

  /**
   * Saves {@code value} as the version after {@code expectedVersion} and returns it as stored.
   *
   * @throws DuplicateRecordException when {@code expectedVersion} is 0 and the id is taken
   * @throws ConcurrentChangeException when {@code expectedVersion} is not the latest version
   */
  V save(V value, long expectedVersion) {
    checkNotNull(value, kind);
    String key = id.apply(value);
    checkArgument(expectedVersion >= 0, "the expected version of %s %s is negative: %s", kind, key,
        expectedVersion);
    V stored = stamp.apply(value, expectedVersion + 1);
    return database.call("saving " + kind + " " + key, connection -> {
      if (expectedVersion == 0) {
        insertHead(connection, key);
      } else {
        updateHead(connection, key, expectedVersion);
      }
      try (PreparedStatement insert = connection.prepareStatement(insertVersion)) {
        int index = 1;
        insert.setString(index++, key);
        insert.setLong(index++, expectedVersion + 1);
        insert.setLong(index++, recordedAt == null ? 0 : Micros.of(recordedAt.apply(stored)));
        for (Column<V> column : columns) {
          column.bind(insert, index++, stored);
        }
        insert.setString(index, DomainJson.write(stored));
        insert.executeUpdate();
      }
      return stored;
    });
  }

  private void insertHead(Connection connection, String key) throws SQLException {
    // The existence check spares the usual duplicate a failed statement, which would abort the
    // whole transaction on PostgreSQL; the unique key still decides a race.
    if (latestVersion(connection, key) != 0) {
      throw new DuplicateRecordException(kind + " " + key);
    }
    try (PreparedStatement insert =
        connection.prepareStatement("INSERT INTO " + name + "_head (id, version) VALUES (?, 1)")) {
      insert.setString(1, key);
      insert.executeUpdate();
    } catch (SQLException failure) {
      if (SqlFailures.isUniqueViolation(failure)) {
        throw new DuplicateRecordException(kind + " " + key);
      }
      throw failure;
    }
  }

  private void updateHead(Connection connection, String key, long expectedVersion)
      throws SQLException {
    try (PreparedStatement update = connection.prepareStatement(
        "UPDATE " + name + "_head SET version = ? WHERE id = ? AND version = ?")) {
      update.setLong(1, expectedVersion + 1);
      update.setString(2, key);
      update.setLong(3, expectedVersion);
      if (update.executeUpdate() == 1) {
        return;
      }
    }
    throw new ConcurrentChangeException(kind + " " + key, expectedVersion,
        latestVersion(connection, key));
  }

  private long latestVersion(Connection connection, String key) throws SQLException {
    try (PreparedStatement select =
        connection.prepareStatement("SELECT version FROM " + name + "_head WHERE id = ?")) {
      select.setString(1, key);
      try (ResultSet row = select.executeQuery()) {
        return row.next() ? row.getLong(1) : 0;
      }
    }
  }

  /** The latest version of {@code key}; empty when unknown. */
  Optional<V> latest(String key) {
    return query("reading " + kind + " " + key,
        "SELECT v.body FROM " + name + "_version v JOIN " + name + "_head h"
            + " ON h.id = v.id AND h.version = v.version WHERE v.id = ?", key)
        .stream().findFirst();
  }

  /** Every version of {@code key}, oldest first. */
  ImmutableList<V> history(String key) {
    return query("reading the history of " + kind + " " + key,
        "SELECT body FROM " + name + "_version WHERE id = ? ORDER BY version", key);
  }

  /** The latest version of every record, sorted by id. */
  ImmutableList<V> latestAll() {
    return query("reading every " + kind,
        "SELECT v.body FROM " + name + "_version v JOIN " + name + "_head h"
            + " ON h.id = v.id AND h.version = v.version ORDER BY v.id");
  }

  /** The latest version of every record whose latest version has {@code value} in {@code column}. */
  ImmutableList<V> latestWhere(Column<V> column, String value) {
    return query("reading " + kind + " by " + column.name(),
        "SELECT v.body FROM " + name + "_version v JOIN " + name + "_head h"
            + " ON h.id = v.id AND h.version = v.version WHERE v." + column.name() + " = ?"
            + " ORDER BY v.id", value);
  }

  /**
   * The latest version of every record whose latest version meets {@code condition}, SQL over the
   * version's columns as {@code v.<column>} with a {@code ?} for each of {@code parameters},
   * sorted by {@code order} (SQL over the same columns). For lookups by several columns at once;
   * the callers' SQL is fixed text, the values are always bound.
   */
  ImmutableList<V> latestMatching(String what, String condition, String order,
      List<?> parameters) {
    return query("reading " + kind + " " + what,
        "SELECT v.body FROM " + name + "_version v JOIN " + name + "_head h"
            + " ON h.id = v.id AND h.version = v.version WHERE " + condition + " ORDER BY " + order,
        parameters.toArray());
  }

  /** How many records' latest version meets {@code condition}, as {@link #latestMatching} reads it. */
  int countMatching(String what, String condition, List<?> parameters) {
    return database.call("counting " + kind + " " + what, connection -> {
      try (PreparedStatement select = connection.prepareStatement(
          "SELECT COUNT(*) FROM " + name + "_version v JOIN " + name + "_head h"
              + " ON h.id = v.id AND h.version = v.version WHERE " + condition)) {
        for (int i = 0; i < parameters.size(); i++) {
          select.setObject(i + 1, parameters.get(i));
        }
        try (ResultSet row = select.executeQuery()) {
          row.next();
          return row.getInt(1);
        }
      }
    });
  }

  /**
   * For each record, the version in force at {@code instant} (the highest recorded at or before
   * it), when that version has {@code value} in {@code column}; sorted by id.
   */
  ImmutableList<V> asOfWhere(Column<V> column, String value, Instant instant) {
    checkArgument(recordedAt != null, "%s records have no as-of queries", kind);
    return query("reading " + kind + " by " + column.name() + " as of " + instant,
        "SELECT v.body FROM " + name + "_version v WHERE v." + column.name() + " = ?"
            + " AND v.version = (SELECT MAX(w.version) FROM " + name + "_version w"
            + " WHERE w.id = v.id AND w.recorded_at_us <= ?) ORDER BY v.id",
        value, Micros.atOrBefore(instant));
  }

  private ImmutableList<V> query(String what, String sql, Object... parameters) {
    return database.call(what, connection -> {
      try (PreparedStatement select = connection.prepareStatement(sql)) {
        for (int i = 0; i < parameters.length; i++) {
          select.setObject(i + 1, parameters[i]);
        }
        ImmutableList.Builder<V> found = ImmutableList.builder();
        try (ResultSet rows = select.executeQuery()) {
          while (rows.next()) {
            found.add(DomainJson.read(rows.getString(1), type));
          }
        }
        return found.build();
      }
    });
  }
}
