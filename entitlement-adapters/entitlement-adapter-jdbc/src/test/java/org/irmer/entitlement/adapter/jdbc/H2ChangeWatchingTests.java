package org.irmer.entitlement.adapter.jdbc;

/** Two registers over one H2 database: the other learns of a change by polling. */
class H2ChangeWatchingTests extends ChangeWatchingCases {

  @Override
  protected JdbcRegister.Builder register(String name) {
    return TestDatabases.h2(name);
  }
}
