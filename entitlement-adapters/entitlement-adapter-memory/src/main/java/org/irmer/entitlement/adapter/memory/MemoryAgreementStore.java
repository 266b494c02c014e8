package org.irmer.entitlement.adapter.memory;

import com.google.common.collect.ImmutableList;
import java.util.Optional;
import org.irmer.entitlement.core.domain.AgreementId;
import org.irmer.entitlement.core.domain.EmployerId;
import org.irmer.entitlement.core.domain.SharedResponsibilityAgreement;
import org.irmer.entitlement.core.port.out.AgreementStore;

final class MemoryAgreementStore implements AgreementStore {

  private final VersionedRecords<AgreementId, SharedResponsibilityAgreement> agreements;

  MemoryAgreementStore(UndoJournal journal) {
    agreements = new VersionedRecords<>("agreement", SharedResponsibilityAgreement::version,
        (agreement, version) ->
            SharedResponsibilityAgreement.builder().from(agreement).version(version).build(),
        journal);
  }

  @Override
  public Optional<SharedResponsibilityAgreement> find(AgreementId id) {
    return agreements.latest(id);
  }

  @Override
  public ImmutableList<SharedResponsibilityAgreement> recognisedBy(EmployerId employer) {
    return agreements.latestWhere(agreement -> agreement.recognisingEmployer().equals(employer));
  }

  @Override
  public ImmutableList<SharedResponsibilityAgreement> all() {
    return agreements.latestWhere(agreement -> true);
  }

  @Override
  public SharedResponsibilityAgreement save(SharedResponsibilityAgreement agreement,
      long expectedVersion) {
    return agreements.save(agreement.id(), agreement, expectedVersion);
  }
}
