package org.irmer.entitlement.adapter.memory;

import com.google.common.collect.ImmutableList;
import java.util.Comparator;
import org.irmer.entitlement.core.domain.PersonId;
import org.irmer.entitlement.core.domain.TrainingRecord;
import org.irmer.entitlement.core.port.out.TrainingStore;

final class MemoryTrainingStore implements TrainingStore {

  private final AppendOnlyRecords<Object, TrainingRecord> records;

  MemoryTrainingStore(UndoJournal journal) {
    records = new AppendOnlyRecords<>("training record", TrainingRecord::id,
        Comparator.comparing(TrainingRecord::person)
            .thenComparing(TrainingRecord::completed)
            .thenComparing(TrainingRecord::id),
        journal);
  }

  @Override
  public ImmutableList<TrainingRecord> forPerson(PersonId person) {
    return records.where(record -> record.person().equals(person));
  }

  @Override
  public ImmutableList<TrainingRecord> all() {
    return records.where(record -> true);
  }

  @Override
  public TrainingRecord add(TrainingRecord record) {
    return records.add(record);
  }
}
