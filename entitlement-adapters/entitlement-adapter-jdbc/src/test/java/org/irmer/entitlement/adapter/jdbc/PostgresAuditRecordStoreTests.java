package org.irmer.entitlement.adapter.jdbc;

import org.irmer.entitlement.core.port.out.AuditRecordStore;
import org.irmer.entitlement.testkit.contract.AuditRecordStoreContract;
import org.junit.jupiter.api.AfterAll;

class PostgresAuditRecordStoreTests extends AuditRecordStoreContract {

  private static final TestDatabases.PerClassPostgres DATABASE =
      new TestDatabases.PerClassPostgres();

  @Override
  protected AuditRecordStore newStore() {
    return DATABASE.emptied().auditRecords();
  }

  @AfterAll
  static void close() {
    DATABASE.close();
  }
}
