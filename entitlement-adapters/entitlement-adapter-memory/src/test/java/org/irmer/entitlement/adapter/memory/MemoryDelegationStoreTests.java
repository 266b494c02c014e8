package org.irmer.entitlement.adapter.memory;

import org.irmer.entitlement.core.port.out.DelegationStore;
import org.irmer.entitlement.testkit.contract.DelegationStoreContract;

class MemoryDelegationStoreTests extends DelegationStoreContract {

  @Override
  protected DelegationStore newStore() {
    return InMemoryRegister.create().register().delegations();
  }
}
