package org.irmer.entitlement.adapter.jdbc;

import com.google.common.collect.ImmutableList;
import java.util.List;
import java.util.Optional;
import org.irmer.entitlement.adapter.jdbc.VersionedTable.Column;
import org.irmer.entitlement.core.domain.Delegation;
import org.irmer.entitlement.core.domain.DelegationId;
import org.irmer.entitlement.core.domain.EmployerId;
import org.irmer.entitlement.core.port.out.DelegationStore;

/** Delegations in {@code delegation_version} and {@code delegation_head}, looked up by employer. */
final class JdbcDelegationStore implements DelegationStore {

  private static final Column<Delegation> EMPLOYER =
      new Column<>("employer_id", delegation -> delegation.employer().value());

  private final VersionedTable<Delegation> table;

  JdbcDelegationStore(Database database) {
    table = new VersionedTable<>(database, "delegation", "delegation", Delegation.class,
        delegation -> delegation.id().value(), Delegation::version,
        (delegation, version) -> Delegation.builder().from(delegation).version(version).build(),
        null, List.of(EMPLOYER));
  }

  @Override
  public Optional<Delegation> find(DelegationId id) {
    return table.latest(id.value());
  }

  @Override
  public ImmutableList<Delegation> forEmployer(EmployerId employer) {
    return table.latestWhere(EMPLOYER, employer.value());
  }

  @Override
  public Delegation save(Delegation delegation, long expectedVersion) {
    return table.save(delegation, expectedVersion);
  }
}
