package org.irmer.entitlement.adapter.jdbc;

import org.irmer.entitlement.core.port.out.DelegationStore;
import org.irmer.entitlement.testkit.contract.DelegationStoreContract;
import org.junit.jupiter.api.AfterEach;

class PostgresDelegationStoreTests extends DelegationStoreContract {

  private JdbcRegister register;

  @Override
  protected DelegationStore newStore() {
    register = TestDatabases.postgres().open();
    return register.delegations();
  }

  @AfterEach
  void close() {
    register.close();
  }
}
