package org.irmer.entitlement.adapter.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.irmer.entitlement.core.domain.AuditEvent;
import org.irmer.entitlement.core.port.out.ReferralActivity;

/**
 * The rows of {@code referral_request}: one per referral decision in the audit trail, which is
 * what {@link ReferralActivity} counts (principle 6), keyed by the trail record's sequence
 * (SCHEMA.md, "Referral requests"). Written in the batch that writes the trail records themselves,
 * and once from the existing trail by {@link ReferralRequestBackfill}, so that the index holds
 * exactly the trail's decisions.
 *
 * <p>A decision's instant is kept exactly, as its epoch second and nanosecond, as the trail keeps
 * it. A decision whose referrer or employer id is longer than the register's ids ({@value
 * #ID_LIMIT} characters) is not indexed: no person or employer with such an id can be stored, so
 * no question about one is ever asked.
 */
final class ReferralRequestIndex {

  /** The longest id the register's id columns hold. */
  static final int ID_LIMIT = 200;

  private static final String ENTITLED = "ENTITLED";
  private static final String INSERT = "INSERT INTO referral_request (sequence, referrer_id,"
      + " employer_id, at_second, at_nano, entitled) VALUES (?, ?, ?, ?, ?, ?)";

  private ReferralRequestIndex() {}

  /** A trail record's sequence and event, as appended or as read back. */
  record Recorded(long sequence, AuditEvent event) {}

  /**
   * The employer of {@code event} when it is a referral decision that {@link ReferralActivity}
   * counts: audit action {@value ReferralActivity#CHECK_REFERRAL}, a person as actor and the
   * imaging employer in its {@code employer} detail, both within {@value #ID_LIMIT} characters.
   */
  static Optional<String> employerOf(AuditEvent event) {
    if (!ReferralActivity.CHECK_REFERRAL.equals(event.action()) || event.actor().system()
        || event.actor().id().length() > ID_LIMIT) {
      return Optional.empty();
    }
    return Optional.ofNullable(event.details().get("employer"))
        .filter(employer -> employer.length() <= ID_LIMIT);
  }

  /** Inserts, in one batch, a row for each of {@code records} that is a referral decision. */
  static void insert(Connection connection, List<Recorded> records) throws SQLException {
    try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
      int rows = 0;
      for (Recorded record : records) {
        AuditEvent event = record.event();
        Optional<String> employer = employerOf(event);
        if (employer.isEmpty()) {
          continue;
        }
        Instant at = event.at();
        insert.setLong(1, record.sequence());
        insert.setString(2, event.actor().id());
        insert.setString(3, employer.get());
        insert.setLong(4, at.getEpochSecond());
        insert.setInt(5, at.getNano());
        insert.setBoolean(6, ENTITLED.equals(event.result()));
        insert.addBatch();
        rows++;
      }
      if (rows > 0) {
        insert.executeBatch();
      }
    }
  }
}
