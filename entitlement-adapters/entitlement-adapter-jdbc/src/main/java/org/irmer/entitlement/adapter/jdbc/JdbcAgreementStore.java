package org.irmer.entitlement.adapter.jdbc;

import com.google.common.collect.ImmutableList;
import java.util.List;
import java.util.Optional;
import org.irmer.entitlement.adapter.jdbc.VersionedTable.Column;
import org.irmer.entitlement.core.domain.AgreementId;
import org.irmer.entitlement.core.domain.EmployerId;
import org.irmer.entitlement.core.domain.SharedResponsibilityAgreement;
import org.irmer.entitlement.core.port.out.AgreementStore;

/**
 * Shared-responsibility agreements in {@code agreement_version} and {@code agreement_head}, looked
 * up by the employer that recognises the other's entitlements.
 */
final class JdbcAgreementStore implements AgreementStore {

  private static final Column<SharedResponsibilityAgreement> RECOGNISING = new Column<>(
      "recognising_employer", agreement -> agreement.recognisingEmployer().value());

  private final VersionedTable<SharedResponsibilityAgreement> table;

  JdbcAgreementStore(Database database) {
    table = new VersionedTable<>(database, "agreement", "agreement",
        SharedResponsibilityAgreement.class, agreement -> agreement.id().value(),
        SharedResponsibilityAgreement::version,
        (agreement, version) ->
            SharedResponsibilityAgreement.builder().from(agreement).version(version).build(),
        null, List.of(RECOGNISING));
  }

  @Override
  public Optional<SharedResponsibilityAgreement> find(AgreementId id) {
    return table.latest(id.value());
  }

  @Override
  public ImmutableList<SharedResponsibilityAgreement> recognisedBy(EmployerId employer) {
    return table.latestWhere(RECOGNISING, employer.value());
  }

  @Override
  public ImmutableList<SharedResponsibilityAgreement> all() {
    return table.latestAll();
  }

  @Override
  public SharedResponsibilityAgreement save(SharedResponsibilityAgreement agreement,
      long expectedVersion) {
    return table.save(agreement, expectedVersion);
  }
}
