package org.irmer.entitlement.core.port.out;

import com.google.common.collect.ImmutableList;
import java.util.Optional;
import org.irmer.entitlement.core.domain.AgreementId;
import org.irmer.entitlement.core.domain.EmployerId;
import org.irmer.entitlement.core.domain.SharedResponsibilityAgreement;

/** Shared-responsibility agreements between employers (IR(ME)R 2024 amendment; principle 9). */
public interface AgreementStore {

  /** The latest version; empty when unknown. */
  Optional<SharedResponsibilityAgreement> find(AgreementId id);

  /** The latest version of every agreement under which {@code employer} recognises others, sorted by id. */
  ImmutableList<SharedResponsibilityAgreement> recognisedBy(EmployerId employer);

  /** The latest version of every agreement, sorted by id. */
  ImmutableList<SharedResponsibilityAgreement> all();

  /**
   * Saves a new version; {@code expectedVersion} is the version read (0 for a new agreement).
   * Returns the saved value, whose version is {@code expectedVersion + 1}.
   *
   * @throws DuplicateRecordException when {@code expectedVersion} is 0 and the id is already stored
   * @throws ConcurrentChangeException when {@code expectedVersion} is no longer the latest
   */
  SharedResponsibilityAgreement save(SharedResponsibilityAgreement agreement, long expectedVersion);
}
