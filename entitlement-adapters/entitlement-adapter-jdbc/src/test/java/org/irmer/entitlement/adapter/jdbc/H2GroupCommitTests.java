package org.irmer.entitlement.adapter.jdbc;

import com.zaxxer.hikari.HikariDataSource;

class H2GroupCommitTests extends GroupCommitCases {

  @Override
  protected JdbcRegister.Builder register(String name) {
    return TestDatabases.h2(name);
  }

  @Override
  protected HikariDataSource pool(String name) {
    return TestDatabases.h2Pool(name);
  }

  @Override
  protected Dialect dialect() {
    return Dialect.H2;
  }
}
