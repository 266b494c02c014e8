package org.irmer.entitlement.adapter.jdbc;

import org.irmer.entitlement.core.port.out.AgreementStore;
import org.irmer.entitlement.testkit.contract.AgreementStoreContract;
import org.junit.jupiter.api.AfterEach;

class PostgresAgreementStoreTests extends AgreementStoreContract {

  private JdbcRegister register;

  @Override
  protected AgreementStore newStore() {
    register = TestDatabases.postgres().open();
    return register.agreements();
  }

  @AfterEach
  void close() {
    register.close();
  }
}
