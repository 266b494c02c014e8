package org.irmer.entitlement.adapter.memory;

import org.irmer.entitlement.core.port.out.AgreementStore;
import org.irmer.entitlement.testkit.contract.AgreementStoreContract;

class MemoryAgreementStoreTests extends AgreementStoreContract {

  @Override
  protected AgreementStore newStore() {
    return InMemoryRegister.create().register().agreements();
  }
}
