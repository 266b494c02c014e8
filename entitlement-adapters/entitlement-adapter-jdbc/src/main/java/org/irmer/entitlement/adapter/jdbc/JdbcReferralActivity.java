package org.irmer.entitlement.adapter.jdbc;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import org.irmer.entitlement.core.domain.EmployerId;
import org.irmer.entitlement.core.domain.PersonId;
import org.irmer.entitlement.core.domain.ReferralCount;
import org.irmer.entitlement.core.port.out.ReferralActivity;

/**
 * A referrer's requests at an employer counted from {@code referral_request}, the index of the
 * trail's referral decisions ({@link ReferralRequestIndex}), with one indexed query whatever the
 * size of the trail (principle 6). The calling unit of work's own appends not yet written are
 * written first, so they are counted, as a read of the trail would see them.
 */
final class JdbcReferralActivity implements ReferralActivity {

  private static final String COUNT = "SELECT COUNT(*),"
      + " COALESCE(SUM(CASE WHEN entitled THEN 1 ELSE 0 END), 0) FROM referral_request"
      + " WHERE referrer_id = ? AND employer_id = ? AND at_second BETWEEN ? AND ?"
      + " AND (at_second > ? OR at_nano >= ?) AND (at_second < ? OR at_nano < ?)";

  private final Database database;
  private final JdbcAuditTrail trail;

  JdbcReferralActivity(Database database, JdbcAuditTrail trail) {
    this.database = checkNotNull(database, "database");
    this.trail = checkNotNull(trail, "trail");
  }

  @Override
  public ReferralCount requests(PersonId referrer, EmployerId employer, Instant from, Instant to) {
    checkArgument(!to.isBefore(from), "the period ends at %s, before it starts at %s", to, from);
    if (referrer.value().length() > ReferralRequestIndex.ID_LIMIT
        || employer.value().length() > ReferralRequestIndex.ID_LIMIT || to.equals(from)) {
      return ReferralCount.none();
    }
    return database.reading(() -> database.call(
        "counting the requests of " + referrer + " at " + employer, connection -> {
          trail.flush(connection);
          try (PreparedStatement select = connection.prepareStatement(COUNT)) {
            select.setString(1, referrer.value());
            select.setString(2, employer.value());
            select.setLong(3, from.getEpochSecond());
            select.setLong(4, to.getEpochSecond());
            select.setLong(5, from.getEpochSecond());
            select.setInt(6, from.getNano());
            select.setLong(7, to.getEpochSecond());
            select.setInt(8, to.getNano());
            try (ResultSet row = select.executeQuery()) {
              row.next();
              return new ReferralCount(row.getLong(1), row.getLong(2));
            }
          }
        }));
  }
}
