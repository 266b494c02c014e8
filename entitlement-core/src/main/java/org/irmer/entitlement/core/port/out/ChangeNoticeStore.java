package org.irmer.entitlement.core.port.out;

import com.google.common.collect.ImmutableList;
import java.util.Optional;
import org.irmer.entitlement.core.domain.ChangeNotice;
import org.irmer.entitlement.core.domain.ChangeNoticeId;
import org.irmer.entitlement.core.domain.PersonId;

/**
 * Change notices given ahead of the day they take effect (principle 5), with every version: given,
 * then withdrawn or in effect. The engines never read them; what a notice changes for a decision is
 * written on the entitlements and roles themselves.
 */
public interface ChangeNoticeStore {

  /** The latest version; empty when unknown. */
  Optional<ChangeNotice> find(ChangeNoticeId id);

  /** Every version, oldest first; empty when unknown. */
  ImmutableList<ChangeNotice> history(ChangeNoticeId id);

  /** The latest version of every notice about the person, sorted by id; empty when none. */
  ImmutableList<ChangeNotice> forPerson(PersonId person);

  /** The latest version of every notice still {@code PENDING}, sorted by id. */
  ImmutableList<ChangeNotice> pending();

  /**
   * Saves a new version of {@code notice}; {@code expectedVersion} is the version read (0 for a new
   * notice). Returns the saved value, whose version is {@code expectedVersion + 1} and whose {@code
   * recordedAt} is truncated to the microsecond, as stored.
   *
   * @throws DuplicateRecordException when {@code expectedVersion} is 0 and the id is already stored
   * @throws ConcurrentChangeException when {@code expectedVersion} is no longer the latest
   */
  ChangeNotice save(ChangeNotice notice, long expectedVersion);
}
