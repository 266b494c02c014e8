package org.irmer.entitlement.adapter.jdbc;

import com.google.common.collect.ImmutableList;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.irmer.entitlement.core.domain.EmployerId;
import org.irmer.entitlement.core.domain.Entitlement;
import org.irmer.entitlement.core.domain.EntitlementId;
import org.irmer.entitlement.core.domain.PersonId;
import org.irmer.entitlement.core.port.out.EntitlementStore;

/**
 * Entitlements in {@code entitlement_version} and {@code entitlement_head}, looked up by the person
 * an individual entitlement names and by the employer of a group one.
 */
final class JdbcEntitlementStore implements EntitlementStore {

  private static final VersionedTable.Column<Entitlement> PERSON = new VersionedTable.Column<>(
      "person_id", entitlement -> entitlement.subject().person().map(PersonId::value).orElse(null));
  private static final VersionedTable.Column<Entitlement> GROUP_EMPLOYER =
      new VersionedTable.Column<>("group_employer", entitlement ->
          entitlement.subject().isGroup() ? entitlement.employer().value() : null);

  private final VersionedTable<Entitlement> table;

  JdbcEntitlementStore(Database database) {
    this.table = new VersionedTable<>(database, "entitlement", "entitlement", Entitlement.class,
        entitlement -> entitlement.id().value(), Entitlement::version,
        (entitlement, version) -> Entitlement.builder().from(entitlement).version(version)
            .recordedAt(Micros.truncate(entitlement.recordedAt())).build(),
        Entitlement::recordedAt, List.of(PERSON, GROUP_EMPLOYER));
  }

  @Override
  public Optional<Entitlement> find(EntitlementId id) {
    return table.latest(id.value());
  }

  @Override
  public ImmutableList<Entitlement> history(EntitlementId id) {
    return table.history(id.value());
  }

  @Override
  public ImmutableList<Entitlement> forPerson(PersonId person) {
    return table.latestWhere(PERSON, person.value());
  }

  @Override
  public ImmutableList<Entitlement> groupsOf(EmployerId employer) {
    return table.latestWhere(GROUP_EMPLOYER, employer.value());
  }

  @Override
  public ImmutableList<Entitlement> all() {
    return table.latestAll();
  }

  @Override
  public ImmutableList<Entitlement> forPersonAsOf(PersonId person, Instant instant) {
    return table.asOfWhere(PERSON, person.value(), instant);
  }

  @Override
  public ImmutableList<Entitlement> groupsOfAsOf(EmployerId employer, Instant instant) {
    return table.asOfWhere(GROUP_EMPLOYER, employer.value(), instant);
  }

  @Override
  public Entitlement save(Entitlement entitlement, long expectedVersion) {
    return table.save(entitlement, expectedVersion);
  }
}
