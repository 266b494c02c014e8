package org.irmer.entitlement.adapter.jdbc;

import org.irmer.entitlement.core.port.out.TrainingStore;
import org.irmer.entitlement.testkit.contract.TrainingStoreContract;
import org.junit.jupiter.api.AfterEach;

class PostgresTrainingStoreTests extends TrainingStoreContract {

  private JdbcRegister register;

  @Override
  protected TrainingStore newStore() {
    register = TestDatabases.postgres().open();
    return register.training();
  }

  @AfterEach
  void close() {
    register.close();
  }
}
