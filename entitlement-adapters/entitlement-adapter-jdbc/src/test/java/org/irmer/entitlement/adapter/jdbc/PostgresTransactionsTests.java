package org.irmer.entitlement.adapter.jdbc;

import org.irmer.entitlement.testkit.contract.TransactionsContract;
import org.junit.jupiter.api.AfterEach;

/**
 * The units of work over the register's stores. The audit trail joins them once the adapter has
 * one; until then the suite runs without it.
 */
class PostgresTransactionsTests extends TransactionsContract {

  private JdbcRegister register;

  @Override
  protected Ports newPorts() {
    register = TestDatabases.postgres().open();
    return new Ports(register.transactions(), register.entitlements(), register.training());
  }

  @AfterEach
  void close() {
    register.close();
  }
}
