package org.irmer.entitlement.adapter.jdbc;

import org.irmer.entitlement.core.port.out.ComplianceEventStore;
import org.irmer.entitlement.testkit.contract.ComplianceEventStoreContract;
import org.junit.jupiter.api.AfterAll;

class PostgresComplianceEventStoreTests extends ComplianceEventStoreContract {

  private static final TestDatabases.PerClassPostgres DATABASE =
      new TestDatabases.PerClassPostgres();

  @Override
  protected ComplianceEventStore newStore() {
    return DATABASE.emptied().complianceEvents();
  }

  @AfterAll
  static void close() {
    DATABASE.close();
  }
}
