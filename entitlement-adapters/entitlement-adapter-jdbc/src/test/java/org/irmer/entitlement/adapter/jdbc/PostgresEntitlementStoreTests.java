package org.irmer.entitlement.adapter.jdbc;

import org.irmer.entitlement.core.port.out.EntitlementStore;
import org.irmer.entitlement.testkit.contract.EntitlementStoreContract;
import org.junit.jupiter.api.AfterEach;

class PostgresEntitlementStoreTests extends EntitlementStoreContract {

  private JdbcRegister register;

  @Override
  protected EntitlementStore newStore() {
    register = TestDatabases.postgres().open();
    return register.entitlements();
  }

  @AfterEach
  void close() {
    register.close();
  }
}
