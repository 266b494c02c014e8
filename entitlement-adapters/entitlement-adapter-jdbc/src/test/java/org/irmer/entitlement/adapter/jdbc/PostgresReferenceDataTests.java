package org.irmer.entitlement.adapter.jdbc;

import org.irmer.entitlement.core.port.out.Register;
import org.irmer.entitlement.testkit.contract.ReferenceDataContract;
import org.junit.jupiter.api.AfterAll;

class PostgresReferenceDataTests extends ReferenceDataContract {

  private static final TestDatabases.PerClassPostgres DATABASE =
      new TestDatabases.PerClassPostgres();

  @Override
  protected Register newRegister() {
    return DATABASE.emptied().register();
  }

  @AfterAll
  static void close() {
    DATABASE.close();
  }
}
