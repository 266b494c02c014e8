package org.irmer.entitlement.adapter.jdbc;

import org.irmer.entitlement.core.port.out.ApplicationStore;
import org.irmer.entitlement.testkit.contract.ApplicationStoreContract;
import org.junit.jupiter.api.AfterAll;

class PostgresApplicationStoreTests extends ApplicationStoreContract {

  private static final TestDatabases.PerClassPostgres DATABASE =
      new TestDatabases.PerClassPostgres();

  @Override
  protected ApplicationStore newStore() {
    return DATABASE.emptied().applications();
  }

  @AfterAll
  static void close() {
    DATABASE.close();
  }
}
