package org.irmer.entitlement.adapter.memory;

import org.irmer.entitlement.core.port.out.AuditRecordStore;
import org.irmer.entitlement.testkit.contract.AuditRecordStoreContract;

class MemoryAuditRecordStoreTests extends AuditRecordStoreContract {

  @Override
  protected AuditRecordStore newStore() {
    return InMemoryRegister.create().register().auditRecords();
  }
}
