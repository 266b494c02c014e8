package org.irmer.entitlement.adapter.jdbc;

import org.irmer.entitlement.core.port.out.TaskStore;
import org.irmer.entitlement.testkit.contract.TaskStoreContract;
import org.junit.jupiter.api.AfterEach;

class H2TaskStoreTests extends TaskStoreContract {

  private JdbcRegister register;

  @Override
  protected TaskStore newStore() {
    register = TestDatabases.h2().open();
    return register.tasks();
  }

  @AfterEach
  void close() {
    register.close();
  }
}
