package org.irmer.entitlement.adapter.jdbc;

import org.irmer.entitlement.core.port.out.EmployerStore;
import org.irmer.entitlement.testkit.contract.EmployerStoreContract;
import org.junit.jupiter.api.AfterEach;

class H2EmployerStoreTests extends EmployerStoreContract {

  private JdbcRegister register;

  @Override
  protected EmployerStore newStore() {
    register = TestDatabases.h2().open();
    return register.employers();
  }

  @AfterEach
  void close() {
    register.close();
  }
}
