package org.irmer.entitlement.adapter.jdbc;

class PostgresTrailUnitOfWorkTests extends TrailUnitOfWorkCases {

  @Override
  protected JdbcRegister.Builder register(String name) {
    return TestDatabases.postgres(name);
  }
}
