package org.irmer.entitlement.adapter.jdbc;

import com.google.common.collect.ImmutableList;
import java.util.List;
import java.util.Optional;
import org.irmer.entitlement.adapter.jdbc.VersionedTable.Column;
import org.irmer.entitlement.core.domain.Application;
import org.irmer.entitlement.core.domain.ApplicationId;
import org.irmer.entitlement.core.domain.PersonId;
import org.irmer.entitlement.core.port.out.ApplicationStore;

/**
 * Applications in {@code application_version} and {@code application_head}, looked up by the
 * applicant.
 */
final class JdbcApplicationStore implements ApplicationStore {

  private static final Column<Application> APPLICANT =
      new Column<>("applicant_id", application -> application.applicant().value());

  private final VersionedTable<Application> table;

  JdbcApplicationStore(Database database) {
    table = new VersionedTable<>(database, "application", "application", Application.class,
        application -> application.id().value(), Application::version,
        (application, version) -> Application.builder().from(application).version(version)
            .recordedAt(Micros.truncate(application.recordedAt())).build(),
        Application::recordedAt, List.of(APPLICANT));
  }

  @Override
  public Optional<Application> find(ApplicationId id) {
    return table.latest(id.value());
  }

  @Override
  public ImmutableList<Application> history(ApplicationId id) {
    return table.history(id.value());
  }

  @Override
  public ImmutableList<Application> forApplicant(PersonId applicant) {
    return table.latestWhere(APPLICANT, applicant.value());
  }

  @Override
  public Application save(Application application, long expectedVersion) {
    return table.save(application, expectedVersion);
  }
}
