package org.irmer.entitlement.adapter.jdbc;

import org.irmer.entitlement.core.port.out.DelegationStore;
import org.irmer.entitlement.testkit.contract.DelegationStoreContract;
import org.junit.jupiter.api.AfterEach;

class H2DelegationStoreTests extends DelegationStoreContract {

  private JdbcRegister register;

  @Override
  protected DelegationStore newStore() {
    register = TestDatabases.h2().open();
    return register.delegations();
  }

  @AfterEach
  void close() {
    register.close();
  }
}
