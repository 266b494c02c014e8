package org.irmer.entitlement.adapter.memory;

import org.irmer.entitlement.core.port.out.ApplicationStore;
import org.irmer.entitlement.testkit.contract.ApplicationStoreContract;

class MemoryApplicationStoreTests extends ApplicationStoreContract {

  @Override
  protected ApplicationStore newStore() {
    return InMemoryRegister.create().register().applications();
  }
}
