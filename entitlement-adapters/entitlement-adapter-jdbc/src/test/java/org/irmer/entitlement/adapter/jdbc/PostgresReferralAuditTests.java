package org.irmer.entitlement.adapter.jdbc;

class PostgresReferralAuditTests extends ReferralAuditCases {

  @Override
  protected JdbcRegister.Builder register() {
    return TestDatabases.postgres(TestDatabases.newSchema());
  }
}
