package org.irmer.entitlement.adapter.jdbc;

import org.irmer.entitlement.core.port.out.EmployerStore;
import org.irmer.entitlement.testkit.contract.EmployerStoreContract;
import org.junit.jupiter.api.AfterAll;

class PostgresEmployerStoreTests extends EmployerStoreContract {

  private static final TestDatabases.PerClassPostgres DATABASE =
      new TestDatabases.PerClassPostgres();

  @Override
  protected EmployerStore newStore() {
    return DATABASE.emptied().employers();
  }

  @AfterAll
  static void close() {
    DATABASE.close();
  }
}
