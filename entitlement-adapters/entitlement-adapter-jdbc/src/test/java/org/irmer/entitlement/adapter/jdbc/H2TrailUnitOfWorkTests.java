package org.irmer.entitlement.adapter.jdbc;

class H2TrailUnitOfWorkTests extends TrailUnitOfWorkCases {

  @Override
  protected JdbcRegister.Builder register(String name) {
    return TestDatabases.h2(name);
  }
}
