package org.irmer.entitlement.adapter.jdbc;

import org.irmer.entitlement.core.port.out.AgreementStore;
import org.irmer.entitlement.testkit.contract.AgreementStoreContract;
import org.junit.jupiter.api.AfterEach;

class H2AgreementStoreTests extends AgreementStoreContract {

  private JdbcRegister register;

  @Override
  protected AgreementStore newStore() {
    register = TestDatabases.h2().open();
    return register.agreements();
  }

  @AfterEach
  void close() {
    register.close();
  }
}
