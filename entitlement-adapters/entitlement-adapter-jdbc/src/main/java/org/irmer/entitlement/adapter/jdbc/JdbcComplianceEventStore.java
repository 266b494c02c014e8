package org.irmer.entitlement.adapter.jdbc;

import com.google.common.collect.ImmutableList;
import java.util.Comparator;
import java.util.List;
import org.irmer.entitlement.adapter.jdbc.VersionedTable.Column;
import org.irmer.entitlement.core.domain.ComplianceEvent;
import org.irmer.entitlement.core.domain.EmployerId;
import org.irmer.entitlement.core.domain.PersonId;
import org.irmer.entitlement.core.port.out.ComplianceEventStore;

/**
 * Compliance events in {@code compliance_event}, added once and looked up by referrer and employer;
 * the instant an event occurred is kept to the microsecond.
 */
final class JdbcComplianceEventStore implements ComplianceEventStore {

  private static final Column<ComplianceEvent> ID = new Column<>("id", event -> event.id().value());
  private static final Column<ComplianceEvent> REFERRER =
      new Column<>("referrer_id", event -> event.referrer().value());
  private static final Column<ComplianceEvent> EMPLOYER =
      new Column<>("employer_id", event -> event.employer().value());

  private final AppendOnlyTable<ComplianceEvent> table;

  JdbcComplianceEventStore(Database database) {
    table = new AppendOnlyTable<>(database, "compliance_event", "compliance event",
        ComplianceEvent.class, List.of(ID), List.of(REFERRER, EMPLOYER),
        event -> ComplianceEvent.builder().from(event)
            .occurredAt(Micros.truncate(event.occurredAt())).build(),
        Comparator.comparing(ComplianceEvent::occurredAt).thenComparing(ComplianceEvent::id));
  }

  @Override
  public ImmutableList<ComplianceEvent> forReferrer(PersonId referrer, EmployerId employer) {
    return table.where(List.of(REFERRER, EMPLOYER), referrer.value(), employer.value());
  }

  @Override
  public ComplianceEvent add(ComplianceEvent event) {
    return table.add(event);
  }
}
