package org.irmer.entitlement.adapter.jdbc;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import org.irmer.entitlement.core.domain.ExaminationCode;
import org.irmer.entitlement.core.domain.GuidelineEntry;
import org.irmer.entitlement.core.domain.IndicationCode;
import org.irmer.entitlement.core.domain.GuidelineId;
import org.irmer.entitlement.core.port.out.ChangeFeed;
import org.irmer.entitlement.core.port.out.GuidelineCatalogue;
import org.irmer.entitlement.core.port.out.RegisterChange;

/**
 * Referral guidelines in {@code guideline}, one row per entry, looked up by clinical problem and
 * examination. The catalogue is replaced whole, never edited in place.
 */
final class JdbcGuidelineCatalogue implements GuidelineCatalogue {

  private final Database database;
  private final ChangeFeed changes;

  JdbcGuidelineCatalogue(Database database, ChangeFeed changes) {
    this.database = checkNotNull(database, "database");
    this.changes = checkNotNull(changes, "changes");
  }

  /** Replaces every entry in one unit of work (joining the caller's). */
  @Override
  public void replace(Iterable<GuidelineEntry> entries) {
    ImmutableList<GuidelineEntry> all = ImmutableList.copyOf(entries);
    java.util.Set<GuidelineId> ids = new java.util.HashSet<>();
    all.forEach(entry -> com.google.common.base.Preconditions.checkArgument(ids.add(entry.id()),
        "guideline %s is listed twice", entry.id()));
    database.inTransaction(() -> {
      write(all);
      return changes.publish(RegisterChange.Pending.guidelines());
    });
  }

  private void write(ImmutableList<GuidelineEntry> all) {
    database.call("replacing the guideline catalogue", connection -> {
      try (PreparedStatement clear = connection.prepareStatement("DELETE FROM guideline");
          PreparedStatement insert = connection.prepareStatement(
              "INSERT INTO guideline (id, indication, examination, body) VALUES (?, ?, ?, "
                  + database.dialect().jsonParameter() + ")")) {
        clear.executeUpdate();
        for (GuidelineEntry entry : all) {
          insert.setString(1, entry.id().value());
          insert.setString(2, entry.indication().value());
          insert.setString(3, entry.examination().value());
          insert.setString(4, DomainJson.write(entry));
          insert.addBatch();
        }
        insert.executeBatch();
      }
      return null;
    });
  }

  @Override
  public ImmutableList<GuidelineEntry> advice(IndicationCode indication,
      ExaminationCode examination) {
    return select("reading the guidelines for " + indication.value() + " and "
        + examination.value(), "SELECT body FROM guideline WHERE indication = ? AND examination = ?"
        + " ORDER BY id", indication.value(), examination.value());
  }

  @Override
  public ImmutableList<GuidelineEntry> all() {
    return select("reading the guideline catalogue", "SELECT body FROM guideline ORDER BY id");
  }

  private ImmutableList<GuidelineEntry> select(String what, String sql, String... parameters) {
    return database.call(what, connection -> {
      try (PreparedStatement select = connection.prepareStatement(sql)) {
        for (int i = 0; i < parameters.length; i++) {
          select.setString(i + 1, parameters[i]);
        }
        ImmutableList.Builder<GuidelineEntry> found = ImmutableList.builder();
        try (ResultSet rows = select.executeQuery()) {
          while (rows.next()) {
            found.add(DomainJson.read(rows.getString(1), GuidelineEntry.class));
          }
        }
        return found.build();
      }
    });
  }
}
