package org.irmer.entitlement.adapter.jdbc;

import org.irmer.entitlement.testkit.contract.TransactionsContract;
import org.junit.jupiter.api.AfterAll;

/**
 * The units of work over the register's stores. The audit trail joins them once the adapter has
 * one; until then the suite runs without it.
 */
class PostgresTransactionsTests extends TransactionsContract {

  private static final TestDatabases.PerClassPostgres DATABASE =
      new TestDatabases.PerClassPostgres();

  @Override
  protected Ports newPorts() {
    JdbcRegister register = DATABASE.emptied();
    return new Ports(register.transactions(), register.entitlements(), register.training());
  }

  @AfterAll
  static void close() {
    DATABASE.close();
  }
}
