package org.irmer.entitlement.adapter.memory;

import com.google.common.collect.ImmutableList;
import java.util.Optional;
import org.irmer.entitlement.core.domain.Delegation;
import org.irmer.entitlement.core.domain.DelegationId;
import org.irmer.entitlement.core.domain.EmployerId;
import org.irmer.entitlement.core.port.out.DelegationStore;

final class MemoryDelegationStore implements DelegationStore {

  private final VersionedRecords<DelegationId, Delegation> delegations;

  MemoryDelegationStore(UndoJournal journal) {
    delegations = new VersionedRecords<>("delegation", Delegation::version,
        (delegation, version) -> Delegation.builder().from(delegation).version(version).build(),
        journal);
  }

  @Override
  public Optional<Delegation> find(DelegationId id) {
    return delegations.latest(id);
  }

  @Override
  public ImmutableList<Delegation> forEmployer(EmployerId employer) {
    return delegations.latestWhere(delegation -> delegation.employer().equals(employer));
  }

  @Override
  public Delegation save(Delegation delegation, long expectedVersion) {
    return delegations.save(delegation.id(), delegation, expectedVersion);
  }
}
