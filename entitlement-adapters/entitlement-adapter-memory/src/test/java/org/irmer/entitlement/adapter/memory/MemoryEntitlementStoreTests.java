package org.irmer.entitlement.adapter.memory;

import org.irmer.entitlement.core.port.out.EntitlementStore;
import org.irmer.entitlement.testkit.contract.EntitlementStoreContract;

class MemoryEntitlementStoreTests extends EntitlementStoreContract {

  @Override
  protected EntitlementStore newStore() {
    return InMemoryRegister.create().register().entitlements();
  }
}
