package org.irmer.entitlement.adapter.jdbc;

import com.google.common.collect.ImmutableList;
import org.irmer.entitlement.core.port.out.Notification;
import org.irmer.entitlement.testkit.contract.NotificationsContract;
import org.junit.jupiter.api.AfterEach;

class H2NotificationsTests extends NotificationsContract {

  private JdbcRegister register;

  @Override
  protected Ports newPorts() {
    register = TestDatabases.h2().open();
    return new Ports(register.notifications(), register.transactions());
  }

  @Override
  protected ImmutableList<Notification> sentNotifications() {
    return register.outbox();
  }

  @AfterEach
  void close() {
    register.close();
  }
}
