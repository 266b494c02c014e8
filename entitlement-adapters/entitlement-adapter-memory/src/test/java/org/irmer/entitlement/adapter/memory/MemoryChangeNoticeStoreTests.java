package org.irmer.entitlement.adapter.memory;

import org.irmer.entitlement.core.port.out.ChangeNoticeStore;
import org.irmer.entitlement.testkit.contract.ChangeNoticeStoreContract;

class MemoryChangeNoticeStoreTests extends ChangeNoticeStoreContract {

  @Override
  protected ChangeNoticeStore newStore() {
    return InMemoryRegister.create().register().notices();
  }
}
