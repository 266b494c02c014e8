package org.irmer.entitlement.adapter.jdbc;

import org.irmer.entitlement.testkit.contract.TransactionsContract;
import org.junit.jupiter.api.AfterAll;

/** The units of work over the register's stores and its audit trail. */
class PostgresTransactionsTests extends TransactionsContract {

  private static final TestDatabases.PerClassPostgres DATABASE =
      new TestDatabases.PerClassPostgres();

  @Override
  protected Ports newPorts() {
    JdbcRegister register = DATABASE.emptied();
    return new Ports(register.transactions(), register.entitlements(), register.training(),
        register.auditTrail());
  }

  @AfterAll
  static void close() {
    DATABASE.close();
  }
}
