package org.irmer.entitlement.adapter.jdbc;

import com.google.common.collect.ImmutableList;
import org.irmer.entitlement.core.port.out.Notification;
import org.irmer.entitlement.testkit.contract.NotificationsContract;
import org.junit.jupiter.api.AfterAll;

class PostgresNotificationsTests extends NotificationsContract {

  private static final TestDatabases.PerClassPostgres DATABASE =
      new TestDatabases.PerClassPostgres();

  private JdbcRegister register;

  @Override
  protected Ports newPorts() {
    register = DATABASE.emptied();
    return new Ports(register.notifications(), register.transactions());
  }

  @Override
  protected ImmutableList<Notification> sentNotifications() {
    return register.outbox();
  }

  @AfterAll
  static void close() {
    DATABASE.close();
  }
}
