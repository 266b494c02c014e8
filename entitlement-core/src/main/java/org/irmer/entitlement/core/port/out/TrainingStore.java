package org.irmer.entitlement.core.port.out;

import com.google.common.collect.ImmutableList;
import org.irmer.entitlement.core.domain.PersonId;
import org.irmer.entitlement.core.domain.TrainingRecord;

/** Training records (principle 4). Records are added, never changed. */
public interface TrainingStore {

  /** Every record of the person, sorted by completion date then id; empty when none. */
  ImmutableList<TrainingRecord> forPerson(PersonId person);

  /** Every record, sorted by person, completion date and id. */
  ImmutableList<TrainingRecord> all();

  /**
   * Adds a record and returns it as stored, unchanged.
   *
   * @throws DuplicateRecordException when a record with that id is already stored, whoever it is
   *     about; nothing is then written
   */
  TrainingRecord add(TrainingRecord record);
}
