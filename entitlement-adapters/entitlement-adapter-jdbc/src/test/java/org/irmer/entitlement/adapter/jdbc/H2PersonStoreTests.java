package org.irmer.entitlement.adapter.jdbc;

import org.irmer.entitlement.core.port.out.PersonStore;
import org.irmer.entitlement.testkit.contract.PersonStoreContract;
import org.junit.jupiter.api.AfterEach;

class H2PersonStoreTests extends PersonStoreContract {

  private JdbcRegister register;

  @Override
  protected PersonStore newStore() {
    register = TestDatabases.h2().open();
    return register.people();
  }

  @AfterEach
  void close() {
    register.close();
  }
}
