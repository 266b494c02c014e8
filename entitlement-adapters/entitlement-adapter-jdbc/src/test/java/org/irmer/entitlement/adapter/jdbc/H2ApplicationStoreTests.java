package org.irmer.entitlement.adapter.jdbc;

import org.irmer.entitlement.core.port.out.ApplicationStore;
import org.irmer.entitlement.testkit.contract.ApplicationStoreContract;
import org.junit.jupiter.api.AfterEach;

class H2ApplicationStoreTests extends ApplicationStoreContract {

  private JdbcRegister register;

  @Override
  protected ApplicationStore newStore() {
    register = TestDatabases.h2().open();
    return register.applications();
  }

  @AfterEach
  void close() {
    register.close();
  }
}
