package org.irmer.entitlement.adapter.jdbc;

import org.irmer.entitlement.core.port.out.TrainingStore;
import org.irmer.entitlement.testkit.contract.TrainingStoreContract;
import org.junit.jupiter.api.AfterEach;

class H2TrainingStoreTests extends TrainingStoreContract {

  private JdbcRegister register;

  @Override
  protected TrainingStore newStore() {
    register = TestDatabases.h2().open();
    return register.training();
  }

  @AfterEach
  void close() {
    register.close();
  }
}
