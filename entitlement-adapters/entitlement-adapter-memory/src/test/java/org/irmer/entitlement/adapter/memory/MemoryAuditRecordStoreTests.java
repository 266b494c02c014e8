package org.irmer.entitlement.adapter.memory;

import org.irmer.entitlement.core.port.out.Register;
import org.irmer.entitlement.testkit.contract.AuditRecordStoreContract;

class MemoryAuditRecordStoreTests extends AuditRecordStoreContract {

  @Override
  protected Register newRegister() {
    return InMemoryRegister.create().register();
  }
}
