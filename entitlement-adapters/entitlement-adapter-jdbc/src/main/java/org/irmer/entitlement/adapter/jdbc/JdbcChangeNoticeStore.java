package org.irmer.entitlement.adapter.jdbc;

import com.google.common.collect.ImmutableList;
import java.util.List;
import java.util.Optional;
import org.irmer.entitlement.adapter.jdbc.VersionedTable.Column;
import org.irmer.entitlement.core.domain.ChangeNotice;
import org.irmer.entitlement.core.domain.ChangeNoticeId;
import org.irmer.entitlement.core.domain.ChangeNoticeStatus;
import org.irmer.entitlement.core.domain.PersonId;
import org.irmer.entitlement.core.port.out.ChangeNoticeStore;

/**
 * Change notices in {@code change_notice_version} and {@code change_notice_head}, looked up by the
 * person and by the status of the latest version.
 */
final class JdbcChangeNoticeStore implements ChangeNoticeStore {

  private static final Column<ChangeNotice> PERSON =
      new Column<>("person_id", notice -> notice.person().value());
  private static final Column<ChangeNotice> STATUS =
      new Column<>("status", notice -> notice.status().name());

  private final VersionedTable<ChangeNotice> table;

  JdbcChangeNoticeStore(Database database) {
    table = new VersionedTable<>(database, "change_notice", "change notice", ChangeNotice.class,
        notice -> notice.id().value(), ChangeNotice::version,
        (notice, version) -> ChangeNotice.builder().from(notice).version(version)
            .recordedAt(Micros.truncate(notice.recordedAt())).build(),
        ChangeNotice::recordedAt, List.of(PERSON, STATUS));
  }

  @Override
  public Optional<ChangeNotice> find(ChangeNoticeId id) {
    return table.latest(id.value());
  }

  @Override
  public ImmutableList<ChangeNotice> history(ChangeNoticeId id) {
    return table.history(id.value());
  }

  @Override
  public ImmutableList<ChangeNotice> forPerson(PersonId person) {
    return table.latestWhere(PERSON, person.value());
  }

  @Override
  public ImmutableList<ChangeNotice> pending() {
    return table.latestWhere(STATUS, ChangeNoticeStatus.PENDING.name());
  }

  @Override
  public ChangeNotice save(ChangeNotice notice, long expectedVersion) {
    return table.save(notice, expectedVersion);
  }
}
