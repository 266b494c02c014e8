package org.irmer.entitlement.adapter.jdbc;

import org.irmer.entitlement.core.port.out.AuditRecordStore;
import org.irmer.entitlement.testkit.contract.AuditRecordStoreContract;
import org.junit.jupiter.api.AfterEach;

class H2AuditRecordStoreTests extends AuditRecordStoreContract {

  private JdbcRegister register;

  @Override
  protected AuditRecordStore newStore() {
    register = TestDatabases.h2().open();
    return register.auditRecords();
  }

  @AfterEach
  void close() {
    register.close();
  }
}
