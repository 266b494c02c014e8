package org.irmer.entitlement.adapter.jdbc;

import com.google.common.collect.ImmutableList;
import java.util.Comparator;
import java.util.List;
import java.util.function.UnaryOperator;
import org.irmer.entitlement.adapter.jdbc.VersionedTable.Column;
import org.irmer.entitlement.core.domain.PersonId;
import org.irmer.entitlement.core.domain.TrainingRecord;
import org.irmer.entitlement.core.port.out.TrainingStore;

/** Training records in {@code training_record}, added once and looked up by the person. */
final class JdbcTrainingStore implements TrainingStore {

  private static final Column<TrainingRecord> ID = new Column<>("id", record -> record.id().value());
  private static final Column<TrainingRecord> PERSON =
      new Column<>("person_id", record -> record.person().value());

  private final AppendOnlyTable<TrainingRecord> table;

  JdbcTrainingStore(Database database) {
    table = new AppendOnlyTable<>(database, "training_record", "training record",
        TrainingRecord.class, List.of(ID), List.of(PERSON), UnaryOperator.identity(),
        Comparator.comparing(TrainingRecord::person)
            .thenComparing(TrainingRecord::completed)
            .thenComparing(TrainingRecord::id));
  }

  @Override
  public ImmutableList<TrainingRecord> forPerson(PersonId person) {
    return table.where(List.of(PERSON), person.value());
  }

  @Override
  public ImmutableList<TrainingRecord> all() {
    return table.all();
  }

  @Override
  public TrainingRecord add(TrainingRecord record) {
    return table.add(record);
  }
}
