package org.irmer.entitlement.adapter.memory;

import com.google.common.collect.ImmutableList;
import org.irmer.entitlement.core.port.out.Notification;
import org.irmer.entitlement.core.port.out.Register;
import org.irmer.entitlement.testkit.contract.NotificationsContract;

class MemoryNotificationsTests extends NotificationsContract {

  private InMemoryRegister memory;

  @Override
  protected Ports newPorts() {
    memory = InMemoryRegister.create();
    Register register = memory.register();
    return new Ports(register.notifications(), register.transactions());
  }

  @Override
  protected ImmutableList<Notification> sentNotifications() {
    return memory.notifications();
  }
}
