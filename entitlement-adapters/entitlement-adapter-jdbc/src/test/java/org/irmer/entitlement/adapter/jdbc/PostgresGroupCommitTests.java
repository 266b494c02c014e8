package org.irmer.entitlement.adapter.jdbc;

import com.zaxxer.hikari.HikariDataSource;

class PostgresGroupCommitTests extends GroupCommitCases {

  @Override
  protected JdbcRegister.Builder register(String name) {
    return TestDatabases.postgres(name);
  }

  @Override
  protected HikariDataSource pool(String name) {
    return TestDatabases.postgresPool(name);
  }

  @Override
  protected Dialect dialect() {
    return Dialect.POSTGRESQL;
  }
}
