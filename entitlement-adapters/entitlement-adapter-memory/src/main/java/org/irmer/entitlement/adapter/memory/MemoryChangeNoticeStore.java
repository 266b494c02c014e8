package org.irmer.entitlement.adapter.memory;

import com.google.common.collect.ImmutableList;
import java.util.Optional;
import org.irmer.entitlement.core.domain.ChangeNotice;
import org.irmer.entitlement.core.domain.ChangeNoticeId;
import org.irmer.entitlement.core.domain.ChangeNoticeStatus;
import org.irmer.entitlement.core.domain.PersonId;
import org.irmer.entitlement.core.port.out.ChangeNoticeStore;

final class MemoryChangeNoticeStore implements ChangeNoticeStore {

  private final VersionedRecords<ChangeNoticeId, ChangeNotice> notices;

  MemoryChangeNoticeStore(UndoJournal journal) {
    notices = new VersionedRecords<>("change notice", ChangeNotice::version,
        (notice, version) -> ChangeNotice.builder().from(notice).version(version)
            .recordedAt(StoredInstants.truncate(notice.recordedAt())).build(),
        journal);
  }

  @Override
  public Optional<ChangeNotice> find(ChangeNoticeId id) {
    return notices.latest(id);
  }

  @Override
  public ImmutableList<ChangeNotice> history(ChangeNoticeId id) {
    return notices.history(id);
  }

  @Override
  public ImmutableList<ChangeNotice> forPerson(PersonId person) {
    return notices.latestWhere(notice -> notice.person().equals(person));
  }

  @Override
  public ImmutableList<ChangeNotice> pending() {
    return notices.latestWhere(notice -> notice.status() == ChangeNoticeStatus.PENDING);
  }

  @Override
  public ChangeNotice save(ChangeNotice notice, long expectedVersion) {
    return notices.save(notice.id(), notice, expectedVersion);
  }
}
