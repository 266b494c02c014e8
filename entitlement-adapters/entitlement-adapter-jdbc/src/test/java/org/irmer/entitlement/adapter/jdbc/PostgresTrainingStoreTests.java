package org.irmer.entitlement.adapter.jdbc;

import org.irmer.entitlement.core.port.out.TrainingStore;
import org.irmer.entitlement.testkit.contract.TrainingStoreContract;
import org.junit.jupiter.api.AfterAll;

class PostgresTrainingStoreTests extends TrainingStoreContract {

  private static final TestDatabases.PerClassPostgres DATABASE =
      new TestDatabases.PerClassPostgres();

  @Override
  protected TrainingStore newStore() {
    return DATABASE.emptied().training();
  }

  @AfterAll
  static void close() {
    DATABASE.close();
  }
}
