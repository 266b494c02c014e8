package org.irmer.entitlement.adapter.jdbc;

class H2ReferralAuditTests extends ReferralAuditCases {

  @Override
  protected JdbcRegister.Builder register() {
    return TestDatabases.h2(TestDatabases.newSchema());
  }
}
