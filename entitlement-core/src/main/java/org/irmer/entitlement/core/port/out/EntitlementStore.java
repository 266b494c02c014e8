package org.irmer.entitlement.core.port.out;

import com.google.common.collect.ImmutableList;
import java.time.Instant;
import java.util.Optional;
import org.irmer.entitlement.core.domain.EmployerId;
import org.irmer.entitlement.core.domain.Entitlement;
import org.irmer.entitlement.core.domain.EntitlementId;
import org.irmer.entitlement.core.domain.PersonId;

/**
 * The entitlements of every referrer at every employer, with their full history.
 *
 * <p>Implementations keep every version: the {@code asOf} queries answer exactly what was in force
 * at a past instant (the latest version whose {@link Entitlement#recordedAt()} is at or before it),
 * which retrospective audit (principle 10 of the 2025 guidance) depends on. {@code recordedAt} is
 * kept to the microsecond: a version recorded at {@code t} is stored with {@code t} truncated to
 * the microsecond (finer digits dropped toward the past) and is in force from that truncated
 * instant, not a moment before it, whatever nanosecond an {@code asOf} query asks about.
 */
public interface EntitlementStore {

  /** The latest version; empty when unknown. */
  Optional<Entitlement> find(EntitlementId id);

  /** Every version, oldest first; empty when unknown. */
  ImmutableList<Entitlement> history(EntitlementId id);

  /** The latest version of every entitlement naming the person individually, sorted by id. */
  ImmutableList<Entitlement> forPerson(PersonId person);

  /** The latest version of every group entitlement of the employer, sorted by id. */
  ImmutableList<Entitlement> groupsOf(EmployerId employer);

  /** The latest version of every entitlement, sorted by id. */
  ImmutableList<Entitlement> all();

  /** The person's individual entitlements as they stood at {@code instant}, sorted by id. */
  ImmutableList<Entitlement> forPersonAsOf(PersonId person, Instant instant);

  /** The employer's group entitlements as they stood at {@code instant}, sorted by id. */
  ImmutableList<Entitlement> groupsOfAsOf(EmployerId employer, Instant instant);

  /**
   * Saves a new version of {@code entitlement}; {@code expectedVersion} is the version read (0 for
   * a new entitlement). Returns the saved value, whose version is {@code expectedVersion + 1} and
   * whose {@code recordedAt} is truncated to the microsecond, as stored. Individual and group
   * entitlements share one space of ids.
   *
   * @throws DuplicateRecordException when {@code expectedVersion} is 0 and the id is already stored
   * @throws ConcurrentChangeException when {@code expectedVersion} is no longer the latest
   */
  Entitlement save(Entitlement entitlement, long expectedVersion);
}
