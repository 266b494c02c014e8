package org.irmer.entitlement.adapter.jdbc;

import org.irmer.entitlement.core.port.out.ComplianceEventStore;
import org.irmer.entitlement.testkit.contract.ComplianceEventStoreContract;
import org.junit.jupiter.api.AfterEach;

class H2ComplianceEventStoreTests extends ComplianceEventStoreContract {

  private JdbcRegister register;

  @Override
  protected ComplianceEventStore newStore() {
    register = TestDatabases.h2().open();
    return register.complianceEvents();
  }

  @AfterEach
  void close() {
    register.close();
  }
}
