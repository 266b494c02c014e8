package org.irmer.entitlement.adapter.jdbc;

import org.irmer.entitlement.core.port.out.AgreementStore;
import org.irmer.entitlement.testkit.contract.AgreementStoreContract;
import org.junit.jupiter.api.AfterAll;

class PostgresAgreementStoreTests extends AgreementStoreContract {

  private static final TestDatabases.PerClassPostgres DATABASE =
      new TestDatabases.PerClassPostgres();

  @Override
  protected AgreementStore newStore() {
    return DATABASE.emptied().agreements();
  }

  @AfterAll
  static void close() {
    DATABASE.close();
  }
}
