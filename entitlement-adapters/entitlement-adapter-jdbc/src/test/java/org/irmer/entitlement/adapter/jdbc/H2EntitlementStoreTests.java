package org.irmer.entitlement.adapter.jdbc;

import org.irmer.entitlement.core.port.out.EntitlementStore;
import org.irmer.entitlement.testkit.contract.EntitlementStoreContract;
import org.junit.jupiter.api.AfterEach;

class H2EntitlementStoreTests extends EntitlementStoreContract {

  private JdbcRegister register;

  @Override
  protected EntitlementStore newStore() {
    register = TestDatabases.h2().open();
    return register.entitlements();
  }

  @AfterEach
  void close() {
    register.close();
  }
}
