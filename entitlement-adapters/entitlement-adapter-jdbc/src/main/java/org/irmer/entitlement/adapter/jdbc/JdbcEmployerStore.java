package org.irmer.entitlement.adapter.jdbc;

import com.google.common.collect.ImmutableList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.irmer.entitlement.adapter.jdbc.VersionedTable.Column;
import org.irmer.entitlement.core.domain.Employer;
import org.irmer.entitlement.core.domain.EmployerId;
import org.irmer.entitlement.core.domain.WrittenProcedures;
import org.irmer.entitlement.core.port.out.EmployerStore;

/**
 * Employers in {@code employer_version} and {@code employer_head}; their written procedures, which
 * are never changed once stored, in {@code written_procedures} keyed by employer and version.
 */
final class JdbcEmployerStore implements EmployerStore {

  private static final Column<WrittenProcedures> EMPLOYER =
      new Column<>("employer_id", written -> written.employer().value());
  private static final Column<WrittenProcedures> VERSION =
      new Column<>("procedures_version", WrittenProcedures::version);

  private final VersionedTable<Employer> employers;
  private final AppendOnlyTable<WrittenProcedures> procedures;

  JdbcEmployerStore(Database database) {
    employers = new VersionedTable<>(database, "employer", "employer", Employer.class,
        employer -> employer.id().value(), Employer::version,
        (employer, version) -> Employer.builder().from(employer).version(version).build(), null,
        List.of());
    procedures = new AppendOnlyTable<>(database, "written_procedures", "written procedures",
        WrittenProcedures.class, List.of(EMPLOYER, VERSION), List.of(),
        written -> WrittenProcedures.builder().from(written).recordVersion(1).build(),
        Comparator.comparing(WrittenProcedures::employer)
            .thenComparingInt(WrittenProcedures::version));
  }

  @Override
  public Optional<Employer> find(EmployerId id) {
    return employers.latest(id.value());
  }

  @Override
  public ImmutableList<Employer> all() {
    return employers.latestAll();
  }

  @Override
  public Employer save(Employer employer, long expectedVersion) {
    return employers.save(employer, expectedVersion);
  }

  @Override
  public Optional<WrittenProcedures> procedures(EmployerId employer, int version) {
    return procedures.find(employer.value(), version);
  }

  @Override
  public WrittenProcedures addProcedures(WrittenProcedures written) {
    return procedures.add(written);
  }
}
