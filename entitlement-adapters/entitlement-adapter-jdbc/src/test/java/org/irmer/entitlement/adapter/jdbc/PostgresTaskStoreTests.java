package org.irmer.entitlement.adapter.jdbc;

import org.irmer.entitlement.core.port.out.TaskStore;
import org.irmer.entitlement.testkit.contract.TaskStoreContract;
import org.junit.jupiter.api.AfterAll;

class PostgresTaskStoreTests extends TaskStoreContract {

  private static final TestDatabases.PerClassPostgres DATABASE =
      new TestDatabases.PerClassPostgres();

  @Override
  protected TaskStore newStore() {
    return DATABASE.emptied().tasks();
  }

  @AfterAll
  static void close() {
    DATABASE.close();
  }
}
