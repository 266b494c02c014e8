package org.irmer.entitlement.core.port.out;

import com.google.common.collect.ImmutableList;
import java.util.Optional;
import org.irmer.entitlement.core.domain.Employer;
import org.irmer.entitlement.core.domain.EmployerId;
import org.irmer.entitlement.core.domain.WrittenProcedures;

/** Imaging employers and every version of their written procedures (principle 8). */
public interface EmployerStore {

  /** The latest version of the employer; empty when unknown. */
  Optional<Employer> find(EmployerId id);

  /** Every employer, sorted by id. */
  ImmutableList<Employer> all();

  /**
   * Saves a new version of {@code employer}; {@code expectedVersion} is the version read (0 for a
   * new employer). Returns the saved value, whose version is {@code expectedVersion + 1}.
   *
   * @throws DuplicateRecordException when {@code expectedVersion} is 0 and the id is already stored
   * @throws ConcurrentChangeException when {@code expectedVersion} is no longer the latest
   */
  Employer save(Employer employer, long expectedVersion);

  /** One version of an employer's procedures; empty when that version was never stored. */
  Optional<WrittenProcedures> procedures(EmployerId employer, int version);

  /** The procedures version the employer currently names; empty when employer or version is unknown. */
  default Optional<WrittenProcedures> currentProcedures(EmployerId employer) {
    return find(employer).flatMap(found -> procedures(employer, found.proceduresVersion()));
  }

  /**
   * Stores a new version of an employer's procedures. Versions are immutable once stored; each
   * employer numbers its own. Returns the stored value, whose {@code recordVersion} the store sets.
   *
   * @throws DuplicateRecordException when that employer's version is already stored
   */
  WrittenProcedures addProcedures(WrittenProcedures procedures);
}
