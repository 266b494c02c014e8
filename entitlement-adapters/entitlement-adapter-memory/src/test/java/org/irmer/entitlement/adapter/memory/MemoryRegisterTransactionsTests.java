package org.irmer.entitlement.adapter.memory;

import com.google.common.collect.ImmutableList;
import org.irmer.entitlement.core.port.out.Notification;
import org.irmer.entitlement.core.port.out.Register;
import org.irmer.entitlement.testkit.contract.RegisterTransactionsContract;

class MemoryRegisterTransactionsTests extends RegisterTransactionsContract {

  private InMemoryRegister memory;

  @Override
  protected Register newRegister() {
    memory = InMemoryRegister.create();
    return memory.register();
  }

  @Override
  protected ImmutableList<Notification> sentNotifications() {
    return memory.notifications();
  }
}
