package org.irmer.entitlement.adapter.memory;

import com.google.common.collect.ImmutableList;
import java.util.Optional;
import org.irmer.entitlement.core.domain.Application;
import org.irmer.entitlement.core.domain.ApplicationId;
import org.irmer.entitlement.core.domain.PersonId;
import org.irmer.entitlement.core.port.out.ApplicationStore;

final class MemoryApplicationStore implements ApplicationStore {

  private final VersionedRecords<ApplicationId, Application> applications;

  MemoryApplicationStore(UndoJournal journal) {
    applications = new VersionedRecords<>("application", Application::version,
        (application, version) -> Application.builder().from(application).version(version)
            .recordedAt(StoredInstants.truncate(application.recordedAt())).build(),
        journal);
  }

  @Override
  public Optional<Application> find(ApplicationId id) {
    return applications.latest(id);
  }

  @Override
  public ImmutableList<Application> history(ApplicationId id) {
    return applications.history(id);
  }

  @Override
  public ImmutableList<Application> forApplicant(PersonId applicant) {
    return applications.latestWhere(application -> application.applicant().equals(applicant));
  }

  @Override
  public Application save(Application application, long expectedVersion) {
    return applications.save(application.id(), application, expectedVersion);
  }
}
