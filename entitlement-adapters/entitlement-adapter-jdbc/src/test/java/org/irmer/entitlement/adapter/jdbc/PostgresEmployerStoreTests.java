package org.irmer.entitlement.adapter.jdbc;

import org.irmer.entitlement.core.port.out.EmployerStore;
import org.irmer.entitlement.testkit.contract.EmployerStoreContract;
import org.junit.jupiter.api.AfterEach;

class PostgresEmployerStoreTests extends EmployerStoreContract {

  private JdbcRegister register;

  @Override
  protected EmployerStore newStore() {
    register = TestDatabases.postgres().open();
    return register.employers();
  }

  @AfterEach
  void close() {
    register.close();
  }
}
