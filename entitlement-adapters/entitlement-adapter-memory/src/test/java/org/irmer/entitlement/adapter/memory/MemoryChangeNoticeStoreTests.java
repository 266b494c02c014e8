package org.irmer.entitlement.adapter.memory;

import org.irmer.entitlement.core.port.out.Register;
import org.irmer.entitlement.testkit.contract.ChangeNoticeStoreContract;

class MemoryChangeNoticeStoreTests extends ChangeNoticeStoreContract {

  @Override
  protected Register newRegister() {
    return InMemoryRegister.create().register();
  }
}
