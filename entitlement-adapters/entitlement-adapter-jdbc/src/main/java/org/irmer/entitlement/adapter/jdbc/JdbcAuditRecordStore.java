package org.irmer.entitlement.adapter.jdbc;

import com.google.common.collect.ImmutableList;
import java.util.Comparator;
import java.util.List;
import java.util.function.UnaryOperator;
import org.irmer.entitlement.adapter.jdbc.VersionedTable.Column;
import org.irmer.entitlement.core.domain.AuditRecord;
import org.irmer.entitlement.core.domain.EmployerId;
import org.irmer.entitlement.core.domain.PersonId;
import org.irmer.entitlement.core.port.out.AuditRecordStore;

/** Audits of referrers' practice in {@code audit_record}, added once, looked up by referrer and employer. */
final class JdbcAuditRecordStore implements AuditRecordStore {

  private static final Column<AuditRecord> ID = new Column<>("id", record -> record.id().value());
  private static final Column<AuditRecord> REFERRER =
      new Column<>("referrer_id", record -> record.referrer().value());
  private static final Column<AuditRecord> EMPLOYER =
      new Column<>("employer_id", record -> record.employer().value());

  private final AppendOnlyTable<AuditRecord> table;

  JdbcAuditRecordStore(Database database) {
    table = new AppendOnlyTable<>(database, "audit_record", "audit record", AuditRecord.class,
        List.of(ID), List.of(REFERRER, EMPLOYER), UnaryOperator.identity(),
        Comparator.comparing(AuditRecord::reviewedOn).thenComparing(AuditRecord::id));
  }

  @Override
  public ImmutableList<AuditRecord> forReferrer(PersonId referrer, EmployerId employer) {
    return table.where(List.of(REFERRER, EMPLOYER), referrer.value(), employer.value());
  }

  @Override
  public AuditRecord add(AuditRecord record) {
    return table.add(record);
  }
}
