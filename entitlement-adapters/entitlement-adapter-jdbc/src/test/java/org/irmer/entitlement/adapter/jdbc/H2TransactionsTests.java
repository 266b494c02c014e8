package org.irmer.entitlement.adapter.jdbc;

import org.irmer.entitlement.testkit.contract.TransactionsContract;
import org.junit.jupiter.api.AfterEach;

/** The units of work over the register's stores and its audit trail. */
class H2TransactionsTests extends TransactionsContract {

  private JdbcRegister register;

  @Override
  protected Ports newPorts() {
    register = TestDatabases.h2().open();
    return new Ports(register.transactions(), register.entitlements(), register.training(),
        register.auditTrail());
  }

  @AfterEach
  void close() {
    register.close();
  }
}
