package org.irmer.entitlement.adapter.jdbc;

import org.irmer.entitlement.core.port.out.EntitlementStore;
import org.irmer.entitlement.testkit.contract.EntitlementStoreContract;
import org.junit.jupiter.api.AfterAll;

class PostgresEntitlementStoreTests extends EntitlementStoreContract {

  private static final TestDatabases.PerClassPostgres DATABASE =
      new TestDatabases.PerClassPostgres();

  @Override
  protected EntitlementStore newStore() {
    return DATABASE.emptied().entitlements();
  }

  @AfterAll
  static void close() {
    DATABASE.close();
  }
}
