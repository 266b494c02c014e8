package org.irmer.entitlement.adapter.jdbc;

import org.irmer.entitlement.core.port.out.DelegationStore;
import org.irmer.entitlement.testkit.contract.DelegationStoreContract;
import org.junit.jupiter.api.AfterAll;

class PostgresDelegationStoreTests extends DelegationStoreContract {

  private static final TestDatabases.PerClassPostgres DATABASE =
      new TestDatabases.PerClassPostgres();

  @Override
  protected DelegationStore newStore() {
    return DATABASE.emptied().delegations();
  }

  @AfterAll
  static void close() {
    DATABASE.close();
  }
}
