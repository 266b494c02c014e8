package org.irmer.entitlement.adapter.jdbc;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Optional;
import org.irmer.entitlement.core.domain.BodyRegionTree;
import org.irmer.entitlement.core.domain.Examination;
import org.irmer.entitlement.core.domain.ExaminationCode;
import org.irmer.entitlement.core.port.out.ChangeFeed;
import org.irmer.entitlement.core.port.out.ExaminationCatalogue;
import org.irmer.entitlement.core.port.out.RegisterChange;

/**
 * The examination catalogue in {@code examination}, one row per code, and its body-region tree in
 * {@code body_region_tree}, one row. Until a catalogue is loaded it is empty, over the {@linkplain
 * BodyRegionTree#standard() standard} tree. The catalogue is replaced whole, never edited in place.
 */
final class JdbcExaminationCatalogue implements ExaminationCatalogue {

  private final Database database;
  private final ChangeFeed changes;

  JdbcExaminationCatalogue(Database database, ChangeFeed changes) {
    this.database = checkNotNull(database, "database");
    this.changes = checkNotNull(changes, "changes");
  }

  /**
   * Replaces the whole catalogue, its tree included, and publishes the change, in one unit of work
   * (joining the caller's).
   *
   * @throws IllegalArgumentException when an examination's region is not in {@code regions} or two
   *     share a code; nothing is then written
   */
  @Override
  public void replace(BodyRegionTree regions, Iterable<Examination> examinations) {
    checkNotNull(regions, "regions");
    ImmutableList<Examination> entries = ImmutableList.copyOf(examinations);
    java.util.Set<ExaminationCode> codes = new java.util.HashSet<>();
    entries.forEach(examination -> {
      checkArgument(regions.contains(examination.region()),
          "examination %s names region %s, which is not in the region tree", examination.code(),
          examination.region());
      checkArgument(codes.add(examination.code()), "examination %s is listed twice",
          examination.code());
    });
    database.inTransaction(() -> {
      write(regions, entries);
      return changes.publish(RegisterChange.Pending.catalogue());
    });
  }

  private void write(BodyRegionTree regions, ImmutableList<Examination> entries) {
    String json = database.dialect().jsonParameter();
    database.call("replacing the examination catalogue", connection -> {
      try (PreparedStatement clear = connection.prepareStatement("DELETE FROM examination");
          PreparedStatement clearTree = connection.prepareStatement("DELETE FROM body_region_tree");
          PreparedStatement tree = connection.prepareStatement(
              "INSERT INTO body_region_tree (id, body) VALUES (1, " + json + ")");
          PreparedStatement insert = connection.prepareStatement(
              "INSERT INTO examination (code, body) VALUES (?, " + json + ")")) {
        clear.executeUpdate();
        clearTree.executeUpdate();
        tree.setString(1, DomainJson.write(regions));
        tree.executeUpdate();
        for (Examination examination : entries) {
          insert.setString(1, examination.code().value());
          insert.setString(2, DomainJson.write(examination));
          insert.addBatch();
        }
        insert.executeBatch();
      }
      return null;
    });
  }

  @Override
  public Optional<Examination> find(ExaminationCode code) {
    return select("reading examination " + code.value(),
        "SELECT body FROM examination WHERE code = ?", code.value()).stream().findFirst();
  }

  @Override
  public ImmutableList<Examination> all() {
    return select("reading the examination catalogue",
        "SELECT body FROM examination ORDER BY code", null);
  }

  @Override
  public BodyRegionTree regions() {
    return database.call("reading the body-region tree", connection -> {
      try (PreparedStatement select =
              connection.prepareStatement("SELECT body FROM body_region_tree WHERE id = 1");
          ResultSet row = select.executeQuery()) {
        return row.next() ? DomainJson.read(row.getString(1), BodyRegionTree.class)
            : BodyRegionTree.standard();
      }
    });
  }

  private ImmutableList<Examination> select(String what, String sql, String code) {
    return database.call(what, connection -> {
      try (PreparedStatement select = connection.prepareStatement(sql)) {
        if (code != null) {
          select.setString(1, code);
        }
        ImmutableList.Builder<Examination> found = ImmutableList.builder();
        try (ResultSet rows = select.executeQuery()) {
          while (rows.next()) {
            found.add(DomainJson.read(rows.getString(1), Examination.class));
          }
        }
        return found.build();
      }
    });
  }
}
