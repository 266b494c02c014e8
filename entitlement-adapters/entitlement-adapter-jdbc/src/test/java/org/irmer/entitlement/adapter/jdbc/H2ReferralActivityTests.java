package org.irmer.entitlement.adapter.jdbc;

import org.irmer.entitlement.testkit.contract.ReferralActivityContract;
import org.junit.jupiter.api.AfterEach;

class H2ReferralActivityTests extends ReferralActivityContract {

  private JdbcRegister register;

  @Override
  protected Fixture newFixture() {
    register = TestDatabases.h2().open();
    return new Fixture(register.auditTrail(), register.activity());
  }

  @AfterEach
  void close() {
    register.close();
  }
}
