package org.irmer.entitlement.adapter.jdbc;

import org.irmer.entitlement.core.port.out.ChangeNoticeStore;
import org.irmer.entitlement.testkit.contract.ChangeNoticeStoreContract;
import org.junit.jupiter.api.AfterAll;

class PostgresChangeNoticeStoreTests extends ChangeNoticeStoreContract {

  private static final TestDatabases.PerClassPostgres DATABASE =
      new TestDatabases.PerClassPostgres();

  @Override
  protected ChangeNoticeStore newStore() {
    return DATABASE.emptied().notices();
  }

  @AfterAll
  static void close() {
    DATABASE.close();
  }
}
