package org.irmer.entitlement.adapter.jdbc;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.irmer.entitlement.adapter.jdbc.VersionedTable.Column;
import org.irmer.entitlement.core.port.out.DuplicateRecordException;

/**
 * Records of one kind that are added once and never changed, in one table {@code <name>}: the
 * columns of the record's key (its primary key), the columns it is looked up by, and its body as
 * {@link DomainJson}. Rows are only ever inserted.
 *
 * <p>An add whose key is already stored fails with {@link DuplicateRecordException} and writes
 * nothing; of several adds racing with one key, the primary key lets exactly one through. Listings
 * are sorted in the order the store's port states, applied to what the query returns.
 */
final class AppendOnlyTable<V> {

  private final Database database;
  private final String name;
  private final String kind;
  private final Class<V> type;
  private final List<Column<V>> key;
  private final List<Column<V>> columns;
  private final UnaryOperator<V> stored;
  private final Comparator<V> order;
  private final String insert;
  private final String keyMatch;

  /**
   * @param name the table
   * @param kind what the records are, in errors (for example {@code training record})
   * @param key the columns of the primary key, the first of which names the record in errors
   * @param columns the further columns the records are looked up by
   * @param stored the record as the store keeps it (its instants to the microsecond)
   * @param order the order of every listing
   */
  AppendOnlyTable(Database database, String name, String kind, Class<V> type, List<Column<V>> key,
      List<Column<V>> columns, UnaryOperator<V> stored, Comparator<V> order) {
    this.database = checkNotNull(database, "database");
    this.name = checkNotNull(name, "name");
    this.kind = checkNotNull(kind, "kind");
    this.type = checkNotNull(type, "type");
    this.key = ImmutableList.copyOf(key);
    checkArgument(!this.key.isEmpty(), "a table of %s needs a key", kind);
    this.columns = ImmutableList.copyOf(columns);
    this.stored = checkNotNull(stored, "stored");
    this.order = checkNotNull(order, "order");
    List<Column<V>> all = Stream.concat(this.key.stream(), this.columns.stream()).toList();
    this.insert = "INSERT INTO " + name + " ("
        + all.stream().map(column -> column.name() + ", ").collect(Collectors.joining())
        + "body) VALUES (" + all.stream().map(column -> "?, ").collect(Collectors.joining())
        + database.dialect().jsonParameter() + ")";
    this.keyMatch = matching(this.key);
  }

  /**
   * Adds {@code value} and returns it as stored.
   *
   * @throws DuplicateRecordException when a record with its key is already stored
   */
  V add(V value) {
    checkNotNull(value, kind);
    V record = stored.apply(value);
    String named = kind + " " + describe(record);
    return database.call("adding " + named, connection -> {
      // The existence check spares the usual duplicate a failed statement, which would abort the
      // whole transaction on PostgreSQL; the primary key still decides a race.
      if (exists(connection, record)) {
        throw new DuplicateRecordException(named);
      }
      try (PreparedStatement statement = connection.prepareStatement(insert)) {
        int index = 1;
        for (Column<V> column : key) {
          column.bind(statement, index++, record);
        }
        for (Column<V> column : columns) {
          column.bind(statement, index++, record);
        }
        statement.setString(index, DomainJson.write(record));
        statement.executeUpdate();
      } catch (SQLException failure) {
        if (SqlFailures.isUniqueViolation(failure)) {
          throw new DuplicateRecordException(named);
        }
        throw failure;
      }
      return record;
    });
  }

  /** The record whose key columns hold {@code keyValues}, in the key's order; empty when none. */
  Optional<V> find(Object... keyValues) {
    checkArgument(keyValues.length == key.size(), "the key of %s has %s columns", kind, key.size());
    return select("reading " + kind, keyMatch, keyValues).stream().findFirst();
  }

  /** Every record whose {@code match} columns hold {@code values}, in the table's order. */
  ImmutableList<V> where(List<Column<V>> match, Object... values) {
    checkArgument(match.size() == values.length, "%s columns, %s values", match.size(),
        values.length);
    return select("reading " + kind + " by " + match.stream().map(Column::name)
        .collect(Collectors.joining(", ")), matching(match), values);
  }

  /** Every record, in the table's order. */
  ImmutableList<V> all() {
    return select("reading every " + kind, "", new Object[0]);
  }

  private boolean exists(Connection connection, V record) throws SQLException {
    try (PreparedStatement select =
        connection.prepareStatement("SELECT 1 FROM " + name + keyMatch)) {
      int index = 1;
      for (Column<V> column : key) {
        column.bind(select, index++, record);
      }
      try (ResultSet row = select.executeQuery()) {
        return row.next();
      }
    }
  }

  private ImmutableList<V> select(String what, String where, Object[] values) {
    return database.call(what, connection -> {
      try (PreparedStatement select =
          connection.prepareStatement("SELECT body FROM " + name + where)) {
        for (int i = 0; i < values.length; i++) {
          Column.bindValue(select, i + 1, values[i]);
        }
        try (ResultSet rows = select.executeQuery()) {
          ImmutableList.Builder<V> found = ImmutableList.builder();
          while (rows.next()) {
            found.add(DomainJson.read(rows.getString(1), type));
          }
          return found.build().stream().sorted(order).collect(ImmutableList.toImmutableList());
        }
      }
    });
  }

  private String describe(V record) {
    return key.stream().map(column -> String.valueOf(column.value().apply(record)))
        .collect(Collectors.joining(" version "));
  }

  private static <V> String matching(List<Column<V>> match) {
    return match.isEmpty() ? "" : " WHERE " + match.stream().map(column -> column.name() + " = ?")
        .collect(Collectors.joining(" AND "));
  }
}
