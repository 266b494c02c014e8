package org.irmer.entitlement.adapter.memory;

import com.google.common.collect.ImmutableList;
import java.util.Comparator;
import org.irmer.entitlement.core.domain.ComplianceEvent;
import org.irmer.entitlement.core.domain.EmployerId;
import org.irmer.entitlement.core.domain.PersonId;
import org.irmer.entitlement.core.port.out.ComplianceEventStore;

final class MemoryComplianceEventStore implements ComplianceEventStore {

  private final AppendOnlyRecords<Object, ComplianceEvent> events;

  MemoryComplianceEventStore(UndoJournal journal) {
    events = new AppendOnlyRecords<>("compliance event", ComplianceEvent::id,
        Comparator.comparing(ComplianceEvent::occurredAt).thenComparing(ComplianceEvent::id),
        journal);
  }

  @Override
  public ImmutableList<ComplianceEvent> forReferrer(PersonId referrer, EmployerId employer) {
    return events.where(event -> event.referrer().equals(referrer) && event.employer().equals(employer));
  }

  @Override
  public ComplianceEvent add(ComplianceEvent event) {
    return events.add(ComplianceEvent.builder().from(event)
        .occurredAt(StoredInstants.truncate(event.occurredAt())).build());
  }
}
