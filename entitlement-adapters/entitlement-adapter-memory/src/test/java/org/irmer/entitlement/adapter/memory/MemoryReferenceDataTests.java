package org.irmer.entitlement.adapter.memory;

import org.irmer.entitlement.core.port.out.Register;
import org.irmer.entitlement.testkit.contract.ReferenceDataContract;

class MemoryReferenceDataTests extends ReferenceDataContract {

  @Override
  protected Register newRegister() {
    return InMemoryRegister.create().register();
  }
}
