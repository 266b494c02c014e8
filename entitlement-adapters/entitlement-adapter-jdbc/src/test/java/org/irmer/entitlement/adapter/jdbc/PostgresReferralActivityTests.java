package org.irmer.entitlement.adapter.jdbc;

import org.irmer.entitlement.testkit.contract.ReferralActivityContract;
import org.junit.jupiter.api.AfterAll;

class PostgresReferralActivityTests extends ReferralActivityContract {

  private static final TestDatabases.PerClassPostgres DATABASE =
      new TestDatabases.PerClassPostgres();

  @Override
  protected Fixture newFixture() {
    JdbcRegister register = DATABASE.emptied();
    return new Fixture(register.auditTrail(), register.activity());
  }

  @AfterAll
  static void close() {
    DATABASE.close();
  }
}
