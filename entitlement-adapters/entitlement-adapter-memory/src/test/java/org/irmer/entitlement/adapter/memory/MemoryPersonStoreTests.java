package org.irmer.entitlement.adapter.memory;

import org.irmer.entitlement.core.port.out.PersonStore;
import org.irmer.entitlement.testkit.contract.PersonStoreContract;

class MemoryPersonStoreTests extends PersonStoreContract {

  @Override
  protected PersonStore newStore() {
    return InMemoryRegister.create().register().people();
  }
}
