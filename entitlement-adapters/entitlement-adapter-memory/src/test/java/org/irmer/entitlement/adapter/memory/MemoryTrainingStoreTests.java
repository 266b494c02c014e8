package org.irmer.entitlement.adapter.memory;

import org.irmer.entitlement.core.port.out.TrainingStore;
import org.irmer.entitlement.testkit.contract.TrainingStoreContract;

class MemoryTrainingStoreTests extends TrainingStoreContract {

  @Override
  protected TrainingStore newStore() {
    return InMemoryRegister.create().register().training();
  }
}
