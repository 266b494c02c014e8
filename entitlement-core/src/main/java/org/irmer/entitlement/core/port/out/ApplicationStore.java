package org.irmer.entitlement.core.port.out;

import com.google.common.collect.ImmutableList;
import java.util.Optional;
import org.irmer.entitlement.core.domain.Application;
import org.irmer.entitlement.core.domain.ApplicationId;
import org.irmer.entitlement.core.domain.PersonId;

/** Applications for entitlement, with every version kept (principle 2). */
public interface ApplicationStore {

  /** The latest version; empty when unknown. */
  Optional<Application> find(ApplicationId id);

  /** Every version of the application, oldest first; empty when unknown. */
  ImmutableList<Application> history(ApplicationId id);

  /** The latest version of each of the person's applications, sorted by id. */
  ImmutableList<Application> forApplicant(PersonId applicant);

  /**
   * Saves a new version; {@code expectedVersion} is the version read (0 for a new application).
   * Returns the saved value, whose version is {@code expectedVersion + 1} and whose {@code
   * recordedAt} is truncated to the microsecond, as stored.
   *
   * @throws DuplicateRecordException when {@code expectedVersion} is 0 and the id is already stored
   * @throws ConcurrentChangeException when {@code expectedVersion} is no longer the latest
   */
  Application save(Application application, long expectedVersion);
}
