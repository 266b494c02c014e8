package org.irmer.entitlement.adapter.jdbc;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import org.irmer.entitlement.core.port.out.Notification;
import org.irmer.entitlement.core.port.out.NotificationKey;
import org.irmer.entitlement.core.port.out.Notifications;

/**
 * A transactional outbox: each accepted notification is a row of {@code notification_outbox},
 * written in the caller's unit of work, so it exists exactly when the unit commits. The key of a
 * {@link #sendOnce} is kept on its row, unique in the table, for as long as the row is kept, which
 * is for good: the limit holds across every node over the same database, and a key taken in a unit
 * that rolls back goes with its row.
 */
final class JdbcNotifications implements Notifications {

  private final Database database;
  private final String insert;

  JdbcNotifications(Database database) {
    this.database = checkNotNull(database, "database");
    this.insert = "INSERT INTO notification_outbox (notification_key, body) VALUES (?, "
        + database.dialect().jsonParameter() + ")";
  }

  @Override
  public void send(Notification notification) {
    checkNotNull(notification, "notification");
    database.call("accepting a notification", connection -> {
      insert(connection, null, notification);
      return null;
    });
  }

  @Override
  public boolean sendOnce(NotificationKey key, Notification notification) {
    checkNotNull(key, "key");
    checkNotNull(notification, "notification");
    return database.call("accepting a notification once under its key", connection -> {
      if (taken(connection, key)) {
        return false;
      }
      // Another unit may take the key between the check and the insert; its unique key then fails
      // the insert, which on PostgreSQL would abort the caller's whole unit of work but for the
      // savepoint.
      Savepoint beforeInsert = connection.setSavepoint();
      try {
        insert(connection, key.value(), notification);
      } catch (SQLException failure) {
        if (!SqlFailures.isUniqueViolation(failure)) {
          throw failure;
        }
        connection.rollback(beforeInsert);
        return false;
      }
      connection.releaseSavepoint(beforeInsert);
      return true;
    });
  }

  /** Every notification accepted and committed so far, oldest first. */
  ImmutableList<Notification> outbox() {
    return database.call("reading the notification outbox", connection -> {
      try (PreparedStatement select = connection.prepareStatement(
              "SELECT body FROM notification_outbox ORDER BY sequence");
          ResultSet rows = select.executeQuery()) {
        ImmutableList.Builder<Notification> found = ImmutableList.builder();
        while (rows.next()) {
          found.add(DomainJson.read(rows.getString(1), Notification.class));
        }
        return found.build();
      }
    });
  }

  private boolean taken(Connection connection, NotificationKey key) throws SQLException {
    try (PreparedStatement select = connection.prepareStatement(
        "SELECT 1 FROM notification_outbox WHERE notification_key = ?")) {
      select.setString(1, key.value());
      try (ResultSet row = select.executeQuery()) {
        return row.next();
      }
    }
  }

  private void insert(Connection connection, String key, Notification notification)
      throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(insert)) {
      statement.setString(1, key);
      statement.setString(2, DomainJson.write(notification));
      statement.executeUpdate();
    }
  }
}
