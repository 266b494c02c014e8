package org.irmer.entitlement.adapter.memory;

import org.irmer.entitlement.core.port.out.EmployerStore;
import org.irmer.entitlement.testkit.contract.EmployerStoreContract;

class MemoryEmployerStoreTests extends EmployerStoreContract {

  @Override
  protected EmployerStore newStore() {
    return InMemoryRegister.create().register().employers();
  }
}
