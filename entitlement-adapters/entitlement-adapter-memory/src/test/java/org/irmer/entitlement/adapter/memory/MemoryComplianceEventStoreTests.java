package org.irmer.entitlement.adapter.memory;

import org.irmer.entitlement.core.port.out.ComplianceEventStore;
import org.irmer.entitlement.testkit.contract.ComplianceEventStoreContract;

class MemoryComplianceEventStoreTests extends ComplianceEventStoreContract {

  @Override
  protected ComplianceEventStore newStore() {
    return InMemoryRegister.create().register().complianceEvents();
  }
}
