package org.irmer.entitlement.adapter.memory;

import com.google.common.collect.ImmutableList;
import java.util.Optional;
import org.irmer.entitlement.core.domain.Employer;
import org.irmer.entitlement.core.domain.EmployerId;
import org.irmer.entitlement.core.domain.WrittenProcedures;
import org.irmer.entitlement.core.port.out.EmployerStore;

final class MemoryEmployerStore implements EmployerStore {

  private final VersionedRecords<EmployerId, Employer> employers;
  private final VersionedRecords<String, WrittenProcedures> procedures;

  MemoryEmployerStore(UndoJournal journal) {
    employers = new VersionedRecords<>("employer", Employer::version,
        (employer, version) -> Employer.builder().from(employer).version(version).build(), journal);
    procedures = new VersionedRecords<>("written procedures", WrittenProcedures::recordVersion,
        (written, version) -> WrittenProcedures.builder().from(written).recordVersion(version).build(),
        journal);
  }

  @Override
  public Optional<Employer> find(EmployerId id) {
    return employers.latest(id);
  }

  @Override
  public ImmutableList<Employer> all() {
    return employers.latestWhere(employer -> true);
  }

  @Override
  public Employer save(Employer employer, long expectedVersion) {
    return employers.save(employer.id(), employer, expectedVersion);
  }

  @Override
  public Optional<WrittenProcedures> procedures(EmployerId employer, int version) {
    return procedures.latest(key(employer, version));
  }

  @Override
  public WrittenProcedures addProcedures(WrittenProcedures written) {
    return procedures.save(key(written.employer(), written.version()), written, 0);
  }

  private static String key(EmployerId employer, int version) {
    return employer.value() + "#" + version;
  }
}
