package org.irmer.entitlement.adapter.jdbc;

import org.irmer.entitlement.core.port.out.Register;
import org.irmer.entitlement.testkit.contract.ReferenceDataContract;
import org.junit.jupiter.api.AfterEach;

class H2ReferenceDataTests extends ReferenceDataContract {

  private JdbcRegister register;

  @Override
  protected Register newRegister() {
    register = TestDatabases.h2().open();
    return register.register();
  }

  @AfterEach
  void close() {
    register.close();
  }
}
