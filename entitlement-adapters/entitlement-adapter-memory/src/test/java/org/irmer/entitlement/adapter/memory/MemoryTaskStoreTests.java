package org.irmer.entitlement.adapter.memory;

import org.irmer.entitlement.core.port.out.TaskStore;
import org.irmer.entitlement.testkit.contract.TaskStoreContract;

class MemoryTaskStoreTests extends TaskStoreContract {

  @Override
  protected TaskStore newStore() {
    return InMemoryRegister.create().register().tasks();
  }
}
