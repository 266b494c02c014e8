package org.irmer.entitlement.core.port.out;

import com.google.common.collect.ImmutableList;
import java.util.Optional;
import org.irmer.entitlement.core.domain.Delegation;
import org.irmer.entitlement.core.domain.DelegationId;
import org.irmer.entitlement.core.domain.EmployerId;

/** Who each employer delegated the granting of entitlement to (principle 1). */
public interface DelegationStore {

  /** The latest version; empty when unknown. */
  Optional<Delegation> find(DelegationId id);

  /** Every delegation of the employer, past and present, sorted by id. */
  ImmutableList<Delegation> forEmployer(EmployerId employer);

  /**
   * Saves a new version of {@code delegation}; {@code expectedVersion} is the version read (0 for a
   * new delegation). Returns the saved value, whose version is {@code expectedVersion + 1}.
   *
   * @throws DuplicateRecordException when {@code expectedVersion} is 0 and the id is already stored
   * @throws ConcurrentChangeException when {@code expectedVersion} is no longer the latest
   */
  Delegation save(Delegation delegation, long expectedVersion);
}
