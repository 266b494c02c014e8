package org.irmer.entitlement.adapter.memory;

import com.google.common.collect.ImmutableList;
import java.time.Instant;
import java.util.Optional;
import org.irmer.entitlement.core.domain.EmployerId;
import org.irmer.entitlement.core.domain.Entitlement;
import org.irmer.entitlement.core.domain.EntitlementId;
import org.irmer.entitlement.core.domain.PersonId;
import org.irmer.entitlement.core.port.out.EntitlementStore;

final class MemoryEntitlementStore implements EntitlementStore {

  private final VersionedRecords<EntitlementId, Entitlement> entitlements;

  MemoryEntitlementStore(UndoJournal journal) {
    entitlements = new VersionedRecords<>("entitlement", Entitlement::version,
        (entitlement, version) -> Entitlement.builder().from(entitlement).version(version)
            .recordedAt(StoredInstants.truncate(entitlement.recordedAt())).build(),
        journal);
  }

  @Override
  public Optional<Entitlement> find(EntitlementId id) {
    return entitlements.latest(id);
  }

  @Override
  public ImmutableList<Entitlement> history(EntitlementId id) {
    return entitlements.history(id);
  }

  @Override
  public ImmutableList<Entitlement> forPerson(PersonId person) {
    return entitlements.latestWhere(entitlement -> entitlement.isFor(person));
  }

  @Override
  public ImmutableList<Entitlement> groupsOf(EmployerId employer) {
    return entitlements.latestWhere(entitlement -> isGroupOf(entitlement, employer));
  }

  @Override
  public ImmutableList<Entitlement> all() {
    return entitlements.latestWhere(entitlement -> true);
  }

  @Override
  public ImmutableList<Entitlement> forPersonAsOf(PersonId person, Instant instant) {
    return entitlements.lastWhere(entitlement -> !entitlement.recordedAt().isAfter(instant),
        entitlement -> entitlement.isFor(person));
  }

  @Override
  public ImmutableList<Entitlement> groupsOfAsOf(EmployerId employer, Instant instant) {
    return entitlements.lastWhere(entitlement -> !entitlement.recordedAt().isAfter(instant),
        entitlement -> isGroupOf(entitlement, employer));
  }

  @Override
  public Entitlement save(Entitlement entitlement, long expectedVersion) {
    return entitlements.save(entitlement.id(), entitlement, expectedVersion);
  }

  private static boolean isGroupOf(Entitlement entitlement, EmployerId employer) {
    return entitlement.subject().isGroup() && entitlement.employer().equals(employer);
  }
}
