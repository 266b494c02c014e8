package org.irmer.entitlement.adapter.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.irmer.entitlement.core.port.out.CorruptRecordException;

/**
 * Migration 4.1: fills {@code referral_request} (created by {@code V4}) from the referral
 * decisions already in the audit trail, decoding each record as {@link AuditEventJson} wrote it,
 * so that the index holds every decision recorded before it existed (SCHEMA.md, "Referral
 * requests"). Reads the trail a page at a time by sequence, so its memory does not grow with the
 * trail. A record that no longer decodes stops the migration, naming its sequence: the index must
 * not silently leave a decision out, and the trail's verification is the place to find out why.
 */
final class ReferralRequestBackfill implements JavaMigration {

  private static final int PAGE = 1_000;

  @Override
  public MigrationVersion getVersion() {
    return MigrationVersion.fromVersion("4.1");
  }

  @Override
  public String getDescription() {
    return "referral requests from the audit trail";
  }

  @Override
  public Integer getChecksum() {
    return null;
  }

  @Override
  public boolean canExecuteInTransaction() {
    return true;
  }

  @Override
  public void migrate(Context context) throws SQLException {
    Connection connection = context.getConnection();
    long next = 1;
    List<ReferralRequestIndex.Recorded> page;
    do {
      page = page(connection, next);
      ReferralRequestIndex.insert(connection, page);
      if (!page.isEmpty()) {
        next = page.get(page.size() - 1).sequence() + 1;
      }
    } while (page.size() == PAGE);
  }

  private static List<ReferralRequestIndex.Recorded> page(Connection connection, long from)
      throws SQLException {
    List<ReferralRequestIndex.Recorded> records = new ArrayList<>(PAGE);
    try (PreparedStatement select = connection.prepareStatement("SELECT sequence, event FROM"
        + " audit_trail WHERE sequence >= ? ORDER BY sequence LIMIT " + PAGE)) {
      select.setLong(1, from);
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          long sequence = rows.getLong(1);
          try {
            records.add(new ReferralRequestIndex.Recorded(sequence,
                AuditEventJson.read(rows.getString(2))));
          } catch (CorruptRecordException unreadable) {
            throw new IllegalStateException("audit trail record " + sequence + " could not be"
                + " read to index the referral requests: " + unreadable.getMessage(), unreadable);
          }
        }
      }
    }
    return records;
  }
}
