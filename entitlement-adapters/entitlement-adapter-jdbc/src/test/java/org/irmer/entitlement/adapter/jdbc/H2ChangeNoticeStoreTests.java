package org.irmer.entitlement.adapter.jdbc;

import org.irmer.entitlement.core.port.out.ChangeNoticeStore;
import org.irmer.entitlement.testkit.contract.ChangeNoticeStoreContract;
import org.junit.jupiter.api.AfterEach;

class H2ChangeNoticeStoreTests extends ChangeNoticeStoreContract {

  private JdbcRegister register;

  @Override
  protected ChangeNoticeStore newStore() {
    register = TestDatabases.h2().open();
    return register.notices();
  }

  @AfterEach
  void close() {
    register.close();
  }
}
