package org.irmer.entitlement.adapter.jdbc;

import org.irmer.entitlement.core.port.out.PersonStore;
import org.irmer.entitlement.testkit.contract.PersonStoreContract;
import org.junit.jupiter.api.AfterAll;

class PostgresPersonStoreTests extends PersonStoreContract {

  private static final TestDatabases.PerClassPostgres DATABASE =
      new TestDatabases.PerClassPostgres();

  @Override
  protected PersonStore newStore() {
    return DATABASE.emptied().people();
  }

  @AfterAll
  static void close() {
    DATABASE.close();
  }
}
