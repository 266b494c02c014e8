package org.irmer.entitlement.adapter.memory;

import com.google.common.collect.ImmutableList;
import java.util.Comparator;
import org.irmer.entitlement.core.domain.AuditRecord;
import org.irmer.entitlement.core.domain.EmployerId;
import org.irmer.entitlement.core.domain.PersonId;
import org.irmer.entitlement.core.port.out.AuditRecordStore;

final class MemoryAuditRecordStore implements AuditRecordStore {

  private final AppendOnlyRecords<Object, AuditRecord> records;

  MemoryAuditRecordStore(UndoJournal journal) {
    records = new AppendOnlyRecords<>("audit record", AuditRecord::id,
        Comparator.comparing(AuditRecord::reviewedOn).thenComparing(AuditRecord::id), journal);
  }

  @Override
  public ImmutableList<AuditRecord> forReferrer(PersonId referrer, EmployerId employer) {
    return records.where(record -> record.referrer().equals(referrer) && record.employer().equals(employer));
  }

  @Override
  public AuditRecord add(AuditRecord record) {
    return records.add(record);
  }
}
