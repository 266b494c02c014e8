package org.irmer.entitlement.adapter.hl7v2;

import java.time.ZoneId;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.LongSupplier;
import org.irmer.entitlement.core.domain.Employer;
import org.irmer.entitlement.core.domain.EmployerId;

/**
 * The zone each imaging employer reads local order times in ({@link Employer#zone()}, {@link
 * Employer#DEFAULT_ZONE} for an employer the register does not know), read once through the
 * register's decision data and kept while the engine's applied sequence of the change feed stays the same:
 * every change to an employer moves that sequence on, and the next message then reads the zones
 * afresh, so a zone is never older than the snapshot the order is checked against.
 *
 * <p>Thread-safe. A read that races a change is kept under the sequence it started at, never a
 * later one, so a zone read before a change cannot outlive it.
 */
final class EmployerZones {

  /** The zones read while the engine was at {@code sequence}. */
  private record AtSequence(long sequence, ConcurrentHashMap<EmployerId, ZoneId> zones) {}

  private final Function<EmployerId, Optional<Employer>> employers;
  private final LongSupplier appliedSequence;
  private volatile AtSequence current = new AtSequence(Long.MIN_VALUE, new ConcurrentHashMap<>());

  /**
   * Zones read with {@code employers} (the register's {@code decisionData()::employer}), kept per
   * {@code appliedSequence} (the live engine's).
   */
  EmployerZones(Function<EmployerId, Optional<Employer>> employers, LongSupplier appliedSequence) {
    this.employers = employers;
    this.appliedSequence = appliedSequence;
  }

  /**
   * The zone of {@code employer}.
   *
   * @throws org.irmer.entitlement.core.port.out.StoreUnavailableException when it is not kept and
   *     the register cannot be read
   */
  ZoneId of(EmployerId employer) {
    long sequence = appliedSequence.getAsLong();
    AtSequence kept = current;
    if (kept.sequence() != sequence) {
      kept = new AtSequence(sequence, new ConcurrentHashMap<>());
      current = kept;
    }
    ZoneId zone = kept.zones().get(employer);
    if (zone == null) {
      zone = employers.apply(employer).map(Employer::zone).orElse(Employer.DEFAULT_ZONE);
      kept.zones().putIfAbsent(employer, zone);
    }
    return zone;
  }
}
