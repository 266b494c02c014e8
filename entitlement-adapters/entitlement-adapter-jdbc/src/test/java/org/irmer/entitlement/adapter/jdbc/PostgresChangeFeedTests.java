package org.irmer.entitlement.adapter.jdbc;

import org.irmer.entitlement.testkit.contract.ChangeFeedContract;
import org.junit.jupiter.api.AfterEach;

class PostgresChangeFeedTests extends ChangeFeedContract {

  private JdbcRegister register;

  @Override
  protected Ports newPorts() {
    register = TestDatabases.postgres().open();
    return new Ports(register.changes(), register.transactions());
  }

  @AfterEach
  void close() {
    register.close();
  }
}
